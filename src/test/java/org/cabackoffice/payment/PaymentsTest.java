package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.workflow.RenewalProcess;
import org.junit.jupiter.api.Test;

class PaymentsTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingProcessSignals signals = new RecordingProcessSignals();
  private final RecordingTransactions transactions = new RecordingTransactions();
  private final Invoices invoices =
      new Invoices(
          store.invoiceRepository,
          new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement,
          new VirtualAccounts(store.virtualAccountRepository, InvoicesTest.CLOCK),
          store.virtualAccountRepository,
          InvoicesTest.defaults(),
          new MailTemplates(),
          new ArrayList<>()::add,
          InvoicesTest.CLOCK);
  private final Payments payments =
      new Payments(
          store.invoiceRepository,
          store.paymentRepository,
          signals,
          transactions,
          InvoicesTest.CLOCK);

  /** SECURE_SERVER_ID without express: 81,000 + 8,100 tax. */
  private Invoice invoice(long applicationId, boolean deferred) {
    return invoices.issue(applicationId, 1L, "SECURE_SERVER_ID", false, deferred, "tech@example.jp");
  }

  @Test
  void exactAmountPaysTheInvoiceAndTellsTheProcess() {
    Invoice invoice = invoice(7L, false);

    RecordedPayment recorded = payments.record(7L, 89_100L, TODAY, " ｶ)ﾃｽﾄ ", "officer1");

    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.getPaidAt()).isEqualTo(InvoicesTest.CLOCK.instant());
    assertThat(recorded.processNotified()).isTrue();
    assertThat(recorded.payment().isProcessNotified()).isTrue();
    assertThat(recorded.payment().getReference()).isEqualTo("ｶ)ﾃｽﾄ");
    assertThat(recorded.payment().getRecordedBy()).isEqualTo("officer1");
    assertThat(store.payments).hasSize(1);
    assertThat(signals.delivered)
        .containsExactly(
            new RecordingProcessSignals.Delivery(RenewalProcess.Messages.PAYMENT_RECEIVED, 7L));
    assertThat(transactions.events).containsExactly("begin-new", "commit", "begin-new", "commit");
  }

  @Test
  void amountOtherThanTheTotalIsRefusedNamingBothAmounts() {
    Invoice invoice = invoice(7L, false);

    assertThatThrownBy(() -> payments.record(7L, 81_000L, TODAY, "ref", "officer1"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.AMOUNT_MISMATCH);
              assertThat(e.expectedYen()).isEqualTo(89_100L);
              assertThat(e.receivedYen()).isEqualTo(81_000L);
              assertThat(e.getMessage()).contains("81,000", "89,100");
            });
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(store.payments).isEmpty();
    assertThat(signals.delivered).isEmpty();
    assertThat(transactions.events).containsExactly("begin-new", "rollback");
  }

  @Test
  void secondPaymentOfAPaidInvoiceIsRefused() {
    invoice(7L, false);
    payments.record(7L, 89_100L, TODAY, "ref", "officer1");

    assertThatThrownBy(() -> payments.record(7L, 89_100L, TODAY, "ref", "officer2"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.ALREADY_PAID));
    assertThat(store.payments).hasSize(1);
    assertThat(signals.delivered).hasSize(1);
  }

  @Test
  void applicationWithoutInvoiceIsRefused() {
    assertThatThrownBy(() -> payments.record(404L, 89_100L, TODAY, "ref", "officer1"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.NO_INVOICE);
            });
  }

  @Test
  void cancelledInvoiceTakesNoPayment() {
    invoice(7L, false);
    invoices.cancel(7L);

    assertThatThrownBy(() -> payments.record(7L, 89_100L, TODAY, "ref", "officer1"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.INVOICE_CANCELLED));
  }

  @Test
  void deferredInvoiceIsPaidWithoutTellingTheProcess() {
    Invoice invoice = invoice(7L, true);

    RecordedPayment recorded = payments.record(7L, 89_100L, TODAY, "ref", "officer1");

    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(store.payments).hasSize(1);
    assertThat(recorded.processNotified()).isFalse();
    assertThat(recorded.processNote()).contains("deferred");
    assertThat(signals.delivered).isEmpty();
  }

  @Test
  void paymentStaysRecordedWhenNoProcessWaits() {
    Invoice invoice = invoice(7L, false);
    signals.refuse = true;

    RecordedPayment recorded = payments.record(7L, 89_100L, TODAY, "ref", "officer1");

    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(store.payments).containsExactly(recorded.payment());
    assertThat(recorded.processNotified()).isFalse();
    assertThat(recorded.payment().isProcessNotified()).isFalse();
    assertThat(recorded.processNote()).contains("no process", "waiting");
    // the payment's transaction committed before the process's was rolled back
    assertThat(transactions.events).containsExactly("begin-new", "commit", "begin-new", "rollback");
  }

  @Test
  void unusableInputIsRefusedBeforeAnythingIsStored() {
    invoice(7L, false);

    assertThatThrownBy(() -> payments.record(7L, 0L, TODAY, "ref", "officer1"))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> payments.record(7L, 89_100L, null, "ref", "officer1"))
        .hasMessageContaining("valueDate");
    assertThatThrownBy(() -> payments.record(7L, 89_100L, TODAY.plusDays(2), "ref", "officer1"))
        .hasMessageContaining("future");
    assertThatThrownBy(() -> payments.record(7L, 89_100L, TODAY, " ", "officer1"))
        .hasMessageContaining("reference");
    assertThatThrownBy(() -> payments.record(7L, 89_100L, TODAY, "x".repeat(129), "officer1"))
        .hasMessageContaining("128");
    assertThat(store.payments).isEmpty();
    assertThat(transactions.events).isEmpty();
  }

  @Test
  void valueDatesAreJapaneseDatesWhateverTheServersZone() {
    // 2025-06-01 20:00 UTC is already 2025-06-02 05:00 in Tokyo, the bank's day.
    Clock utcEvening = Clock.fixed(Instant.parse("2025-06-01T20:00:00Z"), ZoneOffset.UTC);
    Invoices invoicesInUtc =
        new Invoices(
            store.invoiceRepository,
            new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement,
            new VirtualAccounts(store.virtualAccountRepository, utcEvening),
            store.virtualAccountRepository,
            InvoicesTest.defaults(),
            new MailTemplates(),
            new ArrayList<>()::add,
            utcEvening);
    Payments paymentsInUtc =
        new Payments(store.invoiceRepository, store.paymentRepository, signals, transactions, utcEvening);
    assertThat(invoicesInUtc.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp").getIssuedOn())
        .isEqualTo(TODAY);
    invoicesInUtc.issue(8L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");

    assertThatThrownBy(() -> paymentsInUtc.record(8L, 89_100L, TODAY.plusDays(1), "ref", "officer1"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.VALUE_DATE_IN_FUTURE);
              assertThat(e.getMessage()).contains("2025-06-03", "today is 2025-06-02 in Japan");
            });
    assertThat(paymentsInUtc.record(7L, 89_100L, TODAY, "ref", "officer1").payment().getValueDate())
        .isEqualTo(TODAY);
  }

  @Test
  void valueDatesNoTransferCanHaveAreRefused() {
    invoice(7L, false);

    for (LocalDate implausible :
        new LocalDate[] {LocalDate.of(1900, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(-5, 3, 1), LocalDate.of(1999, 12, 31)}) {
      assertThatThrownBy(() -> payments.record(7L, 89_100L, implausible, "ref", "officer1"))
          .isInstanceOfSatisfying(
              PaymentRefused.class,
              e -> {
                assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.VALUE_DATE_TOO_EARLY);
                assertThat(e.getMessage()).contains("before 2000-01-01");
              });
    }
    assertThatThrownBy(() -> payments.record(7L, 89_100L, LocalDate.of(10_000, 1, 1), "ref", "officer1"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.VALUE_DATE_IN_FUTURE));
    assertThat(store.payments).isEmpty();
    assertThat(transactions.events).isEmpty();
  }

  @Test
  void aTransferBookedBeforeTheInvoiceWasIssuedDoesNotPayIt() {
    Invoice invoice = invoice(7L, false); // issued 2025-06-02

    assertThatThrownBy(() -> payments.record(7L, 89_100L, LocalDate.of(2019, 6, 1), "ref", "officer1"))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.VALUE_DATE_BEFORE_INVOICE);
              assertThat(e.getMessage()).contains("2019-06-01", "issued on 2025-06-02");
            });
    assertThatThrownBy(() -> payments.record(7L, 89_100L, TODAY.minusDays(1), "ref", "officer1"))
        .isInstanceOf(PaymentRefused.class);
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(store.payments).isEmpty();
  }

  @Test
  void paymentStaysRecordedWhenTellingTheProcessFailsOtherwise() {
    Invoice invoice = invoice(7L, false);
    Payments failing =
        new Payments(
            store.invoiceRepository,
            store.paymentRepository,
            new RecordingProcessSignals() {
              @Override
              public void deliver(String messageName, long applicationId, java.util.Map<String, Object> variables) {
                throw new IllegalStateException("engine unavailable");
              }
            },
            transactions,
            InvoicesTest.CLOCK);

    RecordedPayment recorded = failing.record(7L, 89_100L, TODAY, "ref", "officer1");

    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(store.payments).hasSize(1);
    assertThat(recorded.processNotified()).isFalse();
    // The engine's message may quote SQL: it goes to the log, not to the officer's answer.
    assertThat(recorded.processNote()).contains("failed (logged)").doesNotContain("engine unavailable");
  }

  @Test
  void aPaymentNoProcessWaitedForReachesItsProcessOnALaterLookOnceItWaits() {
    invoice(7L, false);
    signals.refuse = true;
    RecordedPayment recorded = payments.record(7L, 89_100L, TODAY, "ref", "officer1");
    assertThat(recorded.processNotified()).isFalse();
    java.time.Instant weekAgo = InvoicesTest.CLOCK.instant().minus(java.time.Duration.ofDays(7));

    // Still not waiting (the stage's transaction has not committed): left for the next look.
    assertThat(payments.tellUnheard(weekAgo)).isZero();
    assertThat(recorded.payment().isProcessNotified()).isFalse();

    signals.refuse = false;
    assertThat(payments.tellUnheard(weekAgo)).isEqualTo(1);
    assertThat(recorded.payment().isProcessNotified()).isTrue();
    assertThat(signals.delivered)
        .containsExactly(new RecordingProcessSignals.Delivery(RenewalProcess.Messages.PAYMENT_RECEIVED, 7L));

    // Heard once: the next look tells nobody.
    assertThat(payments.tellUnheard(weekAgo)).isZero();
    assertThat(signals.delivered).hasSize(1);
  }

  @Test
  void laterLooksSkipDeferredInvoicesAndPaymentsOlderThanTheLookBack() {
    invoice(8L, true);
    payments.record(8L, 89_100L, TODAY, "ref", "officer1");
    invoice(9L, false);
    signals.refuse = true;
    payments.record(9L, 89_100L, TODAY, "ref", "officer1");
    signals.refuse = false;

    assertThat(payments.tellUnheard(InvoicesTest.CLOCK.instant())).isZero();
    assertThat(signals.delivered).isEmpty();
    assertThat(payments.tellUnheard(InvoicesTest.CLOCK.instant().minusSeconds(1))).isEqualTo(1);
    assertThat(signals.delivered)
        .containsExactly(new RecordingProcessSignals.Delivery(RenewalProcess.Messages.PAYMENT_RECEIVED, 9L));
  }

  @Test
  void aPaymentStageThatFindsTheInvoicePaidTakesThePaymentSoNoLookTellsItAgain() {
    Invoice invoice = invoice(7L, false);
    signals.refuse = true;
    RecordedPayment early = payments.record(7L, 89_100L, TODAY, "ref", "officer1");
    signals.refuse = false;

    payments.takenOnReachingThePaymentStage(invoice.getId());

    assertThat(early.payment().isProcessNotified()).isTrue();
    assertThat(payments.tellUnheard(InvoicesTest.CLOCK.instant().minusSeconds(60))).isZero();
    assertThat(signals.delivered).isEmpty();
  }
}
