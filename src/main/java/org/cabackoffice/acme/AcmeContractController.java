package org.cabackoffice.acme;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cabackoffice.access.Roles;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.billing.BillingDocuments;
import org.cabackoffice.billing.DocumentsUnavailable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers and operations staff record a customer's annual contract for automated renewals and
 * the transfer that paid its invoice, and see how much of each is used (issue 15).
 */
@RestController
public class AcmeContractController {

  /** A new contract: the customer by its user ID (e-mail), CERTIFICATES or NAMES, how many. */
  public record ContractRequest(String customer, String unit, Integer quantity, LocalDate startsOn, String product) {}

  /** The transfer that paid a contract's invoice, as the bank statement shows it. */
  public record PaymentRequest(Long amountYen, LocalDate valueDate, String reference) {}

  /** A contract as the list shows it: its term, its usage and its invoice. */
  public record ContractView(
      long id,
      String customer,
      long customerAccountId,
      long organizationEntryId,
      String unit,
      int quantity,
      int used,
      int remaining,
      LocalDate startsOn,
      LocalDate endsOn,
      boolean inForce,
      String product,
      long invoiceNumber,
      long unitPriceYen,
      long priceYen,
      int taxPercent,
      long taxYen,
      long totalYen,
      LocalDate invoicedOn,
      LocalDate dueOn,
      long virtualAccountId,
      boolean paid,
      Instant paidAt,
      LocalDate paymentValueDate,
      String paymentReference,
      String paymentRecordedBy,
      String createdBy) {}

  private final AcmeContracts contracts;
  private final CurrentUser currentUser;

  public AcmeContractController(AcmeContracts contracts, CurrentUser currentUser) {
    this.contracts = contracts;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/acme/contracts")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "','" + Roles.OPERATIONS + "')")
  public ResponseEntity<ContractView> create(@RequestBody(required = false) ContractRequest request) {
    if (request == null) {
      throw new AcmeContracts.Refused(AcmeContracts.Refused.Kind.INVALID,
          "send {customer, unit: CERTIFICATES|NAMES, quantity, startsOn?, product?}");
    }
    AcmeContract contract = contracts.create(request.customer(), request.unit(), request.quantity(), request.startsOn(),
        request.product(), currentUser.name());
    return ResponseEntity.created(URI.create("/api/acme/contracts/" + contract.getId())).body(view(contract));
  }

  @GetMapping("/api/acme/contracts")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "','" + Roles.OPERATIONS + "','"
      + Roles.AUDITOR + "')")
  public List<ContractView> list() {
    return contracts.all().stream().map(this::view).toList();
  }

  /** Like an application's payment: officers record the transfer they saw on the statement. */
  @PostMapping("/api/acme/contracts/{id}/payment")
  @PreAuthorize("hasRole('" + Roles.OFFICER + "')")
  public ContractView pay(@PathVariable long id, @RequestBody(required = false) PaymentRequest request) {
    if (request == null) {
      throw new AcmeContracts.Refused(AcmeContracts.Refused.Kind.INVALID, "send {amountYen, valueDate, reference}");
    }
    return view(contracts.recordPayment(id, request.amountYen(), request.valueDate(), request.reference(),
        currentUser.name()));
  }

  /** The contract's qualified invoice as mailed to the customer, for staff on the case and auditors. */
  @GetMapping(path = "/api/acme/contracts/{id}/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "','" + Roles.OPERATIONS + "','"
      + Roles.AUDITOR + "')")
  public ResponseEntity<byte[]> invoice(@PathVariable long id) {
    return pdf(contracts.invoicePdf(contracts.byId(id)));
  }

  /** A PDF made for download, never cached: it says whether the invoice is paid. */
  static ResponseEntity<byte[]> pdf(BillingDocuments.Made made) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(made.fileName()).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(made.pdf());
  }

  private ContractView view(AcmeContract c) {
    return new ContractView(c.getId(), contracts.customerOf(c), c.getCustomerAccountId(), c.getOrganizationEntryId(),
        c.getUnit().name(), c.getQuantity(), c.getUsed(), c.getQuantity() - c.getUsed(), c.getStartsOn(), c.getEndsOn(),
        contracts.inForce(c), c.getProduct(), c.getInvoiceNumber(), c.getUnitPriceYen(), c.getPriceYen(),
        c.getTaxPercent(), c.getTaxYen(), c.getTotalYen(), c.getInvoicedOn(), c.getDueOn(), c.getVirtualAccountId(),
        c.isPaid(), c.getPaidAt(), c.getPaymentValueDate(), c.getPaymentReference(), c.getPaymentRecordedBy(),
        c.getCreatedBy());
  }

  @ExceptionHandler(AcmeContracts.Refused.class)
  ResponseEntity<ProblemDetail> refused(AcmeContracts.Refused e) {
    HttpStatus status = switch (e.kind()) {
      case INVALID, UNKNOWN_CUSTOMER -> HttpStatus.BAD_REQUEST;
      case NOT_VALIDATED -> HttpStatus.UNPROCESSABLE_ENTITY;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case ALREADY_PAID -> HttpStatus.CONFLICT;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("ACME contract refused");
    problem.setProperty("code", "acme.contract." + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(DocumentsUnavailable.class)
  ResponseEntity<ProblemDetail> unavailable(DocumentsUnavailable e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Documents unavailable on this server");
    problem.setProperty("code", "acme.contract.documents-unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
