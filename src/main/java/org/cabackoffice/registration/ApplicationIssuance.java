package org.cabackoffice.registration;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ServerSoftware;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.CsrRecheck;
import org.cabackoffice.application.RejectionReason;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.domain.CaaBeforeIssuance;
import org.cabackoffice.domain.DomainControl;
import org.cabackoffice.issuance.CertificateDelivery;
import org.cabackoffice.issuance.CertificateIssuer;
import org.cabackoffice.issuance.CertificateProfile;
import org.cabackoffice.issuance.IssuanceRequest;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.LintFailedException;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.InvoiceStatus;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.verification.IssuanceApprovals;
import org.cabackoffice.verification.OrganizationDirectory;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.cabackoffice.verification.OrganizationValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a validated application into a certificate: the names and key come from the CSR, the
 * organization fields from the validated application, never from the CSR's own subject
 * (BR 7.1.4.2: subject attributes must be verified by the CA).
 */
@Service
public class ApplicationIssuance {

  private final Applications applications;
  private final CsrCheck csrCheck;
  private final CertificateIssuer issuer;
  private final IssuedCertificates certificates;
  private final CertificateDelivery delivery;
  private final OrganizationDirectory directory;
  private final CsrRecheck csrRecheck;
  private final IssuanceApprovals approvals;
  private final DomainControl domainControl;
  private final CaaBeforeIssuance caaBeforeIssuance;
  private final Invoices invoices;
  private final OrganizationValidation organizationValidation;

  public ApplicationIssuance(
      Applications applications,
      CsrCheck csrCheck,
      CertificateIssuer issuer,
      IssuedCertificates certificates,
      CertificateDelivery delivery,
      OrganizationDirectory directory,
      CsrRecheck csrRecheck,
      IssuanceApprovals approvals,
      DomainControl domainControl,
      CaaBeforeIssuance caaBeforeIssuance,
      Invoices invoices,
      OrganizationValidation organizationValidation) {
    this.applications = applications;
    this.csrCheck = csrCheck;
    this.issuer = issuer;
    this.certificates = certificates;
    this.delivery = delivery;
    this.directory = directory;
    this.csrRecheck = csrRecheck;
    this.approvals = approvals;
    this.domainControl = domainControl;
    this.caaBeforeIssuance = caaBeforeIssuance;
    this.invoices = invoices;
    this.organizationValidation = organizationValidation;
  }

  /**
   * What signing came to: the serial of the issued certificate, or the reason it was refused.
   * A refusal is the application's end (the customer is told), not an incident: the CAA records,
   * the key, the domain validation's age or the certificate's content ruled it out.
   */
  public record Signing(String serial, RejectionReason refusal, String detail) {

    static Signing issued(String serial) {
      return new Signing(serial, null, null);
    }

    static Signing refused(RejectionReason reason, String detail) {
      return new Signing(null, reason, detail);
    }

    public boolean refused() {
      return refusal != null;
    }
  }

