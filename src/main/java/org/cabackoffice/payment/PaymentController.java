package org.cabackoffice.payment;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.dao.DataIntegrityViolationException;
import org.cabackoffice.input.SingleLine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Officers record transfers by hand and anyone on the case reads the invoice (guide [3-2]). */
@RestController
public class PaymentController {

  private final Invoices invoices;
  private final Payments payments;
  private final PaymentProperties properties;

  public PaymentController(Invoices invoices, Payments payments, PaymentProperties properties) {
    this.invoices = invoices;
    this.payments = payments;
    this.properties = properties;
  }

  /** The bank's reference is one line, as the bank prints it ({@link SingleLine}). */
  public record PaymentInput(Long amountYen, LocalDate valueDate, @SingleLine String reference) {}

  public record PaymentView(
      long paymentId,
      long applicationId,
      long invoiceId,
      long amountYen,
      LocalDate valueDate,
      String reference,
      String recordedBy,
      Instant recordedAt,
      boolean processNotified,
      String processNote) {

    static PaymentView of(RecordedPayment recorded) {
      Payment p = recorded.payment();
      return new PaymentView(
          p.getId(),
          p.getApplicationId(),
          p.getInvoiceId(),
          p.getAmountYen(),
          p.getValueDate(),
          p.getReference(),
          p.getRecordedBy(),
          p.getRecordedAt(),
          recorded.processNotified(),
          recorded.processNote());
    }
  }

  public record InvoiceView(
      long invoiceId,
      long applicationId,
      String product,
      boolean express,
      boolean deferred,
      long priceYen,
      long expressSurchargeYen,
      long subtotalYen,
      long taxYen,
      long totalYen,
      LocalDate issuedOn,
      LocalDate dueOn,
      InvoiceStatus status,
      Instant paidAt,
      Instant cancelledAt,
      String bankName,
      String branchName,
      String branchCode,
      String accountNumber,
      String accountHolder) {}

  @PostMapping("/api/applications/{applicationId}/payments")
  @PreAuthorize("hasRole('OFFICER')")
  public ResponseEntity<PaymentView> record(
      @PathVariable long applicationId, @Valid @RequestBody PaymentInput input, Principal principal) {
    if (principal == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no authenticated officer");
    }
    if (input == null || input.amountYen() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "amountYen is missing");
    }
    RecordedPayment recorded =
        payments.record(
            applicationId,
            input.amountYen(),
            input.valueDate(),
            input.reference(),
            principal.getName());
    return ResponseEntity.created(URI.create("/api/applications/" + applicationId + "/invoice"))
        .body(PaymentView.of(recorded));
  }

  @GetMapping("/api/applications/{applicationId}/invoice")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public InvoiceView invoice(@PathVariable long applicationId) {
    Invoice invoice =
        invoices
            .find(applicationId)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no invoice for application " + applicationId));
    VirtualAccount account = invoices.accountOf(invoice);
    return new InvoiceView(
        invoice.getId(),
        invoice.getApplicationId(),
        invoice.getProduct(),
        invoice.isExpress(),
        invoice.isDeferred(),
        invoice.getPriceYen(),
        invoice.getExpressSurchargeYen(),
        invoice.getSubtotalYen(),
        invoice.getTaxYen(),
        invoice.getTotalYen(),
        invoice.getIssuedOn(),
        invoice.getDueOn(),
        invoice.getStatus(),
        invoice.getPaidAt(),
        invoice.getCancelledAt(),
        properties.bankName(),
        properties.branchName(),
        properties.branchCode(),
        account.getAccountNumber(),
        properties.accountHolder());
  }

  /**
   * Two officers recording one transfer at once: the unique payment per invoice or the invoice's
   * version stops the second, which learns it here instead of from a 500.
   */
  @ExceptionHandler({
    DataIntegrityViolationException.class,
    ObjectOptimisticLockingFailureException.class
  })
  ProblemDetail concurrentlyRecorded(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT,
        "the invoice was changed by someone else at the same time; reload it and check whether the payment is already recorded");
    problem.setTitle("Payment refused");
    problem.setProperty("reason", PaymentRefused.Reason.ALREADY_PAID.name());
    return problem;
  }
}
