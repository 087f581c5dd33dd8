package org.cabackoffice.issuance;

import java.time.Duration;
import java.time.Instant;

/**
 * The longest a subscriber certificate may live, by the date it is issued (ballot SC-081, BR
 * 6.3.2). The boundaries are taken at 00:00 UTC of the ballot's dates. BR 6.3.2 counts the
 * validity period inclusively (notBefore to notAfter, both seconds included), so a lifetime of
 * {@code d} days ends {@code d·86400 − 1} seconds after notBefore.
 */
public final class CertificateLifetime {

  static final Instant FROM_2026_03_15 = Instant.parse("2026-03-15T00:00:00Z");
  static final Instant FROM_2027_03_15 = Instant.parse("2027-03-15T00:00:00Z");
  static final Instant FROM_2029_03_15 = Instant.parse("2029-03-15T00:00:00Z");

  private CertificateLifetime() {}

  /** Maximum lifetime in days of a certificate issued at {@code issuance}. */
  public static int maximumDays(Instant issuance) {
    if (issuance.isBefore(FROM_2026_03_15)) {
      return 398;
    }
    if (issuance.isBefore(FROM_2027_03_15)) {
      return 200;
    }
    if (issuance.isBefore(FROM_2029_03_15)) {
      return 100;
    }
    return 47;
  }

  /** The maximum validity period as BR 6.3.2 counts it (inclusive of both ends). */
  public static Duration maximumValidity(Instant issuance) {
    return Duration.ofDays(maximumDays(issuance));
  }

  /** The notAfter of a certificate of maximum lifetime whose notBefore is {@code notBefore}. */
  public static Instant notAfter(Instant notBefore) {
    return notBefore.plus(maximumValidity(notBefore)).minusSeconds(1);
  }

  /** The validity period of a certificate as BR 6.3.2 counts it: both ends included. */
  public static Duration validityPeriod(Instant notBefore, Instant notAfter) {
    return Duration.between(notBefore, notAfter).plusSeconds(1);
  }
}
