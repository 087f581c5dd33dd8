package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cabackoffice.access.Roles;
import org.cabackoffice.acme.AcmeContract;
import org.cabackoffice.acme.AcmeContracts;
import org.cabackoffice.application.Product;
import org.cabackoffice.billing.BillingDocuments;
import org.cabackoffice.billing.DocumentsUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * My automated renewal contracts (issue 15): each annual ACME contract of the account with its
 * term, how much of it the organization's servers used, whether its invoice is paid, and the PDF
 * invoice the customer was mailed. Officers make the contracts; this page only shows them, so a
 * customer knows before the renewals stop why an order would wait for an officer.
 */
@Controller
class MyContractsController {

  private static final Logger log = LoggerFactory.getLogger(MyContractsController.class);

  /** Whether the contract pays for orders today, by the rules the order's contract step applies (AcmeContracts.consume). */
  enum Standing {
    /** In its term, paid, units left. */
    IN_FORCE,
    /** The invoice is not paid yet: orders wait for an officer. */
    UNPAID,
    /** Every unit is used: orders wait for an officer. */
    USED_UP,
    /** Its term has not started. */
    NOT_STARTED,
    /** Its term is over. */
    ENDED
  }

  record ContractRow(
      long id,
      String productNameJa,
      String productNameEn,
      String unit,
      int quantity,
      int used,
      int remaining,
      LocalDate startsOn,
      LocalDate lastDay,
      String invoiceNumber,
      String totalYen,
      LocalDate dueOn,
      boolean paid,
      LocalDate paidOn,
      Standing standing) {}

  private final StorefrontPages pages;
  private final AcmeContracts contracts;

  MyContractsController(StorefrontPages pages, AcmeContracts contracts) {
    this.pages = pages;
    this.contracts = contracts;
  }

  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @GetMapping("/contracts")
  ResponseEntity<String> myContracts(HttpServletRequest request) {
    long account = pages.account().getId();
    List<ContractRow> rows = contracts.ofCustomer(account).stream().map(this::row).toList();
    return pages.page("storefront/contracts", request, Map.of("contracts", rows));
  }

  /** The invoice of one of the customer's own contracts, as mailed; another's answers 404. */
  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @GetMapping(path = "/contracts/{id}/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> invoice(@PathVariable long id) {
    AcmeContract contract = contracts.ofCustomer(pages.account().getId(), id);
    BillingDocuments.Made made = contracts.invoicePdf(contract);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(made.fileName()).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(made.pdf());
  }

  private ContractRow row(AcmeContract c) {
    Product product = Product.valueOf(c.getProduct());
    return new ContractRow(c.getId(), product.nameJa(), product.nameEn(), c.getUnit().name(), c.getQuantity(),
        c.getUsed(), c.getQuantity() - c.getUsed(), c.getStartsOn(), c.getEndsOn().minusDays(1),
        String.format(java.util.Locale.ROOT, "%06d", c.getInvoiceNumber()),
        String.format(java.util.Locale.ROOT, "%,d", c.getTotalYen()), c.getDueOn(), c.isPaid(),
        c.getPaymentValueDate(), standing(c));
  }

  private Standing standing(AcmeContract c) {
    if (!contracts.inForce(c)) {
      return contracts.startsLater(c) ? Standing.NOT_STARTED : Standing.ENDED;
    }
    if (!c.isPaid()) {
      return Standing.UNPAID;
    }
    return c.getUsed() >= c.getQuantity() ? Standing.USED_UP : Standing.IN_FORCE;
  }

  @ExceptionHandler(AcmeContracts.Refused.class)
  ResponseEntity<ProblemDetail> notYours(AcmeContracts.Refused e) {
    log.info("storefront contract refused: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(DocumentsUnavailable.class)
  ResponseEntity<ProblemDetail> unavailable(DocumentsUnavailable e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Documents unavailable on this server");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }
}
