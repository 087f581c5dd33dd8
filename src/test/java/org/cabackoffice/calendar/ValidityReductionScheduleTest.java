package org.cabackoffice.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DESIGN.md's table of ballot SC-081: organization data / domain data / lifetime, in days. */
class ValidityReductionScheduleTest {

  private static String row(String moment) {
    ValidityReductionSchedule phase = ValidityReductionSchedule.at(Instant.parse(moment));
    return phase.organizationDataReuseDays() + " / " + phase.domainValidationReuseDays() + " / "
        + phase.certificateLifetimeDays();
  }

  @Test
  void eachPhaseStartsAtMidnightUtcOfTheBallotsDate() {
    assertThat(row("2025-01-01T00:00:00Z")).isEqualTo("825 / 398 / 398");
    assertThat(row("2026-03-14T23:59:59Z")).isEqualTo("825 / 398 / 398");
    assertThat(row("2026-03-15T00:00:00Z")).isEqualTo("398 / 200 / 200");
    assertThat(row("2027-03-15T00:00:00Z")).isEqualTo("398 / 100 / 100");
    assertThat(row("2029-03-14T23:59:59Z")).isEqualTo("398 / 100 / 100");
    assertThat(row("2029-03-15T00:00:00Z")).isEqualTo("398 / 10 / 47");
    assertThat(row("2040-01-01T00:00:00Z")).isEqualTo("398 / 10 / 47");
  }
}
