package org.cabackoffice.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.input.CorporateNumber;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.csr.NotACsrException;
import org.cabackoffice.csr.Severity;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.workflow.ProcessSignals;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake (guide [2-1]) and the decisions that end an application. */
@Service
public class Applications {

  /** Standard issuance takes 3 business days; express the same business day (guide, intro). */
  static final int STANDARD_BUSINESS_DAYS = 3;

  static final int END_OF_BUSINESS_HOUR = 17;

  private final ApplicationRepository applications;
  private final CustomerAccounts customers;
  private final CsrCheck csrCheck;
  private final IssuedCertificates certificates;
  private final BusinessCalendar calendar;
  private final ProcessSignals signals;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final ApplicationEventPublisher events;
  private final RegisteredSubject registeredSubject;
  private final Clock clock;

  public Applications(
      ApplicationRepository applications,
      CustomerAccounts customers,
      CsrCheck csrCheck,
      IssuedCertificates certificates,
      BusinessCalendar calendar,
      ProcessSignals signals,
      MailTemplates templates,
      Outbox outbox,
      ApplicationEventPublisher events,
      RegisteredSubject registeredSubject,
      Clock clock) {
    this.applications = applications;
    this.customers = customers;
    this.csrCheck = csrCheck;
    this.certificates = certificates;
    this.calendar = calendar;
    this.signals = signals;
    this.templates = templates;
    this.outbox = outbox;
    this.events = events;
    this.registeredSubject = registeredSubject;
    this.clock = clock;
  }

  /**
   * Accepts an application from a storefront account and starts its process; refuses it with
   * findings when the form, the renewal window or the CSR rule it out.
   */
  @Transactional
  public Application submit(String userId, ApplicationForm form) {
    CustomerAccount account =
        customers
            .byEmail(userId)
            .orElseThrow(
                () ->
                    new ApplicationRefusedException(
                        ApplicationRefusedException.Ground.NO_ACCOUNT,
                        new IntakeFinding("", "account.unknown", "no storefront account " + userId)));
    List<IntakeFinding> findings = new ArrayList<>();
    // Guide [2-1] 4.: the technical contact's e-mail is the storefront user ID; the certificate
    // and every notice go there.
    if (!form.technicalContact().email().trim().equalsIgnoreCase(account.getEmail())) {
      findings.add(
          new IntakeFinding(
              "technicalContact.email",
              "technical-contact.not-user-id",
              "must be your storefront user ID " + account.getEmail()));
    }
    String requiredCommonName = null;
    if (form.applicationType() == ApplicationType.RENEWAL) {
      requiredCommonName = renewedCommonName(form, account, findings);
    } else if (form.renewedCertificateSerial() != null && !form.renewedCertificateSerial().isBlank()) {
      findings.add(
          new IntakeFinding(
              "renewedCertificateSerial",
              "new.has-serial",
              "a NEW application renews no certificate; choose RENEWAL or leave the serial out"));
    }
    if (form.paymentMethod() == PaymentMethod.DEFERRED
        && form.applicationType() != ApplicationType.RENEWAL) {
      findings.add(
          new IntakeFinding(
              "paymentMethod",
              "payment.deferred-needs-renewal",
              "deferred payment (先行納入手配) is for renewals only (guide [3-2])"));
    }
    boolean couponGiven = form.couponCode() != null && !form.couponCode().isBlank();
    if (form.paymentMethod() == PaymentMethod.COUPON && !couponGiven) {
      findings.add(
          new IntakeFinding(
              "couponCode",
              "payment.coupon-code-missing",
              "paying with a coupon needs its code (16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS)",
              "クーポンでお支払いの場合は、クーポンコード (英数字 16 文字) を入力してください"));
    } else if (form.paymentMethod() != PaymentMethod.COUPON && couponGiven) {
      // A code that would silently not be used is a mistake the customer should hear of.
      findings.add(
          new IntakeFinding(
              "couponCode",
              "payment.coupon-code-unexpected",
              "a coupon code pays only when the payment method is COUPON",
              "クーポンコードは、お支払い方法にクーポンを選んだ場合にのみ使われます"));
    }
    // Every finding at once, the form's and the CSR's: a customer should not fix one field only
    // to learn of the next.
    String corporateNumber = form.organization().corporateNumber();
    if (corporateNumber != null && !corporateNumber.isBlank() && !CorporateNumber.isValid(corporateNumber.strip())) {
      findings.add(
          new IntakeFinding(
              "organization.corporateNumber",
              "organization.corporate-number-invalid",
              "the corporate number's check digit (its first digit) does not fit the other 12 digits;"
                  + " copy it from the National Tax Agency's corporate number site",
              "法人番号の検査用数字 (先頭の1桁) が残り12桁と合いません。国税庁法人番号公表サイトの番号をご確認ください"));
    }
    CsrCheckResult csr = checkCsr(form.csr(), requiredCommonName, account.getId(), findings);
    if (csr != null && form.product() != null && form.product().extendedValidation()) {
      // EV Guidelines 7.1.2.1, 7.1.4.2.2: no Wildcard Domain Name in an EV certificate (this CA
      // validates no Onion Domain Names, the one exception).
      dnsNames(csr).stream()
          .filter(name -> name.startsWith("*."))
          .findFirst()
          .ifPresent(
              wildcard ->
                  findings.add(
                      new IntakeFinding(
                          "csr",
                          "csr.ev-wildcard",
                          "\"" + wildcard + "\": an EV certificate cannot name a wildcard (EV Guidelines 7.1.2.1);"
                              + " apply with each host name, or for an OV product",
                          "「" + wildcard + "」: EV 証明書にはワイルドカードを含められません (EV ガイドライン 7.1.2.1)。"
                              + "ホスト名ごとに申請するか、OV の製品をお選びください")));
    }
    if (csr != null) {
      RegisteredSubject.Applicant applicant =
          new RegisteredSubject.Applicant(
              corporateNumber == null || corporateNumber.isBlank() ? null : corporateNumber.strip(),
              form.organization().nameEn(),
              form.organization().nameJa(),
              csr.subject().organization(),
              csr.subject().locality(),
              csr.subject().stateOrProvince(),
              csr.subject().country());
      SubjectOrganization.check(csr.subject().organization(), form.organization().nameEn())
          .filter(finding -> !registeredSubject.statesVerifiedTradeName(applicant))
          .ifPresent(findings::add);
      // Guide [1-2]: the subject is the organization as registered; told now, before any invoice.
      findings.addAll(registeredSubject.disagreements(applicant));
    }
    if (!findings.isEmpty()) {
      boolean unreadable = findings.stream().anyMatch(f -> f.code().equals("csr.unreadable"));
      throw new ApplicationRefusedException(
          unreadable
              ? ApplicationRefusedException.Ground.UNREADABLE
              : ApplicationRefusedException.Ground.AGAINST_THE_RULES,
          findings);
    }
    Instant now = clock.instant();
    Application fresh = new Application(account.getId(), form, csr.subject().commonName(), now);
    fresh.recordDnsNames(dnsNames(csr));
    Application application = applications.save(fresh);
    // Guide [2-1] 3. and 4.: the invoice and the confirmation mail come with the acceptance, and a
    // coupon that cannot pay refuses the application before its process starts.
    events.publishEvent(
        new ApplicationAccepted(application.getId(), couponGiven ? form.couponCode().strip() : null));
    Map<String, Object> variables = processVariables(application, now);
    // The phone checklist confirms O and CN (guide [4]): the officer reads the O exactly as it
    // goes into the certificate, next to the name the application gave.
    variables.put(Variables.CSR_ORGANIZATION, csr.subject().organization());
    signals.startApplicationProcess(application.getId(), variables);
    return application;
  }

