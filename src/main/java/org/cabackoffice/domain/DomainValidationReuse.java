package org.cabackoffice.domain;

import java.time.Duration;
import java.time.Instant;
import org.cabackoffice.calendar.ValidityReductionSchedule;

/**
 * How long a completed domain validation may be relied on, by the date the certificate is issued
 * (BR 4.2.1 and 3.2.2.4, as amended by ballot SC-081): 398 days before 2026-03-15, then 200, 100
 * from 2027-03-15 and 10 from 2029-03-15, as {@link ValidityReductionSchedule} holds them with
 * the certificate lifetimes.
 */
public final class DomainValidationReuse {

  private DomainValidationReuse() {}

  /** Days a domain validation completed before {@code issuance} may still be reused then. */
  public static int days(Instant issuance) {
    return ValidityReductionSchedule.at(issuance).domainValidationReuseDays();
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
