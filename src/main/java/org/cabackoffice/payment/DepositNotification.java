package org.cabackoffice.payment;

import java.time.LocalDate;

/**
 * One incoming transfer as a statement file reports it.
 *
 * @param line the record or line number in the file, 1-based, header included
 * @param depositKey what makes this deposit the same one when a file is imported again; unique in
 *     the database, so a transfer is never counted twice
 * @param reference the bank's reference as an officer reads it (照会番号, or the CSV's reference)
 * @param branchCode the branch the money was paid into, or null where the file does not say
 * @param accountNumber the seven-digit account the money was paid into
 * @param amountYen whole yen, positive
 * @param valueDate the day the money was booked (勘定日)
 * @param payer the remitter's name as the bank shows it (振込依頼人名, half-width kana)
 * @param cancellation the bank cancels an earlier notice of this transfer (取消区分 1)
 */
public record DepositNotification(
    long line,
    String depositKey,
    String reference,
    String branchCode,
    String accountNumber,
    long amountYen,
    LocalDate valueDate,
    String payer,
    boolean cancellation) {}