  private String renewedCommonName(
      ApplicationForm form, CustomerAccount account, List<IntakeFinding> findings) {
    String serial = form.renewedCertificateSerial();
    if (serial == null || serial.isBlank()) {
      findings.add(
          new IntakeFinding(
              "renewedCertificateSerial",
              "renewal.serial-missing",
              "a RENEWAL names the serial number of the certificate it renews"));
      return null;
    }
    // A certificate of another customer is reported as unknown, so its existence does not leak.
    Optional<IssuedCertificate> renewed;
    try {
      renewed =
          certificates.findBySerial(serial).filter(c -> c.customerAccountId() == account.getId());
    } catch (IllegalArgumentException notASerial) {
      findings.add(
          new IntakeFinding(
              "renewedCertificateSerial",
              "renewal.serial-invalid",
              "a serial number is hexadecimal (colons allowed), at most 20 bytes: "
                  + notASerial.getMessage()));
      return null;
    }
    if (renewed.isEmpty()) {
      findings.add(
          new IntakeFinding(
              "renewedCertificateSerial",
              "renewal.certificate-unknown",
              "no certificate with serial " + serial + " is on record for your account"));
      return null;
    }
    IssuedCertificate certificate = renewed.get();
    new RenewalWindow(certificate.notBefore(), certificate.notAfter())
        .check(clock.instant())
        .ifPresent(findings::add);
    return certificate.commonName();
  }

  static List<String> dnsNames(CsrCheckResult csr) {
    List<String> names = new ArrayList<>(csr.sans());
    if (csr.subject().commonName() != null) {
      names.add(csr.subject().commonName());
    }
    return names;
  }

