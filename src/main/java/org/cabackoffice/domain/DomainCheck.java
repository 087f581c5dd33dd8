package org.cabackoffice.domain;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Looks up who registered a domain and whether that is the applicant (guide [3-1]); the
 * officer's lookup page and the process's domain stage both use it. Every look is stored as
 * {@link RegistrationEvidence}. RDAP is asked where a base URL is configured for the TLD, WHOIS
 * otherwise. No transaction is held open during the network lookup; the evidence is written in
 * the caller's transaction, or its own.
 */
@Service
public class DomainCheck {

  private final WhoisLookup whois;
  private final RdapLookup rdap;
  private final OrganizationNameMatcher matcher;
  private final RegistrationEvidenceRepository evidence;
  private final Clock clock;

  public DomainCheck(
      WhoisLookup whois,
      RdapLookup rdap,
      OrganizationNameMatcher matcher,
      RegistrationEvidenceRepository evidence,
      Clock clock) {
    this.whois = whois;
    this.rdap = rdap;
    this.matcher = matcher;
    this.evidence = evidence;
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
    RegistryAnswer answer = rdap.serves(name) ? rdap.lookup(name) : whois.lookup(name);
    RegistrationRecord record = answer.record();
    NameMatch match =
        record.registered()
            ? matcher.match(names, record.registrantNames())
            : NameMatch.NO_REGISTRANT;
    RegistrationEvidence saved =
        evidence.save(new RegistrationEvidence(name, answer, clock.instant(), names, match));
    return new DomainCheckResult(
        name,
        record.registered(),
        answer.source(),
        answer.server(),
        record.registrantOrganization(),
        record.contactEmails(),
        match,
        saved.getId());
  }
}
