package org.cabackoffice.calendar;

import java.time.Instant;

/**
 * Ballot SC-081's schedule (BR 4.2.1, 6.3.2; DESIGN.md): from each date on, certificates live
 * shorter and validation data may be reused for less long. One table for every rule that reads
 * it, so a date can never differ between the lifetime and the reuse periods. The boundaries are
 * taken at 00:00 UTC of the ballot's dates.
 */
public enum ValidityReductionSchedule {
  BEFORE_2026_03_15(Instant.MIN, 398, 398, 825),
  FROM_2026_03_15(Instant.parse("2026-03-15T00:00:00Z"), 200, 200, 398),
  FROM_2027_03_15(Instant.parse("2027-03-15T00:00:00Z"), 100, 100, 398),
  FROM_2029_03_15(Instant.parse("2029-03-15T00:00:00Z"), 47, 10, 398);

  private final Instant from;
  private final int certificateLifetimeDays;
  private final int domainValidationReuseDays;
  private final int organizationDataReuseDays;

  ValidityReductionSchedule(
      Instant from,
      int certificateLifetimeDays,
      int domainValidationReuseDays,
      int organizationDataReuseDays) {
    this.from = from;
    this.certificateLifetimeDays = certificateLifetimeDays;
    this.domainValidationReuseDays = domainValidationReuseDays;
    this.organizationDataReuseDays = organizationDataReuseDays;
  }

  /** The phase in force at {@code moment}. */
  public static ValidityReductionSchedule at(Instant moment) {
    ValidityReductionSchedule current = BEFORE_2026_03_15;
    for (ValidityReductionSchedule phase : values()) {
      if (!moment.isBefore(phase.from)) {
        current = phase;
      }
    }
    return current;
  }

  public Instant from() {
    return from;
  }

  /** BR 6.3.2: the longest validity period of a subscriber certificate issued in this phase. */
  public int certificateLifetimeDays() {
    return certificateLifetimeDays;
  }

  /** BR 4.2.1, 3.2.2.4: how long a completed domain validation may be relied on. */
  public int domainValidationReuseDays() {
    return domainValidationReuseDays;
  }

  /** BR 4.2.1: how long subject identity information (organization data) may be relied on. */
  public int organizationDataReuseDays() {
    return organizationDataReuseDays;
  }
}
