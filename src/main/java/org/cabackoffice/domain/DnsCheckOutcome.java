package org.cabackoffice.domain;

import java.time.Instant;

/**
 * What one look for a DNS change challenge found (BR 3.2.2.4.7).
 *
 * @param status VALIDATED, NOT_YET (absent, different, or the DNS failed: look again later) or
 *     EXPIRED (issue a new challenge)
 * @param reason what was seen, in words an officer or customer can act on
 * @param evidenceId the stored {@link DnsCheckEvidence}
 */
public record DnsCheckOutcome(
    Status status,
    String domain,
    String recordName,
    String reason,
    Instant checkedAt,
    Instant expiresAt,
    long evidenceId) {

  public enum Status {
    VALIDATED,
    NOT_YET,
    EXPIRED
  }

  public boolean validated() {
    return status == Status.VALIDATED;
  }
}
