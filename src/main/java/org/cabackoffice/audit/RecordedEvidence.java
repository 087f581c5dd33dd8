package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationStatus;
import org.cabackoffice.application.RejectionReason;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequestRepository;
import org.cabackoffice.documents.UploadedDocumentRepository;
import org.cabackoffice.documents.UploadedDocumentSummary;
import org.cabackoffice.domain.CaaEvidence;
import org.cabackoffice.domain.DnsChallenge;
import org.cabackoffice.domain.DomainControlDecision;
import org.cabackoffice.domain.DomainControlDecisions;
import org.cabackoffice.domain.DnsChallengeRepository;
import org.cabackoffice.domain.DnsCheckEvidence;
import org.cabackoffice.domain.DomainUseConsent;
import org.cabackoffice.domain.RegistrantComparison;
import org.cabackoffice.domain.RegistrantComparisonRepository;
import org.cabackoffice.domain.RegistrationEvidence;
import org.cabackoffice.domain.RegistrationEvidenceRepository;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.InvoiceRepository;
import org.cabackoffice.payment.Payment;
import org.cabackoffice.payment.PaymentRepository;
import org.cabackoffice.verification.IssuanceApproval;
import org.cabackoffice.verification.IssuanceApprovalRepository;
import org.cabackoffice.verification.PhoneVerification;
import org.cabackoffice.verification.PhoneVerificationRepository;
import org.cabackoffice.mail.RecipientDomain;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.security.RefusedAttempt;
import org.cabackoffice.security.RefusedAttempts;
import org.springframework.stereotype.Component;

/**
 * The evidence each stage stored about an application (BR 5.4.1), as timeline entries in stage
 * order. Reads rows only: no entity here is changed, and no content is loaded that the timeline
 * must not show (uploaded files, mail bodies, tokens, challenge values, raw registry answers;
 * the reference names the row that holds them).
 */
@Component
class RecordedEvidence {

  private final RegistrationEvidenceRepository registrations;
  private final RegistrantComparisonRepository comparisons;
  private final DomainEvidenceRecords domainEvidence;
  private final DnsChallengeRepository challenges;
  private final DocumentRequestRepository documentRequests;
  private final UploadedDocumentRepository uploads;
  private final InvoiceRepository invoices;
  private final PaymentRepository payments;
  private final PhoneVerificationRepository phoneCalls;
  private final IssuanceApprovalRepository approvals;
  private final IssuedCertificateRepository certificates;
  private final DomainControlDecisions domainControl;
  private final RefusedAttempts refusedAttempts;
  private final CustomerAccounts customers;

  RecordedEvidence(
      RegistrationEvidenceRepository registrations,
      RegistrantComparisonRepository comparisons,
      DomainEvidenceRecords domainEvidence,
      DnsChallengeRepository challenges,
      DocumentRequestRepository documentRequests,
      UploadedDocumentRepository uploads,
      InvoiceRepository invoices,
      PaymentRepository payments,
      PhoneVerificationRepository phoneCalls,
      IssuanceApprovalRepository approvals,
      IssuedCertificateRepository certificates,
      DomainControlDecisions domainControl,
      RefusedAttempts refusedAttempts,
      CustomerAccounts customers) {
    this.domainControl = domainControl;
    this.refusedAttempts = refusedAttempts;
    this.customers = customers;
    this.registrations = registrations;
    this.comparisons = comparisons;
    this.domainEvidence = domainEvidence;
    this.challenges = challenges;
    this.documentRequests = documentRequests;
    this.uploads = uploads;
    this.invoices = invoices;
    this.payments = payments;
    this.phoneCalls = phoneCalls;
    this.approvals = approvals;
    this.certificates = certificates;
  }

