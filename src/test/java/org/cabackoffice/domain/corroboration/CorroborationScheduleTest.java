package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorroborationScheduleTest {

  // BR 2.2.6, 3.2.2.9 (ballot SC-067): the phases at 00:00 UTC of each date, and the instant before.
  @ParameterizedTest(name = "{0}: {1} perspectives, enforced {2}, two regions {3}")
  @CsvSource({
    "2025-03-14T23:59:59.999Z, 0, false, false",
    "2025-03-15T00:00:00Z,     2, false, false",
    "2025-09-14T23:59:59.999Z, 2, false, false",
    "2025-09-15T00:00:00Z,     2, true,  false",
    "2026-03-14T23:59:59.999Z, 2, true,  false",
    "2026-03-15T00:00:00Z,     3, true,  true",
    "2026-06-14T23:59:59.999Z, 3, true,  true",
    "2026-06-15T00:00:00Z,     4, true,  true",
    "2026-12-14T23:59:59.999Z, 4, true,  true",
    "2026-12-15T00:00:00Z,     5, true,  true",
    "2030-01-01T00:00:00Z,     5, true,  true"
  })
  void thePhaseInForce(String at, int perspectives, boolean enforced, boolean twoRegions) {
    CorroborationSchedule phase = CorroborationSchedule.at(Instant.parse(at));

    assertThat(phase.remotePerspectives()).isEqualTo(perspectives);
    assertThat(phase.quorumEnforced()).isEqualTo(enforced);
    assertThat(phase.twoRegions()).isEqualTo(twoRegions);
  }

  @org.junit.jupiter.api.Test
  void theLastPhaseHasNoNext() {
    assertThat(CorroborationSchedule.FROM_2026_06_15.next()).contains(CorroborationSchedule.FROM_2026_12_15);
    assertThat(CorroborationSchedule.FROM_2026_12_15.next()).isEmpty();
  }
}
