package org.cabackoffice.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.springframework.stereotype.Service;

/**
 * Looks up who registered a domain and whether that is the applicant (guide [3-1]); the
 * officer's lookup page and the process's domain stage both use it. Every look is stored as
 * {@link RegistrationEvidence}. No transaction is held open during the network lookup; the
 * evidence is written in the caller's transaction, or its own.
 *
 * <p>Which registry is asked: a server configured for the domain's suffix wins, RDAP ({@code
 * backoffice.rdap.servers}) before WHOIS ({@code backoffice.whois.servers}), because an operator
 * who names a server knows something IANA's data does not (a registry's preferred endpoint, a
 * mirror, a test registry). Then RDAP through IANA's bootstrap file (RFC 9224), then WHOIS
 * through IANA's referral (DESIGN.md).
 *
 * <p>An answer that found the domain registered is reused while younger than {@code
 * backoffice.whois.cache-max-age} (DESIGN.md: cached data no older than 48 hours), which spares
 * registries that throttle repeated queries. A "not registered" answer is never reused: the
 * domain may have been registered since, and refusing an application on stale absence would be
 * wrong.
 */
@Service
public class DomainCheck {

  private final WhoisLookup whois;
  private final RdapLookup rdap;
  private final OrganizationNameMatcher matcher;
  private final RegistrationEvidenceRepository evidence;
  private final Duration cacheMaxAge;
  private final Clock clock;

  public DomainCheck(
      WhoisLookup whois,
      RdapLookup rdap,
      OrganizationNameMatcher matcher,
      RegistrationEvidenceRepository evidence,
      WhoisProperties properties,
      Clock clock) {
    this.whois = whois;
    this.rdap = rdap;
    this.matcher = matcher;
    this.evidence = evidence;
    this.cacheMaxAge = properties.cacheMaxAge();
    this.clock = clock;
  }

  /**
   * @param domain the domain as the applicant wrote it (U-labels allowed)
   * @param organizationNames the applicant's English and Japanese names
   * @throws InvalidDomainNameException the text is no domain name
   * @throws RegistryUnavailableException the registry gave no usable answer (retryable)
   */
  public DomainCheckResult check(String domain, List<String> organizationNames) {
    String name = DomainName.normalize(domain);
    List<String> names = organizationNames == null ? List.of() : List.copyOf(organizationNames);
    Instant now = clock.instant();
    Optional<RegistrationEvidence> cached = recentLookup(name, now);
    if (cached.isPresent()) {
      RegistrationEvidence lookup = cached.get();
      RegistrationRecord record = lookup.record();
      NameMatch match = match(names, record);
      RegistrationEvidence saved =
          evidence.save(RegistrationEvidence.reuse(lookup, now, names, match));
      return result(name, lookup.getSource(), lookup.getServer(), record, match, saved, now);
    }
    RegistryAnswer answer = ask(name);
    RegistrationRecord record = answer.record();
    NameMatch match = match(names, record);
    RegistrationEvidence saved =
        evidence.save(new RegistrationEvidence(name, answer, now, names, match));
    return result(name, answer.source(), answer.server(), record, match, saved, now);
  }

  private RegistryAnswer ask(String name) {
    if (rdap.configuredFor(name)) {
      return rdap.lookup(name);
    }
    if (whois.configuredFor(name)) {
      return whois.lookup(name);
    }
    return rdap.serves(name) ? rdap.lookup(name) : whois.lookup(name);
  }

  /** The latest registry answer that found the domain, if strictly younger than the limit. */
  private Optional<RegistrationEvidence> recentLookup(String name, Instant now) {
    if (cacheMaxAge.isZero()) {
      return Optional.empty();
    }
    return evidence
        .findFirstByDomainNameAndReusedEvidenceIdIsNullOrderByQueriedAtDesc(name)
        .filter(RegistrationEvidence::isRegistered)
        .filter(lookup -> Duration.between(lookup.getQueriedAt(), now).compareTo(cacheMaxAge) < 0);
  }

  private NameMatch match(List<String> names, RegistrationRecord record) {
    return record.registered()
        ? matcher.match(names, record.registrantNames())
        : NameMatch.NO_REGISTRANT;
  }

  private static DomainCheckResult result(
      String name,
      String source,
      String server,
      RegistrationRecord record,
      NameMatch match,
      RegistrationEvidence saved,
      Instant now) {
    return new DomainCheckResult(
        name,
        record.registered(),
        source,
        server,
        record.registrantOrganization(),
        record.contactEmails(),
        match,
        saved.getId(),
        saved.getQueriedAt(),
        saved.getReusedEvidenceId(),
        record.expiresOn(),
        record.expiredOn(BusinessCalendar.dateOf(now)));
  }
}
