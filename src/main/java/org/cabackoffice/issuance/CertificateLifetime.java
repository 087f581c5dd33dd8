package org.cabackoffice.issuance;

import java.time.Duration;
import java.time.Instant;
import org.cabackoffice.calendar.ValidityReductionSchedule;

/**
 * The longest a subscriber certificate may live, by the date it is issued (ballot SC-081, BR
 * 6.3.2), from {@link ValidityReductionSchedule}. BR 6.3.2 counts the
 * validity period inclusively (notBefore to notAfter, both seconds included), so a lifetime of
 * {@code d} days ends {@code d·86400 − 1} seconds after notBefore.
 */
public final class CertificateLifetime {

  private CertificateLifetime() {}

  /** Maximum lifetime in days of a certificate issued at {@code issuance}. */
  public static int maximumDays(Instant issuance) {
    return ValidityReductionSchedule.at(issuance).certificateLifetimeDays();
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
