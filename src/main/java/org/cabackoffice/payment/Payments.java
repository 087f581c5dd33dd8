package org.cabackoffice.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
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
 *
 * <p>Between the two a process could miss its payment: the payment stage read the invoice open
 * and moved to its wait for the money in a transaction that committed only after the payment was
 * told (no process waited yet). The stage now reads the invoice under its row lock ({@link
 * Invoices#lockForThePaymentStage}), which the payment's update of the invoice waits for. A node
 * that dies between the payment's commit and the telling still leaves a payment unheard, and the
 * process would wait until its due date and refuse a paid application; so payments that no
 * process took are told again, on a later look ({@link #tellUnheard}), once their process waits.
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

  /** The payment recorded for an invoice, if any (by an officer, a bank statement or a coupon). */
  public Optional<Payment> ofInvoice(long invoiceId) {
    return payments.findByInvoiceId(invoiceId);
  }

  /** The payments recorded for these invoices (bank statement matching, a chunk at a time). */
  List<Payment> ofInvoices(java.util.Collection<Long> invoiceIds) {
    return payments.findByInvoiceIdIn(invoiceIds);
  }

  /**
   * Records a transfer of exactly the invoice total and marks the invoice paid; then, unless the
   * invoice is deferred (the process did not wait for the money), delivers {@link
   * RenewalProcess.Messages#PAYMENT_RECEIVED} to the application's process.
   *
   * @throws PaymentRefused for an unknown application or invoice, a paid or cancelled invoice, an
   *     amount other than the total, or unusable input; nothing is stored then
   */
  public RecordedPayment record(
      long applicationId, long amountYen, LocalDate valueDate, String reference, String recordedBy) {
    String cleanReference = checkInput(amountYen, valueDate, reference, recordedBy);
    return settle(
        applicationId,
        invoice -> paymentOf(invoice, applicationId, amountYen, valueDate, cleanReference, recordedBy));
  }

  /** The payment of a transfer to an open invoice, or its refusal: the total and the date must fit. */
  private Payment paymentOf(
      Invoice invoice, long applicationId, long amountYen, LocalDate valueDate, String reference, String recordedBy) {
    if (amountYen != invoice.getTotalYen()) {
      throw PaymentRefused.amountMismatch(applicationId, invoice.getTotalYen(), amountYen);
    }
    ValueDates.beforeInvoice(valueDate, invoice)
        .ifPresent(why -> {
          throw new PaymentRefused(PaymentRefused.Reason.VALUE_DATE_BEFORE_INVOICE, why);
        });
    return new Payment(
        invoice.getId(), applicationId, amountYen, valueDate, reference, recordedBy, clock.instant());
  }

  /**
   * Pays the application's open invoice with the payment {@code payment} makes of it, in one
   * transaction of its own that may also change what paid (a coupon, {@link Coupons}); then tells
   * the process, as for every payment. {@code payment} runs after the invoice is found open and
   * may refuse with {@link PaymentRefused}, which rolls back everything it changed.
   */
  RecordedPayment settle(long applicationId, Function<Invoice, Payment> payment) {
    Stored stored = ownTransaction.execute(tx -> store(applicationId, payment));
    return tell(applicationId, stored);
  }

  /** A transfer {@link #recordAll} records: what {@link #record} takes, less who records it. */
  record Transfer(long applicationId, long amountYen, LocalDate valueDate, String reference) {}

  /** What became of one {@link Transfer}: recorded (and the process told or not), or refused. */
  record Settlement(RecordedPayment recorded, PaymentRefused refused) {}

  /**
   * Records transfers as {@link #record} records one, but all in one transaction: a bank
   * statement's matched deposits come by the thousand, and a transaction (a disk write) per
   * payment cost more than the payment. A transfer its invoice refuses is refused alone, before
   * anything of it is written. The processes are told afterwards, each in a transaction of its
   * own, exactly as for one payment.
   *
   * @return a settlement per transfer, in their order
   * @throws org.springframework.dao.DataAccessException when the transaction cannot commit, e.g.
   *     an officer paid one of the invoices at the same moment (optimistic lock); nothing of the
   *     lot is stored then, and the caller records them one by one with {@link #record}
   */
  List<Settlement> recordAll(List<Transfer> transfers, String recordedBy) {
    List<Object> stored =
        ownTransaction.execute(
            tx -> {
              List<Object> each = new ArrayList<>(transfers.size());
              // One query for the lot: a query per transfer made Hibernate flush and dirty-check
              // every invoice and payment of the transaction before each (issue 12: a third of a
              // statement import's CPU).
              Map<Long, Invoice> invoiceOf = new HashMap<>();
              for (Invoice invoice :
                  invoices.findByApplicationIdIn(transfers.stream().map(Transfer::applicationId).distinct().toList())) {
                invoiceOf.put(invoice.getApplicationId(), invoice);
              }
              for (Transfer t : transfers) {
                try {
                  String reference = checkInput(t.amountYen(), t.valueDate(), t.reference(), recordedBy);
                  each.add(
                      store(
                          t.applicationId(),
                          Optional.ofNullable(invoiceOf.get(t.applicationId())),
                          invoice -> paymentOf(invoice, t.applicationId(), t.amountYen(), t.valueDate(), reference, recordedBy)));
                } catch (PaymentRefused refused) {
                  each.add(refused);
                }
              }
              return each;
            });
    List<Settlement> settled = new ArrayList<>(transfers.size());
    for (int i = 0; i < transfers.size(); i++) {
      settled.add(
          stored.get(i) instanceof Stored s
              ? new Settlement(tell(transfers.get(i).applicationId(), s), null)
              : new Settlement(null, (PaymentRefused) stored.get(i)));
    }
    return settled;
  }

  /** Tells the process of a stored payment, unless its invoice is deferred. */
  private RecordedPayment tell(long applicationId, Stored stored) {
    if (stored.deferred()) {
      return new RecordedPayment(
          stored.payment(),
          false,
          "deferred invoice (先行納入手配): the process did not wait for this payment");
    }
    try {
      deliver(applicationId, stored.payment().getId());
      stored.payment().markProcessNotified();
      return new RecordedPayment(stored.payment(), true, null);
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

  /**
   * Delivers the payment message to the application's process and marks the payment taken, in a
   * transaction of its own.
   *
   * @throws NoProcessWaitingException when no process of the application waits for a payment
   */
  private void deliver(long applicationId, long paymentId) {
    ownTransaction.executeWithoutResult(
        tx -> {
          signals.deliver(RenewalProcess.Messages.PAYMENT_RECEIVED, applicationId, Map.of());
          if (payments.markProcessNotified(paymentId) != 1) {
            throw new IllegalStateException("payment " + paymentId + " is not stored");
          }
        });
  }

  /**
   * Tells the processes now waiting for a payment that was recorded while they were not waiting
   * (the class comment says how that happens). A payment of a deferred invoice is never waited
   * for; one whose process still does not wait is left for the next look.
   *
   * @param since payments recorded before this are not looked at again: a process that did not
   *     wait for its payment by then never will, and its payment is the officers' to settle
   * @return how many processes heard of their payment now
   */
  public int tellUnheard(java.time.Instant since) {
    int told = 0;
    for (Payment unheard : payments.findTop100ByProcessNotifiedFalseAndRecordedAtAfterOrderByIdDesc(since)) {
      if (invoices.findByApplicationId(unheard.getApplicationId()).map(Invoice::isDeferred).orElse(true)) {
        continue;
      }
      try {
        deliver(unheard.getApplicationId(), unheard.getId());
        told++;
        log.info(
            "payment {} of application {} reached its process on a later look: the process was not yet waiting when the payment was recorded",
            unheard.getId(),
            unheard.getApplicationId());
      } catch (NoProcessWaitingException notYet) {
        // Not waiting (yet, or any more): looked at again next time, until {@code since} passes it.
      } catch (RuntimeException e) {
        // E.g. another node told the same process at the same moment (a lost optimistic lock):
        // the payment stays unheard here and the next look sees the process no longer waiting.
        log.warn(
            "payment {} of application {}: telling its process on a later look failed: {}",
            unheard.getId(),
            unheard.getApplicationId(),
            e.toString());
      }
    }
    return told;
  }

  /**
   * Marks the invoice's payment as taken by the process that found the invoice paid when its
   * payment stage began (a coupon, an early transfer): the process goes on without waiting, so
   * nothing is left to tell it.
   */
  public void takenOnReachingThePaymentStage(long invoiceId) {
    payments
        .findByInvoiceId(invoiceId)
        .filter(p -> !p.isProcessNotified())
        .ifPresent(
            p -> {
              p.markProcessNotified();
              payments.save(p);
            });
  }

  /**
   * Pays the invoice of an application being accepted, in the intake's own transaction, and tells
   * no process: its process has not reached the payment stage yet, which finds the invoice paid and
   * does not wait (IssueInvoiceDelegate). A refusal rolls back the whole intake.
   */
  Payment settleOnApplying(long applicationId, Function<Invoice, Payment> payment) {
    return store(applicationId, payment).payment();
  }

  private Stored store(long applicationId, Function<Invoice, Payment> paymentOf) {
    return store(applicationId, invoices.findByApplicationId(applicationId), paymentOf);
  }

  /** As {@link #store(long, Function)} with the application's invoice read already, in this transaction. */
  private Stored store(long applicationId, Optional<Invoice> found, Function<Invoice, Payment> paymentOf) {
    Invoice invoice =
        found
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
    Payment payment = payments.save(paymentOf.apply(invoice));
    invoice.markPaid(clock.instant());
    invoices.save(invoice);
    return new Stored(payment, invoice.isDeferred());
  }

  /**
   * The checks {@link #record} applies to an officer's entry of a transfer, for an invoice kept
   * outside the applications' (an ACME contract's): exactly the total, a value date neither
   * before the invoice nor in the future, a reference and an officer.
   *
   * @return the reference as stored
   * @throws PaymentRefused when the entry cannot pay the invoice
   */
  public String checkTransfer(
      String invoiceName, long totalYen, LocalDate invoicedOn, long amountYen, LocalDate valueDate,
      String reference, String recordedBy) {
    String cleanReference = checkInput(amountYen, valueDate, reference, recordedBy);
    if (amountYen != totalYen) {
      throw new PaymentRefused(PaymentRefused.Reason.AMOUNT_MISMATCH,
          String.format("%s: received %,d yen but the invoice total is %,d yen", invoiceName, amountYen, totalYen));
    }
    if (valueDate.isBefore(invoicedOn)) {
      throw new PaymentRefused(PaymentRefused.Reason.VALUE_DATE_BEFORE_INVOICE,
          "value date " + valueDate + " is before " + invoiceName + " was issued on " + invoicedOn
              + "; this transfer cannot have paid it");
    }
    return cleanReference;
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
