package org.cabackoffice.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The domain stage's evidence (guide [3-1], BR 3.2.2.4, 3.2.2.8): the registry lookups the
 * decisions used, the officer's registrant comparison, consents, how control was established,
 * DNS challenges and checks, and CAA. Challenge values and raw registry answers stay out; the
 * reference names the row that holds them.
 */
@Component
@Order(TimelineOrder.DOMAIN)
class DomainTimeline implements TimelineContributor {

  private final RegistrantLookupsUsed lookupsUsed;
  private final RegistrationEvidenceRepository registrations;
  private final RegistrantComparisonRepository comparisons;
  private final DomainEvidenceRecords domainEvidence;
  private final DomainControlDecisions domainControl;
  private final DnsChallengeRepository challenges;

  DomainTimeline(
      RegistrantLookupsUsed lookupsUsed,
      RegistrationEvidenceRepository registrations,
      RegistrantComparisonRepository comparisons,
      DomainEvidenceRecords domainEvidence,
      DomainControlDecisions domainControl,
      DnsChallengeRepository challenges) {
    this.lookupsUsed = lookupsUsed;
    this.registrations = registrations;
    this.comparisons = comparisons;
    this.domainEvidence = domainEvidence;
    this.domainControl = domainControl;
    this.challenges = challenges;
  }

  @Override
  public List<TimelineEntry> entriesOf(long id) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (Long evidenceId : lookupsUsed.evidenceIdsOf(id)) {
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
    // Right before issuance (BR 3.2.2.8), so last of this stage.
    for (CaaEvidence e : domainEvidence.caaChecksOf(id)) {
      entries.add(caaCheck(e));
    }
    return entries;
  }

  /** "REUSED_VALIDATION" → "reused validation". */
  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static TimelineEntry registrantLookup(RegistrationEvidence e) {
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
            + TimelineEntry.note(c.getNote()),
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
}
