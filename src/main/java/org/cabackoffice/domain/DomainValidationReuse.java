package org.cabackoffice.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a completed domain validation may be relied on, by the date the certificate is issued
 * (BR 4.2.1 and 3.2.2.4, as amended by ballot SC-081): 398 days before 2026-03-15, then 200, 100
 * from 2027-03-15 and 10 from 2029-03-15. The boundaries are taken at 00:00 UTC of the ballot's
 * dates, as the certificate lifetimes are ({@code issuance.CertificateLifetime}).
 */
public final class DomainValidationReuse {

  static final Instant FROM_2026_03_15 = Instant.parse("2026-03-15T00:00:00Z");
  static final Instant FROM_2027_03_15 = Instant.parse("2027-03-15T00:00:00Z");
  static final Instant FROM_2029_03_15 = Instant.parse("2029-03-15T00:00:00Z");

  private DomainValidationReuse() {}

  /** Days a domain validation completed before {@code issuance} may still be reused then. */
  public static int days(Instant issuance) {
    if (issuance.isBefore(FROM_2026_03_15)) {
      return 398;
    }
    if (issuance.isBefore(FROM_2027_03_15)) {
      return 200;
    }
    if (issuance.isBefore(FROM_2029_03_15)) {
      return 100;
    }
    return 10;
  }

  public static Duration period(Instant issuance) {
    return Duration.ofDays(days(issuance));
  }

  /** Whether a validation completed at {@code validatedAt} still counts at {@code issuance}. */
  public static boolean counts(Instant validatedAt, Instant issuance) {
    return !validatedAt.isAfter(issuance)
        && issuance.isBefore(validatedAt.plus(period(issuance)));
  }
}
