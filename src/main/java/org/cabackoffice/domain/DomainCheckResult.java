package org.cabackoffice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One look at a domain's registration data, as stored for auditors under {@code evidenceId}.
 *
 * @param source WHOIS or RDAP
 * @param server the server whose answer named the registrant (the registrar's after a referral)
 * @param registrantOrganization the registrant as the record names it, null when redacted or
 *     absent
 * @param contactEmails the registrant, administrative and technical contact addresses, distinct,
 *     in record order: the addresses the guide [3-1] consent mail goes to
 * @param evidenceId this check's stored {@link RegistrationEvidence}
 * @param queriedAt when the registry gave the answer this check used
 * @param reusedEvidenceId the earlier lookup whose answer was reused (younger than {@code
 *     backoffice.whois.cache-max-age}), or null when the registry was asked now
 * @param registrationExpiresOn the registration's expiry date as the record gives it, or null
 * @param registrationExpired the expiry date lies before today (Japanese business date): a
 *     finding the officer must see; the registrant named may no longer hold the domain
 */
public record DomainCheckResult(
    String domain,
    boolean registered,
    String source,
    String server,
    String registrantOrganization,
    List<String> contactEmails,
    NameMatch match,
    long evidenceId,
    Instant queriedAt,
    Long reusedEvidenceId,
    LocalDate registrationExpiresOn,
    boolean registrationExpired) {

  public DomainCheckResult {
    contactEmails = contactEmails == null ? List.of() : List.copyOf(contactEmails);
  }

  public DomainCheckResult(
      String domain,
      boolean registered,
      String source,
      String server,
      String registrantOrganization,
      List<String> contactEmails,
      NameMatch match,
      long evidenceId,
      Instant queriedAt,
      Long reusedEvidenceId) {
    this(domain, registered, source, server, registrantOrganization, contactEmails, match, evidenceId,
        queriedAt, reusedEvidenceId, null, false);
  }

  /** Whether the registry's answer came from the cache rather than a query made now. */
  public boolean fromCache() {
    return reusedEvidenceId != null;
  }
}
