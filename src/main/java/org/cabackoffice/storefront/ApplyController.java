package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationForm;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.ApplicationRefusedException;
import org.cabackoffice.application.ApplicationType;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.IntakeFinding;
import org.cabackoffice.application.PaymentMethod;
import org.cabackoffice.application.Product;
import org.cabackoffice.application.RenewalWindow;
import org.cabackoffice.application.ServerSoftware;
import org.cabackoffice.billing.BillingDocuments;
import org.cabackoffice.billing.BillingRefused;
import org.cabackoffice.billing.DocumentsUnavailable;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.csr.NotACsrException;
import org.cabackoffice.csr.Severity;
import org.cabackoffice.domain.DomainControl;
import org.cabackoffice.domain.DomainValidationMethod;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.payment.PaymentRefused;
import org.cabackoffice.security.CustomerAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.cabackoffice.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Apply and renew (guide [2-1]): product, licences, express, server software, payment, the CSR
 * (pasted or uploaded, checked live by the page and again by intake), the domain validation
 * method (BR 3.2.2.4: those this CA offers) and the people behind it.
 * The intake ({@link Applications#submit}) decides; this page only carries its findings back to
 * the fields they are about, in the customer's language.
 */
@Controller
class ApplyController {

  private static final Logger log = LoggerFactory.getLogger(ApplyController.class);

  /** The form's flat field names and the {@link ApplicationForm} paths their findings name. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("product", "product");
    FIELDS.put("licences", "licences");
    FIELDS.put("express", "express");
    FIELDS.put("serverSoftware", "serverSoftware");
    FIELDS.put("paymentMethod", "paymentMethod");
    FIELDS.put("couponCode", "couponCode");
    FIELDS.put("renewedCertificateSerial", "renewedCertificateSerial");
    FIELDS.put("csr", "csr");
    // Not part of the intake's form: chosen for the domain step once the application exists.
    FIELDS.put("domainValidationMethod", "domainValidationMethod");
    FIELDS.put("orgNameEn", "organization.nameEn");
    FIELDS.put("orgNameJa", "organization.nameJa");
    FIELDS.put("orgUnit", "organization.unit");
    FIELDS.put("orgLocality", "organization.locality");
    FIELDS.put("orgState", "organization.stateOrProvince");
    FIELDS.put("orgCountry", "organization.country");
    FIELDS.put("corporateNumber", "organization.corporateNumber");
    FIELDS.put("respName", "responsiblePerson.name");
    FIELDS.put("respTitle", "responsiblePerson.title");
    FIELDS.put("respEmail", "responsiblePerson.email");
    FIELDS.put("respPhone", "responsiblePerson.phone");
    FIELDS.put("techCompany", "technicalContact.company");
    FIELDS.put("techName", "technicalContact.name");
    FIELDS.put("techEmail", "technicalContact.email");
    FIELDS.put("techPhone", "technicalContact.phone");
  }

  /** The intake's limit on a CSR (ApplicationForm: 64 KiB). */
  static final int MAX_CSR_BYTES = 65536;

  /** A message for the page: a bundle key, or a text that came in the reader's language. */
  record Message(String key, String text) {}

  record CheckedFinding(Severity severity, String message) {}

  private final StorefrontPages pages;
  private final Applications applications;
  private final IssuedCertificates certificates;
  private final CsrCheck csrCheck;
  private final Validator validator;
  private final BillingDocuments documents;
  private final DomainControl domainControl;
  private final Clock clock;

  ApplyController(
      StorefrontPages pages,
      Applications applications,
      IssuedCertificates certificates,
      CsrCheck csrCheck,
      Validator validator,
      BillingDocuments documents,
      DomainControl domainControl,
      Clock clock) {
    this.pages = pages;
    this.applications = applications;
    this.certificates = certificates;
    this.csrCheck = csrCheck;
    this.validator = validator;
    this.documents = documents;
    this.domainControl = domainControl;
    this.clock = clock;
  }

  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @GetMapping("/apply")
  ResponseEntity<String> applyPage(
      @RequestParam(required = false) String renew, HttpServletRequest request) {
    CustomerAccount account = pages.account();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("product", Product.GLOBAL_SERVER_ID.name());
    form.put("licences", "1");
    form.put("serverSoftware", ServerSoftware.APACHE_OPENSSL.name());
    form.put("paymentMethod", PaymentMethod.BANK_TRANSFER.name());
    form.put("orgCountry", "JP");
    form.put("domainValidationMethod", DomainValidationMethod.DNS_CHANGE.section());
    form.put("techEmail", account.getEmail());
    form.put("techCompany", account.getCompanyName());
    form.put("techName", account.getDisplayName());
    String requiredCommonName = null;
    if (renew != null && !renew.isBlank()) {
      Optional<IssuedCertificate> renewed = ownCertificate(renew, account);
      if (renewed.isEmpty()) {
        return pages.page(
            HttpStatus.NOT_FOUND, "storefront/notice", request,
            Map.of("titleKey", "store.renew.unknown.title", "textKey", "store.renew.unknown.text"));
      }
      IssuedCertificate certificate = renewed.get();
      RenewalWindow window = new RenewalWindow(certificate.notBefore(), certificate.notAfter());
      if (window.check(clock.instant()).isPresent()) {
        // The intake would refuse it (guide, introduction): said here, before any typing.
        return pages.page(
            HttpStatus.UNPROCESSABLE_ENTITY, "storefront/notice", request,
            Map.of(
                "titleKey", "store.renew.outside.title",
                "textKey", "store.renew.outside.text",
                "args", List.of(
                    certificate.commonName(),
                    BusinessCalendar.shown(window.opens()),
                    BusinessCalendar.shown(window.closes()))));
      }
      requiredCommonName = certificate.commonName();
      form.put("renewedCertificateSerial", certificate.serial());
      prefill(form, certificate);
    }
    return applyForm(HttpStatus.OK, request, form, Map.of(), List.of(), requiredCommonName);
  }

  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @PostMapping(path = "/apply", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
  ResponseEntity<?> apply(
      HttpServletRequest request,
      @RequestParam(name = "csrFile", required = false) MultipartFile csrFile,
      @RequestParam(name = "action", required = false) String action)
      throws IOException {
    CustomerAccount account = pages.account();
    boolean japanese = Locale.JAPANESE.equals(Pages.languageOf(request));
    Map<String, String> form = new LinkedHashMap<>();
    for (String field : FIELDS.keySet()) {
      String value = request.getParameter(field);
      if (value != null) {
        form.put(field, value);
      }
    }
    Map<String, List<Message>> errors = new LinkedHashMap<>();
    if (csrFile != null && !csrFile.isEmpty()) {
      if (csrFile.getSize() > MAX_CSR_BYTES) {
        errors.computeIfAbsent("csr", f -> new ArrayList<>()).add(new Message("store.error.csrFileTooLarge", null));
      } else {
        form.put("csr", asPem(csrFile.getBytes()));
      }
    }
    String requiredCommonName = renewedCommonName(form.get("renewedCertificateSerial"), account);
    if ("check".equals(action)) {
      // Without JavaScript: the CSR check's findings on the form, nothing applied for.
      List<CheckedFinding> checked = checkCsr(form.get("csr"), requiredCommonName, account, japanese);
      return applyForm(HttpStatus.OK, request, form, errors, checked, requiredCommonName);
    }
    if ("quote".equals(action)) {
      return quote(request, form, errors, account, requiredCommonName);
    }
    ApplicationForm submitted = read(form, errors, japanese);
    if (errors.isEmpty()) {
      for (ConstraintViolation<ApplicationForm> violation : validator.validate(submitted)) {
        String path = violation.getPropertyPath().toString();
        String field =
            FIELDS.entrySet().stream().filter(e -> e.getValue().equals(path)).map(Map.Entry::getKey).findFirst().orElse("");
        String constraint =
            violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        errors
            .computeIfAbsent(field, f -> new ArrayList<>())
            .add(japanese ? new Message("store.error." + constraint, null) : new Message(null, violation.getMessage()));
      }
    }
    String method = form.getOrDefault("domainValidationMethod", DomainValidationMethod.DNS_CHANGE.section());
    // DNS change is the domain step's own default: nothing to check before intake has spoken.
    boolean otherThanDefault = !DomainValidationMethod.DNS_CHANGE.section().equals(method.strip());
    if (errors.isEmpty() && otherThanDefault) {
      try {
        DomainControl.choosable(commonNameOf(form.get("csr"), requiredCommonName, account), method);
      } catch (DomainControl.ChoiceRefusedException refused) {
        log.info("apply page: domain validation method {} refused: {}", method, refused.getMessage());
        errors
            .computeIfAbsent("domainValidationMethod", f -> new ArrayList<>())
            .add(japanese ? new Message("store.dv.refused", null) : new Message(null, refused.getMessage()));
      }
    }
    if (errors.isEmpty()) {
      try {
        Application application = applications.submit(account.getEmail(), submitted);
        chooseMethod(application, method, account);
        // Post/redirect/get: a reload of the confirmation does not apply twice.
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
            .header("Location", "/applications/" + application.getId() + "?submitted&lang=" + Pages.languageOf(request).getLanguage())
            .build();
      } catch (PaymentRefused refused) {
        // The coupon could not pay, so nothing was applied for (ConfirmationOnApplying); the
        // reason goes beside the code the customer typed.
        errors.computeIfAbsent("couponCode", f -> new ArrayList<>()).add(couponRefusal(refused));
      } catch (ApplicationRefusedException refused) {
        for (IntakeFinding finding : refused.findings()) {
          String field =
              FIELDS.entrySet().stream()
                  .filter(e -> e.getValue().equals(finding.field()))
                  .map(Map.Entry::getKey)
                  .findFirst()
                  .orElse(finding.field() != null && finding.field().startsWith("csr") ? "csr" : "");
          String text = japanese && finding.messageJa() != null ? finding.messageJa() : finding.message();
          errors.computeIfAbsent(field, f -> new ArrayList<>()).add(new Message(null, text));
        }
      }
    }
    return applyForm(HttpStatus.UNPROCESSABLE_ENTITY, request, form, errors, List.of(), requiredCommonName);
  }

  /**
   * The method the customer chose on the page, kept for the domain step (BR 3.2.2.4); DNS change
   * is what the step uses when none was chosen, so it needs no record. Checked before applying,
   * so a refusal here is a race (the domain validated meanwhile): the application stands, with the
   * method it would have had, and the customer can still choose on its page's API.
   */
  private void chooseMethod(Application application, String method, CustomerAccount account) {
    if (DomainValidationMethod.DNS_CHANGE.section().equals(method.strip())) {
      return;
    }
    try {
      domainControl.choose(application.getId(), method, account.getEmail());
    } catch (DomainControl.ChoiceRefusedException refused) {
      log.info("application {}: domain validation method {} not kept: {}", application.getId(), method, refused.getMessage());
    }
  }

  /**
   * The CN the domain step will validate, read from the CSR when it passes the CSR check; null
   * otherwise, as intake then refuses the CSR with its own findings.
   */
  private String commonNameOf(String csr, String requiredCommonName, CustomerAccount account) {
    if (csr == null || csr.isBlank() || csr.length() > MAX_CSR_BYTES) {
      return null;
    }
    try {
      CsrCheckResult result =
          csrCheck.check(
              csr.getBytes(StandardCharsets.US_ASCII),
              CsrCheckContext.forCustomer(requiredCommonName, account.getId()));
      return result.acceptable() ? result.subject().commonName() : null;
    } catch (NotACsrException e) {
      return null;
    }
  }

  /** The reasons a coupon cannot pay, each with its own words on the page. */
  private static Message couponRefusal(PaymentRefused refused) {
    return switch (refused.reason()) {
      case COUPON_UNKNOWN, COUPON_USED, COUPON_EXPIRED, COUPON_WRONG_PRODUCT ->
          new Message("store.coupon." + refused.reason().name(), null);
      default -> new Message(null, refused.getMessage());
    };
  }

  /**
   * Guide [2] (FAQ オンライン見積り): a quote (見積書) for what the form says so far — product,
   * licences, express, payment — before anything is applied for; the billing documents' own quote,
   * priced by the rule the invoice will use. A form it cannot price comes back with the reason.
   */
  private ResponseEntity<?> quote(
      HttpServletRequest request,
      Map<String, String> form,
      Map<String, List<Message>> errors,
      CustomerAccount account,
      String requiredCommonName) {
    Integer licences = null;
    try {
      licences = Integer.valueOf(form.getOrDefault("licences", "1").strip());
    } catch (NumberFormatException e) {
      // left null: refused below as the intake would
    }
    if (licences == null || licences < 1 || licences > 999) {
      errors
          .computeIfAbsent("licences", f -> new ArrayList<>())
          .add(new Message(licences != null && licences > 999 ? "store.error.Max" : "store.error.Min", null));
    }
    if (errors.isEmpty()) {
      try {
        BillingDocuments.Made made =
            documents.quote(
                form.get("product"),
                licences,
                "on".equals(form.get("express")) || "true".equals(form.get("express")),
                form.get("paymentMethod"),
                BillingDocuments.addressee(account));
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(made.fileName()).build().toString())
            .cacheControl(CacheControl.noStore())
            .body(made.pdf());
      } catch (BillingRefused refused) {
        // Product and payment are the page's own choices, so this is a tampered or stale form.
        errors.computeIfAbsent("", f -> new ArrayList<>()).add(new Message("store.quote.refused", null));
      } catch (DocumentsUnavailable unavailable) {
        // This server has no Japanese font for PDFs: said on the page, the form kept as typed.
        errors.computeIfAbsent("", f -> new ArrayList<>()).add(new Message("store.quote.unavailable", null));
        return applyForm(HttpStatus.SERVICE_UNAVAILABLE, request, form, errors, List.of(), requiredCommonName);
      }
    }
    return applyForm(HttpStatus.UNPROCESSABLE_ENTITY, request, form, errors, List.of(), requiredCommonName);
  }

  /**
   * The page's live CSR check (a small fetch on input; the form works without it): the CSR
   * check's findings in the page's language, against the CN a renewal must keep. A text that is
   * no CSR answers 400 with the reason as a finding, which the page shows the same way.
   */
  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @PostMapping(path = "/apply/csr-check", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Object> liveCheck(
      @RequestBody(required = false) String csr,
      @RequestParam(required = false) String renewedCertificateSerial,
      HttpServletRequest request) {
    CustomerAccount account = pages.account();
    boolean japanese = Locale.JAPANESE.equals(Pages.languageOf(request));
    if (csr == null || csr.isBlank() || csr.length() > MAX_CSR_BYTES) {
      return notACsr(japanese ? "CSR (PEM) を貼り付けてください (64 KiB まで)。" : "Paste the CSR (PEM), at most 64 KiB.");
    }
    try {
      CsrCheckResult result =
          csrCheck.check(
              csr.getBytes(StandardCharsets.US_ASCII),
              CsrCheckContext.forCustomer(renewedCommonName(renewedCertificateSerial, account), account.getId()));
      List<CheckedFinding> findings =
          result.findings().stream()
              .map(f -> new CheckedFinding(f.severity(), japanese ? f.messageJa() : f.message()))
              .toList();
      return ResponseEntity.ok(
          Map.of(
              "acceptable", result.acceptable(),
              "commonName", result.subject().commonName() == null ? "" : result.subject().commonName(),
              "findings", findings));
    } catch (NotACsrException e) {
      return notACsr(japanese ? "CSR として読み取れません: " + e.getMessage() : "This is not a CSR: " + e.getMessage());
    }
  }

  private static ResponseEntity<Object> notACsr(String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    problem.setTitle("Not a certificate signing request");
    problem.setProperty("acceptable", false);
    problem.setProperty("findings", List.of(new CheckedFinding(Severity.ERROR, message)));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private List<CheckedFinding> checkCsr(
      String csr, String requiredCommonName, CustomerAccount account, boolean japanese) {
    if (csr == null || csr.isBlank()) {
      return List.of(new CheckedFinding(Severity.ERROR, japanese ? "CSR (PEM) を貼り付けてください。" : "Paste the CSR (PEM)."));
    }
    try {
      CsrCheckResult result =
          csrCheck.check(
              csr.getBytes(StandardCharsets.US_ASCII),
              CsrCheckContext.forCustomer(requiredCommonName, account.getId()));
      if (result.findings().isEmpty()) {
        return List.of(new CheckedFinding(Severity.INFO, japanese ? "問題は見つかりませんでした。" : "No problems found."));
      }
      return result.findings().stream()
          .map(f -> new CheckedFinding(f.severity(), japanese ? f.messageJa() : f.message()))
          .toList();
    } catch (NotACsrException e) {
      return List.of(
          new CheckedFinding(
              Severity.ERROR,
              (japanese ? "CSR として読み取れません: " : "This is not a CSR: ") + e.getMessage()));
    }
  }

  private ResponseEntity<String> applyForm(
      HttpStatus status,
      HttpServletRequest request,
      Map<String, String> form,
      Map<String, List<Message>> errors,
      List<CheckedFinding> checked,
      String requiredCommonName) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("form", form);
    model.put("errors", errors);
    model.put("checked", checked);
    model.put("renewal", form.get("renewedCertificateSerial") != null && !form.get("renewedCertificateSerial").isBlank());
    model.put("requiredCommonName", requiredCommonName == null ? "" : requiredCommonName);
    model.put("products", Product.values());
    model.put("serverSoftware", ServerSoftware.values());
    model.put("domainValidationMethods", DomainControl.offeredSections());
    return pages.page(status, "storefront/apply", request, model);
  }

  /** The form as intake reads it; unreadable choices become errors here. */
  private static ApplicationForm read(
      Map<String, String> form, Map<String, List<Message>> errors, boolean japanese) {
    String serial = blankToNull(form.get("renewedCertificateSerial"));
    Product product = choice(Product.class, form.get("product"), "product", errors);
    PaymentMethod payment = choice(PaymentMethod.class, form.get("paymentMethod"), "paymentMethod", errors);
    ServerSoftware software = choice(ServerSoftware.class, form.get("serverSoftware"), "serverSoftware", errors);
    Integer licences = null;
    try {
      licences = Integer.valueOf(form.getOrDefault("licences", "1").strip());
    } catch (NumberFormatException e) {
      errors.computeIfAbsent("licences", f -> new ArrayList<>()).add(new Message("store.error.Min", null));
    }
    return new ApplicationForm(
        product,
        serial == null ? ApplicationType.NEW : ApplicationType.RENEWAL,
        form.get("csr"),
        "on".equals(form.get("express")) || "true".equals(form.get("express")),
        payment,
        new ApplicationForm.Organization(
            form.get("orgNameEn"),
            form.get("orgNameJa"),
            blankToNull(form.get("orgUnit")),
            blankToNull(form.get("orgLocality")),
            blankToNull(form.get("orgState")),
            form.get("orgCountry"),
            blankToNull(form.get("corporateNumber"))),
        new ApplicationForm.ResponsiblePerson(
            form.get("respName"), blankToNull(form.get("respTitle")), form.get("respEmail"), blankToNull(form.get("respPhone"))),
        new ApplicationForm.TechnicalContact(
            form.get("techCompany"), form.get("techName"), form.get("techEmail"), blankToNull(form.get("techPhone"))),
        serial,
        licences,
        software,
        // The code counts only with the coupon chosen; a code left in the field is not used.
        payment == PaymentMethod.COUPON ? blankToNull(form.get("couponCode")) : null);
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String value, String field, Map<String, List<Message>> errors) {
    try {
      return Enum.valueOf(type, value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      errors.computeIfAbsent(field, f -> new ArrayList<>()).add(new Message("store.error.NotNull", null));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** An uploaded CSR: PEM as it is, DER wrapped as PEM (the intake reads PEM). */
  static String asPem(byte[] upload) {
    String text = new String(upload, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN")) {
      return text;
    }
    return "-----BEGIN CERTIFICATE REQUEST-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(upload)
        + "\n-----END CERTIFICATE REQUEST-----\n";
  }

  private Optional<IssuedCertificate> ownCertificate(String serial, CustomerAccount account) {
    try {
      return certificates.findBySerial(serial).filter(c -> c.customerAccountId() == account.getId());
    } catch (IllegalArgumentException notASerial) {
      return Optional.empty();
    }
  }

  private String renewedCommonName(String serial, CustomerAccount account) {
    if (serial == null || serial.isBlank()) {
      return null;
    }
    return ownCertificate(serial, account).map(IssuedCertificate::commonName).orElse(null);
  }

  /** Guide [2-1] 1.: a renewal starts from what the renewed certificate's application said. */
  private void prefill(Map<String, String> form, IssuedCertificate certificate) {
    if (certificate.applicationId() == null) {
      // Imported from the previous system: its subject is all we know of the organization.
      org.bouncycastle.asn1.x500.X500Name subject =
          org.bouncycastle.asn1.x500.X500Name.getInstance(
              org.cabackoffice.issuance.CertificatePem.parse(certificate.pem()).get(0).getSubjectX500Principal().getEncoded());
      put(form, "orgNameEn", attribute(subject, org.bouncycastle.asn1.x500.style.BCStyle.O));
      put(form, "orgLocality", attribute(subject, org.bouncycastle.asn1.x500.style.BCStyle.L));
      put(form, "orgState", attribute(subject, org.bouncycastle.asn1.x500.style.BCStyle.ST));
      put(form, "orgCountry", attribute(subject, org.bouncycastle.asn1.x500.style.BCStyle.C));
      return;
    }
    Application previous;
    try {
      previous = applications.get(certificate.applicationId());
    } catch (ApplicationNotFoundException gone) {
      return;
    }
    form.put("product", previous.getProduct().name());
    form.put("licences", String.valueOf(previous.getLicences()));
    form.put("serverSoftware", previous.getServerSoftware().name());
    put(form, "orgNameEn", previous.getOrganizationNameEn());
    put(form, "orgNameJa", previous.getOrganizationNameJa());
    put(form, "orgUnit", previous.getOrganizationUnit());
    put(form, "orgLocality", previous.getLocality());
    put(form, "orgState", previous.getStateOrProvince());
    put(form, "orgCountry", previous.getCountry());
    put(form, "corporateNumber", previous.getCorporateNumber());
    put(form, "respName", previous.getResponsibleName());
    put(form, "respTitle", previous.getResponsibleTitle());
    put(form, "respEmail", previous.getResponsibleEmail());
    put(form, "respPhone", previous.getResponsiblePhone());
  }

  private static String attribute(
      org.bouncycastle.asn1.x500.X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    org.bouncycastle.asn1.x500.RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0
        ? null
        : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private static void put(Map<String, String> form, String field, String value) {
    if (value != null) {
      form.put(field, value);
    }
  }
}
