package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequests;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.InvoiceStatus;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.payment.PaymentProperties;
import org.cabackoffice.payment.VirtualAccount;
import org.cabackoffice.payment.VirtualAccounts;
import org.cabackoffice.workflow.ProcessStages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.cabackoffice.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * My applications: where each stands in the customer's terms ({@link CustomerStep}) and what to
 * do next, with the links that do it — the upload page of an open document request, the
 * invoice, the certificate. One application's page is also the confirmation after applying
 * (guide [2-1] 3.): the dedicated virtual account and when the transfer is due.
 */
@Controller
class MyApplicationsController {

  record Upload(String kindJa, String kindEn, String url) {}

  record Row(
      Application application,
      CustomerStep step,
      String submittedAt,
      List<Upload> uploads,
      Invoice invoice,
      String serial) {}

  private final StorefrontPages pages;
  private final Applications applications;
  private final ProcessStages stages;
  private final DocumentRequests documentRequests;
  private final Invoices invoices;
  private final VirtualAccounts virtualAccounts;
  private final PaymentProperties payment;
  private final IssuedCertificates certificates;
  private final Clock clock;

  MyApplicationsController(
      StorefrontPages pages,
      Applications applications,
      ProcessStages stages,
      DocumentRequests documentRequests,
      Invoices invoices,
      VirtualAccounts virtualAccounts,
      PaymentProperties payment,
      IssuedCertificates certificates,
      Clock clock) {
    this.pages = pages;
    this.applications = applications;
    this.stages = stages;
    this.documentRequests = documentRequests;
    this.invoices = invoices;
    this.virtualAccounts = virtualAccounts;
    this.payment = payment;
    this.certificates = certificates;
    this.clock = clock;
  }

  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @GetMapping("/applications")
  ResponseEntity<String> myApplications(HttpServletRequest request) {
    long account = pages.account().getId();
    List<Row> rows = applications.ofCustomer(account).stream().map(this::row).toList();
    return pages.page("storefront/applications", request, Map.of("applications", rows));
  }

  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @GetMapping("/applications/{id}")
  ResponseEntity<String> oneApplication(@PathVariable String id, HttpServletRequest request) {
    long account = pages.account().getId();
    Optional<Application> found = own(id, account);
    if (found.isEmpty()) {
      // Another customer's application answers as if it did not exist.
      return pages.page(
          HttpStatus.NOT_FOUND, "storefront/notice", request,
          Map.of("titleKey", "store.application.unknown.title", "textKey", "store.application.unknown.text"));
    }
    Row row = row(found.get());
    // Guide [3-2]: one account per user ID, reused for every application, so it can be shown
    // from the first screen on, before the invoice is issued.
    VirtualAccount virtualAccount = virtualAccounts.forCustomer(account);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("row", row);
    model.put("submitted", request.getParameter("submitted") != null);
    model.put("virtualAccount", virtualAccount.getAccountNumber());
    model.put("bankName", payment.bankName());
    model.put("branchName", payment.branchName());
    model.put("branchCode", payment.branchCode());
    model.put("accountHolder", payment.accountHolder());
    model.put("dueDays", payment.dueDays());
    return pages.page("storefront/application", request, model);
  }

  private Optional<Application> own(String id, long account) {
    try {
      return Optional.of(applications.get(Long.parseLong(id))).filter(a -> a.getCustomerAccountId() == account);
    } catch (NumberFormatException | ApplicationNotFoundException unknown) {
      return Optional.empty();
    }
  }

  private Row row(Application application) {
    CustomerStep step = CustomerStep.of(application.getStatus(), stages.activitiesOf(application.getId()));
    List<Upload> uploads = new ArrayList<>();
    if (step == CustomerStep.WAITING_FOR_DOCUMENTS) {
      for (DocumentKind kind : DocumentKind.values()) {
        documentRequests
            .latest(application.getId(), kind)
            .filter(r -> r.acceptsUploads(clock.instant()))
            .ifPresent(r -> uploads.add(upload(r)));
      }
    }
    Invoice invoice = invoices.find(application.getId()).filter(i -> i.getStatus() != InvoiceStatus.CANCELLED).orElse(null);
    String serial =
        step == CustomerStep.ISSUED ? certificates.serialIssuedFor(application.getId()).orElse(null) : null;
    return new Row(application, step, BusinessCalendar.shown(application.getSubmittedAt()), uploads, invoice, serial);
  }

  /**
   * The request's upload page, the same one its mail links to (guide [3-1] 専用 URL); the
   * technical contact who reads that mail is the one logged in here.
   */
  private static Upload upload(DocumentRequest request) {
    return new Upload(
        request.getKind().japaneseName(), request.getKind().englishName(), "/public/documents/" + request.getToken());
  }
}
