package org.cabackoffice.domain;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the applicant's control of its domain is established before issuance. BR 3.2.2.4.2 (mail to
 * WHOIS contacts) is retired since 2025-07-15 (ballot SC-080), so for a publicly trusted CA the
 * guide's registrant match or consent is evidence about the registrant only, and control is
 * validated by DNS change (BR 3.2.2.4.7), or reused from an earlier validation within the
 * domain-data reuse period. A private or enterprise CA may accept the registrant evidence as
 * control, but only when an operator says so in configuration.
 */
@Service
public class DomainControl {

  public enum Decision {
    /** The registrant evidence counts (private CA configuration), or a validation is reused. */
    ESTABLISHED,
    /** A DNS change challenge was mailed; the process checks for the record until it expires. */
    DNS_CHALLENGE
  }


  private final boolean registrantEvidenceCountsAsControl;
  private final DnsChangeValidations dnsChange;
  private final Applications applications;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final RegistrationEvidenceRepository registrations;
  private final DomainUseConsentRepository consents;
  private final RegistrantComparisonRepository comparisons;
  private final DomainControlDecisions decisions;

  public DomainControl(
      @Value("${backoffice.domain.registrant-evidence-counts-as-control:false}")
          boolean registrantEvidenceCountsAsControl,
      DnsChangeValidations dnsChange,
      Applications applications,
      MailTemplates templates,
      Outbox outbox,
      RegistrationEvidenceRepository registrations,
      DomainUseConsentRepository consents,
      RegistrantComparisonRepository comparisons,
      DomainControlDecisions decisions) {
    this.decisions = decisions;
    this.registrantEvidenceCountsAsControl = registrantEvidenceCountsAsControl;
    this.dnsChange = dnsChange;
    this.applications = applications;
    this.templates = templates;
    this.outbox = outbox;
    this.registrations = registrations;
    this.consents = consents;
    this.comparisons = comparisons;
  }

  /** The private-CA configuration: the guide's registrant evidence is taken as control. */
  public boolean registrantEvidenceCountsAsControl() {
    return registrantEvidenceCountsAsControl;
  }

  @Transactional
  public Decision establish(long applicationId, String domain) {
    Application application = applications.get(applicationId);
    if (registrantEvidenceCountsAsControl) {
      decisions.record(
          applicationId,
          domain,
          DomainControlDecision.Method.REGISTRANT_EVIDENCE,
          "private CA configuration (backoffice.domain.registrant-evidence-counts-as-control): the"
              + " registrant match, an officer's same-organization decision or an approved"
              + " domain-use consent counts as control");
      return Decision.ESTABLISHED;
    }
    Optional<Long> reused = validatingApplication(application, domain);
    if (reused.isPresent()) {
      decisions.record(
          applicationId,
          domain,
          DomainControlDecision.Method.REUSED_VALIDATION,
          "the DNS change validation (BR 3.2.2.4.7) of application #" + reused.get()
              + " of the same account and organization, within its reuse period (BR 4.2.1)");
      return Decision.ESTABLISHED;
    }
    DnsChallenge challenge = dnsChange.issue(applicationId, domain);
    decisions.record(
        applicationId,
        domain,
        DomainControlDecision.Method.DNS_CHANGE_CHALLENGE,
        "DNS change challenge #" + challenge.getId() + " (BR 3.2.2.4.7): TXT record at "
            + challenge.getRecordName() + ", valid until " + BusinessCalendar.shown(challenge.getExpiresAt()));
    outbox.enqueue(
        templates.compose(
            "dns-change-challenge:" + challenge.getId(),
            "dns-change-challenge",
            application.getTechnicalEmail(),
            Map.of(
                "applicationId", applicationId,
                "domain", challenge.getDomainName(),
                "recordName", challenge.getRecordName(),
                "value", challenge.getValue(),
                "expiresAt", BusinessCalendar.shown(challenge.getExpiresAt())),
            List.of())
            .about(applicationId));
    return Decision.DNS_CHALLENGE;
  }

  /**
   * Whether domain control still counts now, at issuance: documents, payment and approval may
   * take long enough for a reused validation to pass its reuse period (BR 4.2.1).
   */
  @Transactional(readOnly = true)
  public boolean stillEstablished(long applicationId) {
    Application application = applications.get(applicationId);
    String domain = DomainAssessment.registrableDomain(application.getCommonName());
    if (registrantEvidenceCountsAsControl) {
      return registrantEstablished(application, domain);
    }
    return validatedForApplicant(application, domain);
  }

  /**
   * The guide's [3-1] evidence for this application, read from the stored records rather than
   * from the process's variables: since the application was submitted, the registry named the
   * applicant, an officer judged a close name to be the applicant's, or a WHOIS contact
   * approved the use of this domain from an address the registry's record named. Whatever moved
   * the process along, signing needs one of these on record.
   */
  private boolean registrantEstablished(Application application, String domain) {
    long id = application.getId();
    List<RegistrationEvidence> lookups =
        registrations.findByDomainNameOrderByQueriedAtDesc(domain).stream()
            .filter(e -> !e.getCheckedAt().isBefore(application.getSubmittedAt()))
            .toList();
    if (lookups.stream()
        .anyMatch(
            e -> e.getNameMatch() == NameMatch.MATCH
                && e.getComparedNames().contains(application.getOrganizationNameEn()))) {
      return true;
    }
    if (comparisons.findByApplicationIdOrderByIdAsc(id).stream()
        .anyMatch(c -> c.isSameOrganization() && domain.equals(c.getDomainName()))) {
      return true;
    }
    return consents.findByApplicationIdAndStatusOrderByIdAsc(id, DomainUseConsent.Status.APPROVED).stream()
        .filter(c -> domain.equals(c.getDomainName()))
        .anyMatch(
            c -> lookups.stream()
                .flatMap(e -> e.getContactEmails().stream())
                .anyMatch(c.getEmail()::equalsIgnoreCase));
  }

  /**
   * BR 4.2.1 lets a CA reuse a completed domain validation for the same Applicant within the
   * reuse period: here, an earlier application of the same storefront account for the same
   * organization (an agency's account serves several applicants, which must not share it).
   */
  private boolean validatedForApplicant(Application application, String domain) {
    return validatingApplication(application, domain).isPresent();
  }

  /** The application (this one or an earlier one) whose validation still counts, if any. */
  private Optional<Long> validatingApplication(Application application, String domain) {
    return applications.ofCustomer(application.getCustomerAccountId()).stream()
        .filter(a -> a.getOrganizationNameEn().equalsIgnoreCase(application.getOrganizationNameEn()))
        .filter(a -> dnsChange.validated(a.getId(), domain))
        .map(Application::getId)
        .findFirst();
  }

  /** Looks for the published record; never throws for DNS trouble (the process looks again). */
  @Transactional
  public DnsCheckOutcome check(long applicationId, String domain) {
    return dnsChange.check(applicationId, domain);
  }
}