  /** The CSR's check; its refusing findings are added to {@code findings}. */
  private CsrCheckResult checkCsr(
      String pem, String requiredCommonName, long customerAccountId, List<IntakeFinding> findings) {
    CsrCheckResult result;
    try {
      // The customer goes along so a key certified for another customer is refused (BR 9.6.3).
      result =
          csrCheck.check(
              pem.getBytes(StandardCharsets.US_ASCII),
              CsrCheckContext.forCustomer(requiredCommonName, customerAccountId));
    } catch (NotACsrException e) {
      findings.add(new IntakeFinding("csr", "csr.unreadable", e.getMessage()));
      return null;
    }
    result.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .map(f -> new IntakeFinding("csr", f.code(), f.message(), f.messageJa()))
        .forEach(findings::add);
    return result;
  }

  /**
   * Copies for the officers' forms and the routing flags; the application row stays the record.
   */
  private Map<String, Object> processVariables(Application application, Instant now) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.APPLICATION_ID, application.getId());
    variables.put(Variables.PRODUCT, application.getProduct().name());
    variables.put(Variables.PRODUCT_NAME, application.getProduct().nameEn() + " / " + application.getProduct().nameJa());
    variables.put(Variables.APPLICATION_TYPE, application.getApplicationType().name());
    variables.put(Variables.EXPRESS, application.isExpress());
    variables.put(Variables.PAYMENT_METHOD, application.getPaymentMethod().name());
    variables.put(Variables.COMMON_NAME, application.getCommonName());
    variables.put(
        Variables.ORGANIZATION_NAME,
        application.getOrganizationNameEn() + " / " + application.getOrganizationNameJa());
    variables.put(
        Variables.TECHNICAL_CONTACT,
        application.getTechnicalCompany()
            + ", "
            + application.getTechnicalName()
            + " <"
            + application.getTechnicalEmail()
            + ">");
    variables.put(
        Variables.RESPONSIBLE_PERSON,
        application.getResponsibleName()
            + (application.getResponsibleTitle() == null ? "" : ", " + application.getResponsibleTitle()));
    Instant deadline = serviceLevelDeadline(application.isExpress(), now);
    variables.put(Variables.SERVICE_LEVEL_DEADLINE, Date.from(deadline));
    // From the deadline on, daily, until the application is done (ISO 8601 repeating interval).
    variables.put(Variables.OVERDUE_REMINDER_CYCLE, "R/" + deadline + "/P1D");
    return variables;
  }

  /**
   * When the certificate is due: the end of the same business day for express, three business
   * days for standard issuance (guide, introduction). Applications arriving after hours or on a
   * holiday count from the next business day.
   */
  Instant serviceLevelDeadline(boolean express, Instant submitted) {
    ZonedDateTime at = submitted.atZone(BusinessCalendar.ZONE);
    ZonedDateTime closeOfDay =
        at.toLocalDate().atTime(END_OF_BUSINESS_HOUR, 0).atZone(BusinessCalendar.ZONE);
    if (!calendar.isBusinessDay(at.toLocalDate()) || !at.isBefore(closeOfDay)) {
      closeOfDay = calendar.plusBusinessDays(closeOfDay, 1);
    }
    return (express ? closeOfDay : calendar.plusBusinessDays(closeOfDay, STANDARD_BUSINESS_DAYS))
        .toInstant();
  }

  @Transactional(readOnly = true)
  public Application get(long id) {
    return applications
        .findById(id)
        .orElseThrow(() -> new ApplicationNotFoundException(id));
  }

  /**
   * Whether the certificate is being or has been renewed: an application renews it and was not
   * refused. Such a certificate's subscriber is not invited to renew again.
   */
  @Transactional(readOnly = true)
  public boolean hasRenewal(String serialHex) {
    return applications.existsByRenewedCertificateSerialAndStatusNot(
        CertificateSerial.normalize(serialHex), ApplicationStatus.REJECTED);
  }

  @Transactional(readOnly = true)
  public List<Application> ofCustomer(long customerAccountId) {
    return applications.findByCustomerAccountIdOrderByIdDesc(customerAccountId);
  }

  /** Ends the application as refused, keeps the reason and tells the technical contact. */
  @Transactional
  public void reject(long id, RejectionReason reason, String detail) {
    Application application = get(id);
    application.reject(reason, detail, clock.instant());
    events.publishEvent(new ApplicationRejected(id, reason));
    outbox.enqueue(
        templates.compose(
            "application-rejected:" + id,
            "application-rejected",
            application.getTechnicalEmail(),
            Map.of(
                "applicationId", id,
                "commonName", String.valueOf(application.getCommonName()),
                "reasonJa", reason.messageJa(),
                "reasonEn", reason.messageEn(),
                "detail", detail == null || detail.isBlank() ? "-" : detail),
            List.of())
            .about(id));
  }

  @Transactional
  public void flagServiceLevelMissed(long id) {
    get(id).flagServiceLevelMissed(clock.instant());
  }

  @Transactional
  public void markIssued(long id) {
    get(id).markIssued(clock.instant());
  }
}
