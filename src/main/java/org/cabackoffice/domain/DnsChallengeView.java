package org.cabackoffice.domain;

import java.time.Instant;

/**
 * A challenge as the customer publishes it: a TXT record named {@code recordName} whose value is
 * {@code value}, before {@code expiresAt}.
 *
 * @param status PENDING, VALIDATED or EXPIRED as of now
 */
public record DnsChallengeView(
    String domain,
    String recordName,
    String recordType,
    String value,
    Instant expiresAt,
    DnsChallenge.Status status,
    Instant validatedAt,
    Instant lastCheckedAt,
    String lastCheckReason) {

  static DnsChallengeView of(DnsChallenge challenge, Instant now) {
    return new DnsChallengeView(
        challenge.getDomainName(),
        challenge.getRecordName(),
        "TXT",
        challenge.getValue(),
        challenge.getExpiresAt(),
        challenge.statusAt(now),
        challenge.getValidatedAt(),
        challenge.getLastCheckedAt(),
        challenge.getLastCheckReason());
  }
}
