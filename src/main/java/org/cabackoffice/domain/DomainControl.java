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
 * validated by the method the customer chose (DNS change, BR 3.2.2.4.7, unless it chose the
 * persistent DNS TXT record, BR 3.2.2.4.22, or a file on its website, BR 3.2.2.4.18), or reused
 * from an earlier validation that covers the name within its reuse period. A private or enterprise CA may accept the registrant evidence as
 * control, but only when an operator says so in configuration.
 */
@Service
public class DomainControl {

  public enum Decision {
    /** The registrant evidence counts (private CA configuration), or a validation is reused. */
    ESTABLISHED,
    /** A DNS record was asked for by mail; the process checks for it until the request expires. */
    DNS_CHALLENGE
  }

  /** The customer's choice was refused; the reason says why. */
  public static class ChoiceRefusedException extends RuntimeException {
    ChoiceRefusedException(String reason) {
      super(reason);
    }
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
  private final DomainValidationChoiceRepository choices;
  private final String baseUrl;
  private final java.time.Clock clock;

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
      DomainControlDecisions decisions,
      DomainValidationChoiceRepository choices,
      @Value("${backoffice.base-url}") String baseUrl,
      java.time.Clock clock) {
    this.decisions = decisions;
    this.choices = choices;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
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
    Optional<DnsChallenge> reused = validatingApplication(application, fqdnUnder(application, domain));
    if (reused.isPresent()) {
      DnsChallenge earlier = reused.get();
      decisions.record(
          applicationId,
          domain,
          DomainControlDecision.Method.REUSED_VALIDATION,
          "the validation of " + earlier.getDomainName() + " by BR " + earlier.validationMethod().section()
              + " of application #" + earlier.getApplicationId()
              + " of the same account and organization, within its reuse period (BR 4.2.1)");
      return Decision.ESTABLISHED;
    }
    requestRecord(application, domain, chosenMethod(applicationId));
    return Decision.DNS_CHALLENGE;
  }

  /**
   * Asks the technical contact, by mail, for the record of {@code method} for the ADN of the
   * application's name, and keeps the decision.
   */
  private DnsChallenge requestRecord(Application application, String domain, DomainValidationMethod method) {
    long applicationId = application.getId();
    DnsChallenge challenge =
        dnsChange.issue(applicationId, fqdnUnder(application, domain), method, accountUri(application));
    DomainControlDecision.Method decided =
        switch (method) {
          case PERSISTENT_DNS_TXT -> DomainControlDecision.Method.PERSISTENT_DNS_TXT_REQUEST;
          case WEBSITE_CHANGE_V2 -> DomainControlDecision.Method.WEBSITE_FILE_REQUEST;
          case DNS_CHANGE -> DomainControlDecision.Method.DNS_CHANGE_CHALLENGE;
        };
    decisions.record(
        applicationId,
        domain,
        decided,
        "request #" + challenge.getId() + " (BR " + method.section() + ") for " + challenge.getFqdn()
            + ", ADN " + challenge.getDomainName() + ": "
            + (method == DomainValidationMethod.WEBSITE_CHANGE_V2 ? "file at " : "TXT record at ")
            + challenge.getRecordName() + ", looked for until " + BusinessCalendar.shown(challenge.getExpiresAt()));
    String template =
        switch (method) {
          case PERSISTENT_DNS_TXT -> "persistent-dcv-record";
          case WEBSITE_CHANGE_V2 -> "website-change-file";
          case DNS_CHANGE -> "dns-change-challenge";
        };
    outbox.enqueue(
        templates.compose(
            template + ":" + challenge.getId(),
            template,
            application.getTechnicalEmail(),
            Map.of(
                "applicationId", applicationId,
                "domain", challenge.getDomainName(),
                "recordName", challenge.getRecordName(),
                "value", dnsChange.valueToPublish(challenge),
                "expiresAt", BusinessCalendar.shown(challenge.getExpiresAt())),
            List.of())
            .about(applicationId));
    return challenge;
  }

  /**
   * The customer's choice of method for the domain step (BR 3.2.2.4.7 or 3.2.2.4.22). Kept for the
   * step to come; when the application already waits for a record, the new method's record is
   * asked for at once and the open request gives way.
   *
   * @throws ChoiceRefusedException a method this CA does not offer, or the domain is validated
   */
  @Transactional
  public DomainValidationChoice choose(long applicationId, String section, String chosenBy) {
    Application application = applications.get(applicationId);
    DomainValidationMethod method = choosable(application.getCommonName(), section);
    String domain = DomainAssessment.registrableDomain(application.getCommonName());
    if (dnsChange.validated(applicationId, application.getCommonName())) {
      throw new ChoiceRefusedException(
          "control of " + domain + " is already validated for application #" + applicationId);
    }
    DomainValidationChoice choice =
        choices.save(new DomainValidationChoice(applicationId, method, chosenBy, clock.instant()));
    boolean waiting = dnsChange.challenges(applicationId).stream()
        .anyMatch(c -> c.status() == DnsChallenge.Status.PENDING);
    if (waiting && !registrantEvidenceCountsAsControl) {
      requestRecord(application, domain, method);
    }
    return choice;
  }

