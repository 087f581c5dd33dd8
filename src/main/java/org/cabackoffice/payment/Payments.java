package org.cabackoffice.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Map;
import org.cabackoffice.workflow.ProcessSignals;
import org.cabackoffice.workflow.ProcessSignals.NoProcessWaitingException;
import org.cabackoffice.workflow.RenewalProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the transfer that pays an invoice (guide [3-2]) and tells the application's process.
 *
 * <p>Recording and telling run in two transactions of their own, the payment first. A process
 * that is not waiting makes the engine roll back the transaction it ran in; had the payment
 * shared it, the payment would be lost with it. So the payment is committed before the process
 * hears of it, and a refusal by the process only leaves {@code process_notified} false. Callers
 * must therefore not hold a transaction that has touched the invoice.
 */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);
  private static final int MAX_REFERENCE = 128;

  private final InvoiceRepository invoices;
  private final PaymentRepository payments;
  private final ProcessSignals signals;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public Payments(
      InvoiceRepository invoices,
      PaymentRepository payments,
      ProcessSignals signals,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
    this.signals = signals;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Records a transfer of exactly the invoice total and marks the invoice paid; then, unless the
   * invoice is deferred (the process did not wait for the money), delivers {@link
   * RenewalProcess.Messages#PAYMENT_RECEIVED} to the application's process.
   *
   * @throws PaymentRefused for an unknown application or invoice, a paid or cancelled invoice, an
   *     amount other than the total, or unusable input; nothing is stored then
   */
  /** The payment recorded for an invoice, if any (by an officer or a bank statement). */
  public Optional<Payment> ofInvoice(long invoiceId) {
    return payments.findByInvoiceId(invoiceId);
  }

  public RecordedPayment record(
      long applicationId, long amountYen, LocalDate valueDate, String reference, String recordedBy) {
    String cleanReference = checkInput(amountYen, valueDate, reference, recordedBy);
    Stored stored =
        ownTransaction.execute(
            tx -> store(applicationId, amountYen, valueDate, cleanReference, recordedBy));
    if (stored.deferred()) {
      return new RecordedPayment(
          stored.payment(),
          false,
          "deferred invoice (先行納入手配): the process did not wait for this payment");
    }
    try {
      Payment notified =
          ownTransaction.execute(
              tx -> {
                signals.deliver(
                    RenewalProcess.Messages.PAYMENT_RECEIVED, applicationId, Map.of());
                Payment payment = payments.findById(stored.payment().getId()).orElseThrow();
                payment.markProcessNotified();
                return payments.save(payment);
              });
      return new RecordedPayment(notified, true, null);
    } catch (NoProcessWaitingException e) {
      log.warn(
          "payment {} of application {} is recorded but no process waits for it: {}",
          stored.payment().getId(),
          applicationId,
          e.getMessage());
      return new RecordedPayment(
          stored.payment(),
          false,
          "payment recorded, but no process of application "
              + applicationId
              + " is waiting for a payment: "
              + e.getMessage());
    } catch (RuntimeException e) {
      // The payment is committed; a 500 now would make the officer record it again (409) and
      // hide that it is stored. Say what happened instead.
      log.error(
          "payment {} of application {} is recorded but telling its process failed",
          stored.payment().getId(),
          applicationId,
          e);
      return new RecordedPayment(
          stored.payment(),
          false,
          "payment recorded, but telling the process of application "
              + applicationId
              + " failed (logged); operations can see it among the process's incidents");
    }
  }

  private Stored store(
      long applicationId, long amountYen, LocalDate valueDate, String reference, String recordedBy) {
    Invoice invoice =
        invoices
            .findByApplicationId(applicationId)
            .orElseThrow(
                () ->
                    new PaymentRefused(
                        PaymentRefused.Reason.NO_INVOICE,
                        "no invoice for application " + applicationId));
    switch (invoice.getStatus()) {
      case PAID ->
          throw new PaymentRefused(
              PaymentRefused.Reason.ALREADY_PAID,
              "the invoice of application "
                  + applicationId
                  + " was already paid at "
                  + invoice.getPaidAt());
      case CANCELLED ->
          throw new PaymentRefused(
              PaymentRefused.Reason.INVOICE_CANCELLED,
              "the invoice of application " + applicationId + " is cancelled; refund the transfer");
      case OPEN -> {
        // payable
      }
    }
    if (amountYen != invoice.getTotalYen()) {
      throw PaymentRefused.amountMismatch(applicationId, invoice.getTotalYen(), amountYen);
    }
    ValueDates.beforeInvoice(valueDate, invoice)
        .ifPresent(why -> {
          throw new PaymentRefused(PaymentRefused.Reason.VALUE_DATE_BEFORE_INVOICE, why);
        });
    Payment payment =
        payments.save(
            new Payment(
                invoice.getId(),
                applicationId,
                amountYen,
                valueDate,
                reference,
                recordedBy,
                clock.instant()));
    invoice.markPaid(clock.instant());
    invoices.save(invoice);
    return new Stored(payment, invoice.isDeferred());
  }

  private String checkInput(
      long amountYen, LocalDate valueDate, String reference, String recordedBy) {
    if (amountYen <= 0) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT, "amountYen must be a positive number of yen");
    }
    if (valueDate == null) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT, "valueDate (the transfer's value date) is missing");
    }
    ValueDates.tooEarly(valueDate)
        .ifPresent(why -> {
          throw new PaymentRefused(PaymentRefused.Reason.VALUE_DATE_TOO_EARLY, why);
        });
    ValueDates.inFuture(valueDate, ValueDates.today(clock))
        .ifPresent(why -> {
          throw new PaymentRefused(PaymentRefused.Reason.VALUE_DATE_IN_FUTURE, why);
        });
    if (reference == null || reference.isBlank()) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT,
          "reference (the bank's transfer reference) is missing");
    }
    if (reference.strip().length() > MAX_REFERENCE) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT,
          "reference is longer than " + MAX_REFERENCE + " characters");
    }
    if (recordedBy == null || recordedBy.isBlank()) {
      throw new PaymentRefused(
          PaymentRefused.Reason.INVALID_INPUT, "the officer recording the payment is unknown");
    }
    return reference.strip();
  }

  private record Stored(Payment payment, boolean deferred) {}
}
