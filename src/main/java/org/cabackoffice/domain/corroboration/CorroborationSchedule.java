package org.cabackoffice.domain.corroboration;

import java.time.Instant;

/**
 * Ballot SC-067's phases (BR 3.2.2.9, the list below the "Quorum Requirements" table, checked
 * against BR 2.2.6): from each date on, how many remote network perspectives multi-perspective
 * issuance corroboration must use, whether a failed quorum stops issuance, and whether the
 * corroborating perspectives must span two RIR regions. Boundaries at 00:00 UTC of the BR's dates,
 * as {@link org.cabackoffice.calendar.ValidityReductionSchedule} takes SC-081's.
 */
public enum CorroborationSchedule {
  /** Before SC-067 took effect: nothing required. */
  BEFORE_2025_03_15(Instant.MIN, 0, false, false),
  /** "MUST implement ... using at least two (2)", but "MAY proceed" when the quorum fails. */
  FROM_2025_03_15(Instant.parse("2025-03-15T00:00:00Z"), 2, false, false),
  /** At least 2; the quorum table must be satisfied, "MUST NOT proceed" otherwise. */
  FROM_2025_09_15(Instant.parse("2025-09-15T00:00:00Z"), 2, true, false),
  /** At least 3; corroborating perspectives within at least 2 distinct RIR service regions. */
  FROM_2026_03_15(Instant.parse("2026-03-15T00:00:00Z"), 3, true, true),
  FROM_2026_06_15(Instant.parse("2026-06-15T00:00:00Z"), 4, true, true),
  FROM_2026_12_15(Instant.parse("2026-12-15T00:00:00Z"), 5, true, true);

  private final Instant from;
  private final int remotePerspectives;
  private final boolean quorumEnforced;
  private final boolean twoRegions;

  CorroborationSchedule(Instant from, int remotePerspectives, boolean quorumEnforced, boolean twoRegions) {
    this.from = from;
    this.remotePerspectives = remotePerspectives;
    this.quorumEnforced = quorumEnforced;
    this.twoRegions = twoRegions;
  }

  /** The phase in force at {@code moment}. */
  public static CorroborationSchedule at(Instant moment) {
    CorroborationSchedule current = BEFORE_2025_03_15;
    for (CorroborationSchedule phase : values()) {
      if (!moment.isBefore(phase.from)) {
        current = phase;
      }
    }
    return current;
  }

  /** The phase after this one, if any: an operator is warned before it asks for more. */
  public java.util.Optional<CorroborationSchedule> next() {
    int next = ordinal() + 1;
    return next < values().length ? java.util.Optional.of(values()[next]) : java.util.Optional.empty();
  }

  public Instant from() {
    return from;
  }

  /** The fewest remote network perspectives a corroboration must use. */
  public int remotePerspectives() {
    return remotePerspectives;
  }

  /** Whether a quorum that is not met stops issuance ("MUST NOT proceed"). */
  public boolean quorumEnforced() {
    return quorumEnforced;
  }

  /** Whether the corroborating perspectives must fall within at least two RIR service regions. */
  public boolean twoRegions() {
    return twoRegions;
  }
}
