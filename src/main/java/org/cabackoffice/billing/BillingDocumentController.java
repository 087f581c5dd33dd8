package org.cabackoffice.billing;

import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.security.CurrentUser;
import java.util.List;
import org.cabackoffice.security.CustomerAccounts;
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
 * The documents as PDF for the customer who owns the application and for staff on the case
 * (officers, auditors): another's application answers 404 as if it did not exist, a document that
 * does not exist yet 409, a machine without the document font 503; each as problem+json.
 */
@RestController
public class BillingDocumentController {

  private final BillingDocuments documents;
  private final Applications applications;
  private final CustomerAccounts customers;
  private final CurrentUser currentUser;

  public BillingDocumentController(
      BillingDocuments documents, Applications applications, CustomerAccounts customers, CurrentUser currentUser) {
    this.documents = documents;
    this.applications = applications;
    this.customers = customers;
    this.currentUser = currentUser;
  }

  /** What the storefront sends for a quote (見積書) before applying. */
  public record QuoteOrder(String product, Integer licences, Boolean express, String paymentMethod) {}

  @PostMapping(path = "/api/quotes", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAnyRole('CUSTOMER', 'OFFICER', 'SENIOR_OFFICER')")
  public ResponseEntity<byte[]> quote(@RequestBody QuoteOrder order) {
    if (order == null) {
      throw new BillingRefused(BillingRefused.Reason.INVALID_ORDER, "the order is missing");
    }
    List<String> addressee =
        currentUser.isCustomer()
            ? BillingDocuments.addressee(customers.byEmail(currentUser.name()).orElseThrow())
            // Staff quote an enquiry by phone: the name is written in by hand.
            : List.of("　　　　　　　　　　　　 御中");
    return pdf(documents.quote(order.product(), order.licences(), order.express(), order.paymentMethod(), addressee));
  }

  @GetMapping(path = "/api/applications/{id}/quote.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAnyRole('CUSTOMER', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<byte[]> quote(@PathVariable long id) {
    return pdf(documents.quote(visible(id)));
  }

  @GetMapping(path = "/api/applications/{id}/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAnyRole('CUSTOMER', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<byte[]> invoice(@PathVariable long id) {
    return pdf(documents.invoice(visible(id)));
  }

  @GetMapping(path = "/api/applications/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAnyRole('CUSTOMER', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<byte[]> receipt(@PathVariable long id) {
    return pdf(documents.receipt(visible(id)));
  }

  @GetMapping(path = "/api/applications/{id}/delivery-note.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @PreAuthorize("hasAnyRole('CUSTOMER', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<byte[]> deliveryNote(@PathVariable long id) {
    return pdf(documents.deliveryNote(visible(id)));
  }

  private Application visible(long id) {
    Application application = applications.get(id);
    if (currentUser.isCustomer()
        && customers.byEmail(currentUser.name()).map(a -> a.getId() != application.getCustomerAccountId()).orElse(true)) {
      throw new ApplicationNotFoundException(id);
    }
    return application;
  }

  private static ResponseEntity<byte[]> pdf(BillingDocuments.Made made) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(made.fileName()).build().toString())
        // Names, addresses and amounts: no shared cache keeps them.
        .cacheControl(CacheControl.noStore())
        .body(made.pdf());
  }

  @ExceptionHandler(BillingRefused.class)
  ResponseEntity<ProblemDetail> refused(BillingRefused e) {
    HttpStatus status =
        switch (e.reason()) {
          case NOT_YET_ISSUED -> HttpStatus.CONFLICT;
          case INVALID_ORDER -> HttpStatus.BAD_REQUEST;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(status == HttpStatus.CONFLICT ? "Document not issued yet" : "Order cannot be quoted");
    problem.setProperty("reason", e.reason().name());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(DocumentsUnavailable.class)
  ResponseEntity<ProblemDetail> unavailable(DocumentsUnavailable e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Documents unavailable on this server");
    problem.setProperty("reason", "FONT_MISSING");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