  List<TimelineEntry> of(Application application, Collection<Long> registrationEvidenceIds) {
    long id = application.getId();
    List<TimelineEntry> entries = new ArrayList<>();
    // The submitting storefront account, not just "customer"; by number and mail domain, as
    // mails are shown, so the timeline holds no customer's address.
    String submitter =
        "customer:" + application.getCustomerAccountId()
            + customers.byId(application.getCustomerAccountId())
                .map(a -> " (@" + RecipientDomain.of(a.getEmail()) + ")")
                .orElse("");
    entries.add(submitted(application, submitter));

    for (Long evidenceId : registrationEvidenceIds) {
      registrations.findById(evidenceId).ifPresent(e -> entries.add(registrantLookup(e)));
    }
    for (RegistrantComparison c : comparisons.findByApplicationIdOrderByIdAsc(id)) {
      entries.add(comparison(c));
    }
    for (DomainUseConsent c : domainEvidence.consentsOf(id)) {
      entries.addAll(consent(c));
    }
    for (DomainControlDecision d : domainControl.of(id)) {
      entries.add(
          new TimelineEntry(
              d.getDecidedAt(),
              TimelineKind.DOMAIN_CONTROL_DECIDED,
              TimelineEntry.SYSTEM,
              "Domain control of " + d.getDomainName() + ": " + words(d.getMethod().name()) + ", "
                  + d.getDetail() + (d.getBrVersion() == null ? "" : " (BR " + d.getBrVersion() + ")"),
              "domain_control_decision:" + d.getId()));
    }
    for (DnsChallenge c : challenges.findByApplicationIdOrderByIdAsc(id)) {
      entries.add(challenge(c));
    }
    for (DnsCheckEvidence e : domainEvidence.dnsChecksOf(id)) {
      entries.add(dnsCheck(e));
    }

    List<DocumentRequest> requests = documentRequests.findByApplicationIdOrderByIdAsc(id);
    List<Long> requestIds = requests.stream().map(DocumentRequest::getId).toList();
    List<UploadedDocumentSummary> uploaded =
        requestIds.isEmpty() ? List.of() : uploads.summariesOf(requestIds);
    for (DocumentRequest r : requests) {
      entries.addAll(documents(r, uploaded));
    }

    invoices
        .findByApplicationId(id)
        .ifPresent(
            invoice -> {
              entries.addAll(invoice(invoice));
              payments.findByInvoiceId(invoice.getId()).ifPresent(p -> entries.add(payment(p)));
            });

    for (PhoneVerification v : phoneCalls.findByApplicationIdOrderByIdAsc(id)) {
      entries.add(phoneCall(v));
    }
    for (IssuanceApproval a : approvals.findByApplicationIdOrderByIdAsc(id)) {
      entries.add(approval(a));
    }
    for (CaaEvidence e : domainEvidence.caaChecksOf(id)) {
      entries.add(caaCheck(e));
    }
    IssuedCertificate certificate = certificates.findFirstByApplicationId(id).orElse(null);
    if (certificate != null) {
      entries.add(certificate(certificate));
    }
    if (application.getStatus() == ApplicationStatus.REJECTED && application.getDecidedAt() != null) {
      entries.add(refusal(application));
    }
    for (RefusedAttempt r : refusedAttempts.of(id)) {
      entries.add(
          new TimelineEntry(
              r.getAttemptedAt(),
              TimelineKind.REFUSED_ATTEMPT,
              r.getActor(),
              "Refused: " + r.getAttempted() + " — " + r.getReason(),
              "refused_attempt:" + r.getId()));
    }
    if (application.getServiceLevelMissedAt() != null) {
      entries.add(
          new TimelineEntry(
              application.getServiceLevelMissedAt(),
              TimelineKind.SERVICE_LEVEL_MISSED,
              TimelineEntry.SYSTEM,
              "Service level missed ("
                  + (application.isExpress() ? "express: same business day" : "3 business days")
                  + ")",
              "application:" + id));
    }

    return entries;
  }