  /**
   * Signs the certificate and marks the application issued. What should never happen (no
   * standing approval, no payment, no registrant evidence) throws: the job becomes an incident.
   */
  @Transactional
  public Signing sign(long applicationId) {
    if (!approvals.approved(applicationId)) {
      throw new IllegalStateException(
          "application " + applicationId + " has no standing approval by a senior officer who did"
              + " not validate it (EV Guidelines 5.2.4); nothing signed");
    }
    // Guide [3-2]: the fee is paid before issuance, unless the renewal was granted deferred
    // payment. Read from the invoice itself, not from the message that moved the process on.
    Optional<Invoice> invoice = invoices.find(applicationId);
    boolean settled =
        invoice
            .map(
                i -> i.getStatus() == InvoiceStatus.PAID
                    || (i.isDeferred() && i.getStatus() == InvoiceStatus.OPEN))
            .orElse(false);
    if (!settled) {
      throw new IllegalStateException(
          "application " + applicationId + ": "
              + invoice.map(i -> "the invoice is " + i.getStatus() + ", not paid").orElse("no invoice")
              + "; nothing signed");
    }
    // Right before signing, not only at their own steps: a retried or delayed signing job must
    // not rely on a domain validation past its reuse period (BR 4.2.1) or an old CAA answer
    // (BR 3.2.2.8).
    if (!domainControl.stillEstablished(applicationId)) {
      if (domainControl.registrantEvidenceCountsAsControl()) {
        throw new IllegalStateException(
            "application " + applicationId + ": no registrant match, same-organization decision"
                + " or approved domain-use consent on record; nothing signed");
      }
      return Signing.refused(
          RejectionReason.DOMAIN_CONTROL_LAPSED,
          "domain control no longer counts at issuance (BR 4.2.1 reuse period passed)");
    }
    CaaBeforeIssuance.Outcome caa = caaBeforeIssuance.check(applicationId);
    if (!caa.permitted()) {
      return Signing.refused(RejectionReason.CAA_FORBIDS, caa.detail());
    }
    // The key may have been blocklisted, or used by another customer, since the CSR step; a CA
    // must not sign a key it knows to be compromised (BR 6.1.1.3).
    CsrRecheck.Outcome recheck = csrRecheck.recheck(applicationId);
    if (!recheck.acceptable()) {
      return Signing.refused(RejectionReason.CSR_REFUSED, recheck.detail());
    }
    Application application = applications.get(applicationId);
    CsrCheckResult csr =
        csrCheck.check(
            application.getCsrPem().getBytes(StandardCharsets.US_ASCII),
            CsrCheckContext.standalone());
    // BR 7.1.4.2: O, L, ST and C are what the CA verified: the directory record the
    // organization-validation stage confirmed (issue 16), whose subject agreed with the CSR.
    Optional<OrganizationDirectoryEntry> listed = verifiedRecord(application);
    // The NTA lists many companies without an English name; then O is the applicant's, as the
    // officers verified it.
    // A verified trade name stands in O when the CSR asked for it (BR 7.1.4.2.2, 3.2.2.2).
    String organization =
        listed.map(entry -> entry.getNameEn() == null ? null : organizationValidation.statedOrganization(applicationId, entry))
            .orElse(application.getOrganizationNameEn());
    String locality = listed.map(OrganizationDirectoryEntry::getLocality).orElse(application.getLocality());
    String state =
        listed.map(OrganizationDirectoryEntry::getStateOrProvince).orElse(application.getStateOrProvince());
    String country = listed.map(OrganizationDirectoryEntry::getCountry).orElse(application.getCountry());
    Set<String> dnsNames = new LinkedHashSet<>();
    dnsNames.add(application.getCommonName().toLowerCase(Locale.ROOT));
    csr.sans().forEach(name -> dnsNames.add(name.toLowerCase(Locale.ROOT)));
    IssuedCertificate certificate;
    try {
      certificate =
          issuer.issue(
              new IssuanceRequest(
                  applicationId,
                  application.getCustomerAccountId(),
                  application.getProduct().extendedValidation()
                      ? CertificateProfile.EV
                      : CertificateProfile.OV,
                  application.getCommonName(),
                  dnsNames.stream().toList(),
                  organization,
                  locality,
                  state,
                  country,
                  csr.subjectPublicKeyInfo(),
                  application.getProduct().extendedValidation() ? evSubject(application) : null));
    } catch (LintFailedException e) {
      // BR 7.1 via the pre-issuance lint: e.g. an EV subject without the corporate number a
      // qualified information source lists. Nothing was signed.
      return Signing.refused(RejectionReason.ISSUANCE_RULES_NOT_MET, e.getMessage());
    }
    applications.markIssued(applicationId);
    return Signing.issued(certificate.serial());
  }

  /**
   * EV Guidelines 7.1.4.2: the business category and the registration number (法人番号) as the
   * qualified independent information source lists them, incorporated under national law. The
   * category is the entry's (a K.K. is a Private Organization, a 地方公共団体 a Government Entity);
   * without a listing, a number or a category nothing is verified, so the request goes without and
   * the pre-issuance lint refuses it.
   */
  private IssuanceRequest.EvSubject evSubject(Application application) {
    return verifiedRecord(application)
        .filter(entry -> entry.getCorporateNumber() != null)
        .map(
            entry ->
                new IssuanceRequest.EvSubject(
                    entry.getBusinessCategory() == null ? null : entry.getBusinessCategory().text(),
                    entry.getCountry(),
                    null,
                    null,
                    entry.getCorporateNumber()))
        .orElse(null);
  }

  /**
   * The record the organization-validation stage verified for this application; an application
   * that began before that stage existed falls back to the directory's exact-name listing, as
   * issuance did then.
   */
  private Optional<OrganizationDirectoryEntry> verifiedRecord(Application application) {
    Optional<OrganizationDirectoryEntry> verified = organizationValidation.verifiedRecord(application.getId());
    if (verified.isPresent() || !organizationValidation.of(application.getId()).isEmpty()) {
      return verified;
    }
    return directory.find(application.getOrganizationNameEn(), application.getOrganizationNameJa());
  }

  /** Mails certificate and intermediate to the technical contact (guide [5-1]). */
  @Transactional
  public void mail(long applicationId, String serial) {
    Application application = applications.get(applicationId);
    IssuedCertificate certificate =
        certificates
            .findBySerial(serial)
            .orElseThrow(() -> new IllegalStateException("no certificate " + serial));
    delivery.mail(
        certificate,
        application.getTechnicalEmail(),
        application.getProduct().nameJa(),
        application.getProduct().nameEn(),
        application.getServerSoftware() == ServerSoftware.MICROSOFT_IIS);
  }
}
