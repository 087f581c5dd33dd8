package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of {@link DepositMatching}, on plain values: no store, no clock. */
class DepositMatchingTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final String BRANCH = "123";
  private static final String ACCOUNT = "0000018";
  private static final long TOTAL = 89_100;

  /** An open invoice of {@link #TOTAL} yen (81,000 + 8,100 tax) issued on the given day. */
  private static Invoice invoice(long applicationId, LocalDate issuedOn) {
    return invoice(applicationId, issuedOn, 81_000, 8_100);
  }

  private static Invoice invoice(long applicationId, LocalDate issuedOn, long price, long tax) {
    return new Invoice(
        applicationId,
        applicationId,
        1L,
        1L,
        "SECURE_SERVER_ID",
        false,
        false,
        price,
        0,
        10,
        tax,
        issuedOn,
        issuedOn.plusDays(14),
        "tech@example.jp",
        issuedOn.atTime(10, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
  }

  private static DepositNotification deposit(long amount, LocalDate valueDate) {
    return deposit(BRANCH, amount, valueDate, false);
  }

  private static DepositNotification deposit(
      String branch, long amount, LocalDate valueDate, boolean cancellation) {
    return new DepositNotification(
        2, "zengin:9999-" + branch + "-" + ACCOUNT + ":" + valueDate + ":000001", "000001", branch,
        ACCOUNT, amount, valueDate, "ｶ)ｻﾝﾌﾟﾙ", cancellation);
  }

  private static DepositMatching.Facts open(Invoice... invoices) {
    return new DepositMatching.Facts(null, BRANCH, true, List.of(invoices), List.of(), TODAY);
  }

  private static DepositMatching.Unmatched unmatched(DepositMatching.Outcome outcome) {
    assertThat(outcome).isInstanceOf(DepositMatching.Unmatched.class);
    return (DepositMatching.Unmatched) outcome;
  }

  private static Invoice paid(DepositMatching.Outcome outcome) {
    assertThat(outcome).isInstanceOf(DepositMatching.Pays.class);
    return ((DepositMatching.Pays) outcome).invoice();
  }

  @Test
  void theExactAmountPaysTheOldestOpenInvoiceWhateverTheOrderGiven() {
    Invoice newest = invoice(9L, TODAY.minusDays(1));
    Invoice oldest = invoice(7L, TODAY.minusDays(20));
    Invoice middle = invoice(8L, TODAY.minusDays(5));
    Invoice otherTotal = invoice(6L, TODAY.minusDays(30), 120_000, 12_000);

    Invoice paid = paid(DepositMatching.match(deposit(TOTAL, TODAY), open(newest, otherTotal, oldest, middle)));

    assertThat(paid).isSameAs(oldest);
  }

  @Test
  void aValueDateOnTheInvoicesDateAndTodayPay() {
    Invoice invoice = invoice(7L, TODAY);

    assertThat(paid(DepositMatching.match(deposit(TOTAL, TODAY), open(invoice)))).isSameAs(invoice);
  }

  @Test
  void moreOrLessThanAnyOpenTotalIsAnAmountMismatchNamingTheTotals() {
    Invoice invoice = invoice(7L, TODAY.minusDays(3));

    for (long amount : new long[] {TOTAL - 1, TOTAL + 1, 2 * TOTAL}) {
      DepositMatching.Unmatched unmatched = unmatched(DepositMatching.match(deposit(amount, TODAY), open(invoice)));
      assertThat(unmatched.reason()).isEqualTo(UnmatchedReason.AMOUNT_MISMATCH);
      assertThat(unmatched.explanation()).contains(String.format("%,d yen", amount), "application 7: 89,100 yen");
    }
  }

  @Test
  void anAccountWithoutOpenInvoiceHasNothingToPay() {
    Invoice cancelled = invoice(7L, TODAY.minusDays(3));
    cancelled.cancel(Instant.parse("2026-11-25T00:00:00Z"));

    assertThat(unmatched(DepositMatching.match(deposit(TOTAL, TODAY), open())).reason())
        .isEqualTo(UnmatchedReason.NO_OPEN_INVOICE);
    assertThat(unmatched(DepositMatching.match(deposit(TOTAL, TODAY), open(cancelled))).reason())
        .isEqualTo(UnmatchedReason.NO_OPEN_INVOICE);
  }

  @Test
  void moneyAtAnotherBranchOrIntoNoVirtualAccountIsNoCustomers() {
    Invoice invoice = invoice(7L, TODAY.minusDays(3));

    DepositMatching.Unmatched otherBranch =
        unmatched(DepositMatching.match(deposit("456", TOTAL, TODAY, false), open(invoice)));
    DepositMatching.Unmatched unknown =
        unmatched(
            DepositMatching.match(
                deposit(TOTAL, TODAY),
                new DepositMatching.Facts(null, BRANCH, false, List.of(), List.of(), TODAY)));

    assertThat(otherBranch.reason()).isEqualTo(UnmatchedReason.OTHER_BRANCH);
    assertThat(otherBranch.explanation()).contains("456", "123");
    assertThat(unknown.reason()).isEqualTo(UnmatchedReason.UNKNOWN_ACCOUNT);
    assertThat(unknown.explanation()).contains(ACCOUNT);
  }

  @Test
  void theBanksCancellationPaysNothing() {
    Invoice invoice = invoice(7L, TODAY.minusDays(3));

    DepositMatching.Unmatched cancelled =
        unmatched(DepositMatching.match(deposit(BRANCH, TOTAL, TODAY, true), open(invoice)));

    assertThat(cancelled.reason()).isEqualTo(UnmatchedReason.CANCELLED_BY_BANK);
    assertThat(cancelled.explanation()).contains("取消区分 1", "reversed by hand");
  }

  @Test
  void aTransferBookedBeforeTheInvoiceWasIssuedDoesNotPayIt() {
    // the attack run's case: a deposit of 2019 paid an invoice of 2026
    Invoice invoice = invoice(7L, TODAY.minusDays(3));

    DepositMatching.Unmatched early =
        unmatched(DepositMatching.match(deposit(TOTAL, LocalDate.of(2019, 6, 1)), open(invoice)));

    assertThat(early.reason()).isEqualTo(UnmatchedReason.VALUE_DATE_BEFORE_INVOICE);
    assertThat(early.explanation()).contains("2019-06-01", "application 7", "issued on 2026-11-23");
  }

  @Test
  void oldestFirstSkipsInvoicesIssuedAfterTheValueDate() {
    Invoice older = invoice(7L, TODAY.minusDays(10));
    Invoice newer = invoice(8L, TODAY.minusDays(2));

    assertThat(paid(DepositMatching.match(deposit(TOTAL, TODAY.minusDays(5)), open(newer, older))))
        .isSameAs(older);
    assertThat(unmatched(DepositMatching.match(deposit(TOTAL, TODAY.minusDays(11)), open(newer, older))).explanation())
        .contains("application 7");
  }

  @Test
  void aValueDateInTheFutureOrBeforeTwoThousandIsNoBooking() {
    Invoice invoice = invoice(7L, TODAY.minusDays(3));

    DepositMatching.Unmatched tomorrow =
        unmatched(DepositMatching.match(deposit(TOTAL, TODAY.plusDays(1)), open(invoice)));
    DepositMatching.Unmatched ancient =
        unmatched(DepositMatching.match(deposit(TOTAL, LocalDate.of(1999, 12, 31)), open(invoice)));

    assertThat(tomorrow.reason()).isEqualTo(UnmatchedReason.VALUE_DATE_IN_FUTURE);
    assertThat(tomorrow.explanation()).contains("2026-11-27", "today is 2026-11-26 in Japan");
    assertThat(ancient.reason()).isEqualTo(UnmatchedReason.VALUE_DATE_TOO_EARLY);
    assertThat(ancient.explanation()).contains("1999-12-31", "2000-01-01");
  }

  @Test
  void aDepositStoredBeforeIsADuplicateWhateverElseHolds() {
    Invoice invoice = invoice(7L, TODAY.minusDays(3));
    DepositMatching.Facts seen =
        new DepositMatching.Facts(41L, BRANCH, true, List.of(invoice), List.of(), TODAY);

    assertThat(DepositMatching.match(deposit(TOTAL, TODAY), seen)).isEqualTo(new DepositMatching.Duplicate(41L));
    assertThat(DepositMatching.match(deposit(BRANCH, TOTAL, TODAY, true), seen))
        .isEqualTo(new DepositMatching.Duplicate(41L));
  }

  @Test
  void aTransferRecordedAlreadyForTheAccountDoesNotPayTheNextInvoice() {
    Invoice next = invoice(8L, TODAY.minusDays(1));
    Payment byHand = new Payment(1L, 7L, TOTAL, TODAY, "FURIKOMI", "officer1", Instant.parse("2026-11-26T01:00:00Z"));
    DepositMatching.Facts facts =
        new DepositMatching.Facts(null, BRANCH, true, List.of(next), List.of(byHand), TODAY);

    DepositMatching.Unmatched unmatched = unmatched(DepositMatching.match(deposit(TOTAL, TODAY), facts));

    assertThat(unmatched.reason()).isEqualTo(UnmatchedReason.POSSIBLY_RECORDED);
    assertThat(paid(DepositMatching.match(deposit(TOTAL, TODAY.minusDays(1)), facts))).isSameAs(next);
  }
}