  /** "REUSED_VALIDATION" → "reused validation". */
  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static TimelineEntry submitted(Application a, String submitter) {
    String summary =
        "Application submitted: "
            + a.getProduct()
            + " "
            + a.getApplicationType()
            + (a.isExpress() ? " (express)" : "")
            + " for "
            + a.getCommonName()
            + " by "
            + a.getOrganizationNameEn()
            + ", payment "
            + a.getPaymentMethod();
    if (a.getRenewedCertificateSerial() != null) {
      summary += ", renewing serial " + a.getRenewedCertificateSerial();
    }
    return new TimelineEntry(
        a.getSubmittedAt(),
        TimelineKind.APPLICATION_SUBMITTED,
        submitter,
        summary,
        "application:" + a.getId());
  }

  private static TimelineEntry registrantLookup(RegistrationEvidence e) {
    StringBuilder s = new StringBuilder(e.getSource()).append(" lookup of ").append(e.getDomainName());
    if (e.isReuse()) {
      s.append(" answered from lookup registration_evidence:")
          .append(e.getReusedEvidenceId())
          .append(" of ")
          .append(e.getQueriedAt());
    }
    s.append(" at ").append(e.getServer());
    if (e.getRegistryServer() != null) {
      s.append(" (referred by ").append(e.getRegistryServer()).append(')');
    }
    if (e.getFailedReferral() != null) {
      s.append(" (its referral to ")
          .append(e.getFailedReferral())
          .append(" failed: ")
          .append(e.getFailedReferralReason())
          .append("; the registry's own answer was used)");
    }
    if (!e.isRegistered()) {
      s.append(": not registered");
    } else {
      String registrant =
          e.getRegistrantOrganization() != null
              ? e.getRegistrantOrganization()
              : String.join(", ", e.getRegistrantNames());
      s.append(": registrant '").append(registrant.isEmpty() ? "(none)" : registrant).append('\'');
      if (e.isRedacted()) {
        s.append(" (redacted)");
      }
    }
    if (e.getRegistrationExpiresOn() != null) {
      s.append(e.isRegistrationExpiredAtCheck() ? ", registration EXPIRED on " : ", registration expires on ")
          .append(e.getRegistrationExpiresOn());
    }
    if (!e.getComparedNames().isEmpty()) {
      s.append(", compared with '").append(String.join("', '", e.getComparedNames())).append('\'');
    }
    s.append(": ").append(e.getNameMatch());
    return new TimelineEntry(
        e.getCheckedAt(),
        TimelineKind.REGISTRANT_LOOKUP,
        TimelineEntry.SYSTEM,
        s.toString(),
        "registration_evidence:" + e.getId());
  }

  private static TimelineEntry comparison(RegistrantComparison c) {
    return new TimelineEntry(
        c.getDecidedAt(),
        TimelineKind.REGISTRANT_COMPARED,
        c.getOfficer(),
        "Registrant '"
            + c.getRegistrantName()
            + "' of "
            + c.getDomainName()
            + (c.isSameOrganization() ? " judged the same organization as '" : " judged not the same as '")
            + c.getApplicantNames()
            + "'"
            + note(c.getNote()),
        "registrant_comparison:" + c.getId());
  }

