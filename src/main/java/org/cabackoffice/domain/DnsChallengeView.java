package org.cabackoffice.domain;

import java.time.Instant;

/**
 * A challenge as the customer publishes it: a TXT record named {@code recordName} whose value is
 * {@code value}, before {@code expiresAt}.
 *
 * @param domain the Authorization Domain Name validated
 * @param fqdn the name applied for (null on records older than the ADN was kept apart)
 * @param method the validation method by BR section: "3.2.2.4.7" (DNS change, a random value),
 *     "3.2.2.4.22" (persistent DNS TXT record naming this CA and the account) or "3.2.2.4.18"
 *     (the random value in a file; {@code recordName} is then the file's URL, recordType "FILE")
 * @param status PENDING, VALIDATED or EXPIRED as of now
 */
public record DnsChallengeView(
    String domain,
    String fqdn,
    String method,
    String recordName,
    String recordType,
    String value,
    Instant expiresAt,
    DnsChallenge.Status status,
    Instant validatedAt,
    Instant lastCheckedAt,
    String lastCheckReason) {

  static DnsChallengeView of(DnsChallenge challenge, String valueToPublish, Instant now) {
    return new DnsChallengeView(
        challenge.getDomainName(),
        challenge.getFqdn(),
        challenge.validationMethod().section(),
        challenge.getRecordName(),
        challenge.validationMethod() == DomainValidationMethod.WEBSITE_CHANGE_V2 ? "FILE" : "TXT",
        valueToPublish,
        challenge.getExpiresAt(),
        challenge.statusAt(now),
        challenge.getValidatedAt(),
        challenge.getLastCheckedAt(),
        challenge.getLastCheckReason());
  }
}