  /** The methods a customer may choose, by BR section. */
  /**
   * The method {@code section} names, if a customer may choose it for {@code commonName}: one this
   * CA offers, whose Authorization Domain Name rules can validate the name (BR 3.2.2.4, SC-101: a
   * Wildcard Domain Name is not validated by 3.2.2.4.18). The apply page asks this before an
   * application exists; a null name is checked for the offer only.
   *
   * @throws ChoiceRefusedException when it may not
   */
  public static DomainValidationMethod choosable(String commonName, String section) {
    DomainValidationMethod method =
        DomainValidationMethod.of(section == null ? "" : section.strip())
            .filter(DomainValidationMethod::offered)
            .orElseThrow(() -> new ChoiceRefusedException(
                "method " + section + " is not offered; choose one of " + offeredSections()));
    if (commonName != null) {
      try {
        AuthorizationDomainName.derive(commonName, method, true);
      } catch (InvalidDomainNameException e) {
        throw new ChoiceRefusedException(e.getMessage());
      }
    }
    return method;
  }

  public static List<String> offeredSections() {
    return java.util.Arrays.stream(DomainValidationMethod.values())
        .filter(DomainValidationMethod::offered)
        .map(DomainValidationMethod::section)
        .toList();
  }

  /** The method chosen for the application, DNS change (BR 3.2.2.4.7) when none was. */
  @Transactional(readOnly = true)
  public DomainValidationMethod chosenMethod(long applicationId) {
    List<DomainValidationChoice> chosen = choices.findByApplicationIdOrderByIdAsc(applicationId);
    return chosen.isEmpty()
        ? DomainValidationMethod.DNS_CHANGE
        : chosen.get(chosen.size() - 1).getMethod();
  }

  /**
   * The URI of the applicant's storefront account, which a persistent DNS TXT record names in its
   * {@code accounturi} (BR 3.2.2.4.22 (3), RFC 8657 3): one per account, stable while {@code
   * backoffice.base-url} is.
   */
  public String accountUri(Application application) {
    return baseUrl + "/accounts/" + application.getCustomerAccountId();
  }

  /**
   * Who asks for {@code name} on the application, as CAA's {@code accounturi} and {@code
   * validationmethods} parameters see it (RFC 8657, BR 4.2.2.1.2): the applicant's storefront
   * account, by the URI it names in a persistent DNS TXT record, and the method of the validation
   * (this application's or a reused one) that covers the name; no method when none covers it, as
   * when a private CA's registrant evidence stands in for validation.
   */
  @Transactional(readOnly = true)
  public CaaRequester caaRequester(long applicationId, String name) {
    Application application = applications.get(applicationId);
    DomainValidationMethod method =
        validatingApplication(application, name).map(DnsChallenge::validationMethod).orElse(null);
    return CaaRequester.application(accountUri(application), method);
  }

  /** The application's name when the domain is its ADN, else the domain itself. */
  private static String fqdnUnder(Application application, String domain) {
    String name = application.getCommonName();
    return name != null && DomainAssessment.registrableDomain(name).equals(domain) ? name : domain;
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
    return validatedForApplicant(application, application.getCommonName());
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
  private boolean validatedForApplicant(Application application, String name) {
    return validatingApplication(application, name).isPresent();
  }

  /**
   * The validation (of this application or an earlier one) that covers {@code name} and still
   * counts, if any: its ADN is the name, or above it by a method that allows pruning.
   */
  private Optional<DnsChallenge> validatingApplication(Application application, String name) {
    return applications.ofCustomer(application.getCustomerAccountId()).stream()
        .filter(a -> a.getOrganizationNameEn().equalsIgnoreCase(application.getOrganizationNameEn()))
        .flatMap(a -> dnsChange.validation(a.getId(), name).stream())
        .findFirst();
  }

  /** Looks for the published record; never throws for DNS trouble (the process looks again). */
  @Transactional
  public DnsCheckOutcome check(long applicationId, String domain) {
    return dnsChange.check(applicationId, domain);
  }
}