  private static List<TimelineEntry> consent(DomainUseConsent c) {
    String reference = "domain_use_consent:" + c.getId();
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            c.getRequestedAt(),
            TimelineKind.DOMAIN_CONSENT_REQUESTED,
            TimelineEntry.SYSTEM,
            "Domain-use consent for "
                + c.getDomainName()
                + " requested from WHOIS contact "
                + c.getEmail()
                + ", valid until "
                + BusinessCalendar.shown(c.getExpiresAt()),
            reference));
    if (c.getDecidedAt() != null) {
      boolean answered =
          c.getStatus() == DomainUseConsent.Status.APPROVED
              || c.getStatus() == DomainUseConsent.Status.DECLINED;
      String summary =
          answered
              ? "Domain-use consent for "
                  + c.getDomainName()
                  + (c.getStatus() == DomainUseConsent.Status.APPROVED ? " approved" : " declined")
                  + " by "
                  + c.getEmail()
                  + (c.getDecidedFrom() == null ? "" : " from " + c.getDecidedFrom())
              : "Domain-use consent request to "
                  + c.getEmail()
                  + " for "
                  + c.getDomainName()
                  + " closed: "
                  + c.getStatus();
      entries.add(
          new TimelineEntry(
              c.getDecidedAt(),
              TimelineKind.DOMAIN_CONSENT_DECIDED,
              answered ? c.getEmail() : TimelineEntry.SYSTEM,
              summary,
              reference));
    }
    return entries;
  }

  private static TimelineEntry challenge(DnsChallenge c) {
    // The random value stays out: until it expires it is what the customer publishes.
    return new TimelineEntry(
        c.getIssuedAt(),
        TimelineKind.DNS_CHALLENGE_ISSUED,
        TimelineEntry.SYSTEM,
        "DNS change challenge for "
            + c.getDomainName()
            + ": TXT record at "
            + c.getRecordName()
            + ", valid until "
            + BusinessCalendar.shown(c.getExpiresAt()),
        "dns_challenge:" + c.getId());
  }

  private static TimelineEntry dnsCheck(DnsCheckEvidence e) {
    return new TimelineEntry(
        e.getCheckedAt(),
        TimelineKind.DNS_CHECK,
        TimelineEntry.SYSTEM,
        "DNS check of "
            + e.getRecordName()
            + " via "
            + e.getResolver()
            + ": "
            + e.getOutcome()
            + " ("
            + e.getMethod()
            + ", BR "
            + e.getBrVersion()
            + "): "
            + e.getReason(),
        "dns_check_evidence:" + e.getId());
  }

  private static TimelineEntry caaCheck(CaaEvidence e) {
    return new TimelineEntry(
        e.getCheckedAt(),
        TimelineKind.CAA_CHECK,
        TimelineEntry.SYSTEM,
        "CAA check of "
            + String.join(", ", e.getDnsNames())
            + " for "
            + String.join(", ", e.getIssuerDomains())
            + ": "
            + (e.isPermitted() ? "permitted" : "refused")
            + " ("
            + String.join("; ", e.getFindings())
            + ")",
        "caa_evidence:" + e.getId());
  }

  private static List<TimelineEntry> documents(
      DocumentRequest r, List<UploadedDocumentSummary> uploaded) {
    String what = r.getKind().englishName();
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            r.getRequestedAt(),
            TimelineKind.DOCUMENTS_REQUESTED,
            TimelineEntry.SYSTEM,
            capitalized(what)
                + " requested from the technical contact"
                + note(r.getNote())
                + "; link valid until "
                + BusinessCalendar.shown(r.getExpiresAt()),
            "document_request:" + r.getId()));
    for (UploadedDocumentSummary d : uploaded) {
      if (d.requestId() != r.getId()) {
        continue;
      }
      // Only the technical contact holds the mailed upload link.
      entries.add(
          new TimelineEntry(
              d.uploadedAt(),
              TimelineKind.DOCUMENT_UPLOADED,
              TimelineEntry.CUSTOMER,
              "Uploaded '"
                  + d.originalFilename()
                  + "' for "
                  + what
                  + " ("
                  + d.sizeBytes()
                  + " bytes, SHA-256 "
                  + d.sha256()
                  + ")",
              "uploaded_document:" + d.id()));
    }
    if (r.getReviewedAt() != null) {
      entries.add(
          new TimelineEntry(
              r.getReviewedAt(),
              TimelineKind.DOCUMENTS_REVIEWED,
              r.getReviewer(),
              capitalized(what) + " " + r.getStatus().name().toLowerCase(Locale.ROOT) + note(r.getReviewNote()),
              "document_request:" + r.getId()));
    }
    return entries;
  }

  private static List<TimelineEntry> invoice(Invoice i) {
    String reference = "invoice:" + i.getId();
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            i.getIssuedAt(),
            TimelineKind.INVOICE_ISSUED,
            TimelineEntry.SYSTEM,
            "Invoice issued: "
                + yen(i.getTotalYen())
                + " (price "
                + yen(i.getPriceYen())
                + ", express surcharge "
                + yen(i.getExpressSurchargeYen())
                + ", tax "
                + yen(i.getTaxYen())
                + "), due "
                + i.getDueOn()
                + (i.isDeferred() ? ", deferred payment: issuance does not wait for it" : ""),
            reference));
    if (i.getCancelledAt() != null) {
      entries.add(
          new TimelineEntry(
              i.getCancelledAt(),
              TimelineKind.INVOICE_CANCELLED,
              TimelineEntry.SYSTEM,
              "Invoice cancelled",
              reference));
    }
    return entries;
  }

  private static TimelineEntry payment(Payment p) {
    return new TimelineEntry(
        p.getRecordedAt(),
        TimelineKind.PAYMENT_RECORDED,
        p.getRecordedBy(),
        "Payment of "
            + yen(p.getAmountYen())
            + " recorded, value date "
            + p.getValueDate()
            + ", bank reference '"
            + p.getReference()
            + "'"
            + (p.isProcessNotified() ? "" : " (no process was waiting for it)"),
        "payment:" + p.getId());
  }

  private static TimelineEntry phoneCall(PhoneVerification v) {
    StringBuilder s =
        new StringBuilder("Phone verification ")
            .append(v.getOutcome())
            .append(": called ")
            .append(v.getCalledNumber() == null ? "(no number)" : v.getCalledNumber());
    if (v.getDirectorySource() != null) {
      s.append(" from ").append(v.getDirectorySource());
    }
    if (v.getSpokeWith() != null && !v.getSpokeWith().isBlank()) {
      s.append(", spoke with ").append(v.getSpokeWith());
    }
    s.append(note(v.getNote()));
    return new TimelineEntry(
        v.getVerifiedAt(),
        TimelineKind.PHONE_VERIFICATION,
        v.getOfficer(),
        s.toString(),
        "phone_verification:" + v.getId());
  }

  private static TimelineEntry approval(IssuanceApproval a) {
    return new TimelineEntry(
        a.getDecidedAt(),
        TimelineKind.ISSUANCE_DECISION,
        a.getApprover(),
        (a.isApproved() ? "Issuance approved" : "Issuance refused") + note(a.getNote()),
        "issuance_approval:" + a.getId());
  }

  private static TimelineEntry certificate(IssuedCertificate c) {
    return new TimelineEntry(
        c.issuedAt(),
        TimelineKind.CERTIFICATE_ISSUED,
        TimelineEntry.SYSTEM,
        "Certificate serial "
            + c.serial()
            + " issued for "
            + String.join(", ", c.dnsNames())
            + ", valid "
            + c.notBefore()
            + " to "
            + c.notAfter(),
        "issued_certificate:" + c.id());
  }

  private static TimelineEntry refusal(Application a) {
    String code = a.getRejectionCode();
    String reason = a.getRejectionReason() == null ? "" : a.getRejectionReason();
    // The stored reason is "Japanese / English[: detail]"; the timeline is in English.
    for (RejectionReason known : RejectionReason.values()) {
      String japanese = known.messageJa() + " / ";
      if (known.name().equals(code) && reason.startsWith(japanese)) {
        reason = reason.substring(japanese.length());
      }
    }
    return new TimelineEntry(
        a.getDecidedAt(),
        TimelineKind.APPLICATION_REFUSED,
        TimelineEntry.SYSTEM,
        "Application refused (" + code + "): " + reason,
        "application:" + a.getId());
  }

  private static String note(String note) {
    return note == null || note.isBlank() ? "" : ": " + note;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String yen(long amount) {
    return NumberFormat.getIntegerInstance(Locale.ROOT).format(amount) + " yen";
  }
}
