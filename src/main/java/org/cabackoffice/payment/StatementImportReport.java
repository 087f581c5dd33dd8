package org.cabackoffice.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, line by line: the answer to the posting officer and what an officer reads
 * later. MATCHING lines (an import stopped before it recorded them) are listed as unmatched with
 * the reason that the payment may or may not be recorded.
 */
public record StatementImportReport(
    long importId,
    BankStatementFormat format,
    String fileName,
    String sha256,
    String importedBy,
    Instant importedAt,
    Instant completedAt,
    List<Matched> matched,
    List<Unmatched> unmatched,
    List<Duplicate> duplicates,
    List<Error> errors) {

  public record Matched(
      long line, long applicationId, long amountYen, LocalDate valueDate, String reference, String payer,
      long paymentId, String note) {}

  public record Unmatched(
      long line, String accountNumber, long amountYen, String reason, UnmatchedReason reasonCode,
      LocalDate valueDate, String reference, String payer, Long applicationId) {}

  public record Duplicate(long line, String reference, Long firstImportId) {}

  public record Error(long line, String message) {}

  static StatementImportReport of(BankStatementImport statement, List<BankStatementLine> lines) {
    List<Matched> matched = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    List<Error> errors = new ArrayList<>();
    for (BankStatementLine l : lines) {
      switch (l.getOutcome()) {
        case MATCHED ->
            matched.add(
                new Matched(
                    l.getLineNumber(), l.getApplicationId(), l.getAmountYen(), l.getValueDate(),
                    l.getReference(), l.getPayer(), l.getPaymentId(), l.getMessage()));
        case UNMATCHED ->
            unmatched.add(
                new Unmatched(
                    l.getLineNumber(), l.getAccountNumber(), l.getAmountYen(), l.getMessage(),
                    l.getReason(), l.getValueDate(), l.getReference(), l.getPayer(), l.getApplicationId()));
        case MATCHING ->
            unmatched.add(
                new Unmatched(
                    l.getLineNumber(), l.getAccountNumber(), l.getAmountYen(),
                    "the import stopped while recording this deposit for application "
                        + l.getApplicationId()
                        + "; check that application's invoice before recording it by hand",
                    UnmatchedReason.NOT_RECORDED, l.getValueDate(), l.getReference(), l.getPayer(),
                    l.getApplicationId()));
        case DUPLICATE ->
            duplicates.add(new Duplicate(l.getLineNumber(), l.getReference(), l.getDuplicateOfImportId()));
        case ERROR -> errors.add(new Error(l.getLineNumber(), l.getMessage()));
      }
    }
    return new StatementImportReport(
        statement.getId(),
        statement.getFormat(),
        statement.getFileName(),
        statement.getSha256(),
        statement.getImportedBy(),
        statement.getImportedAt(),
        statement.getCompletedAt(),
        matched,
        unmatched,
        duplicates,
        errors);
  }
}
