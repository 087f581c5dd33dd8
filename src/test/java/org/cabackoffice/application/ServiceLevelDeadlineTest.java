package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.calendar.CalendarProperties;
import org.junit.jupiter.api.Test;

/** Guide, introduction: standard issuance in 3 business days, express the same business day. */
class ServiceLevelDeadlineTest {

  final Applications applications =
      new Applications(
          null,
          null,
          null,
          null,
          new BusinessCalendar(
              new CalendarProperties(List.of("12-29", "12-30", "12-31", "01-01", "01-02", "01-03"))),
          null,
          null,
          null,
          null,
          null,
          null);

  @Test
  void expressDuringOfficeHoursIsDueAtTheEndOfThatDay() {
    // Wednesday 2026-11-25 10:00 JST
    assertThat(applications.serviceLevelDeadline(true, Instant.parse("2026-11-25T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
  }

  @Test
  void expressAfterHoursIsDueTheNextBusinessDay() {
    // Friday 2026-11-20 18:00 JST; Monday 23 November is Labour Thanksgiving Day.
    assertThat(applications.serviceLevelDeadline(true, Instant.parse("2026-11-20T09:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
  }

  @Test
  void standardIsDueThreeBusinessDaysLater() {
    // Wednesday 2026-11-25 → Monday 2026-11-30, 17:00 JST
    assertThat(applications.serviceLevelDeadline(false, Instant.parse("2026-11-25T01:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
  }

  @Test
  void theYearEndClosureDoesNotCount() {
    // Monday 2026-12-28 10:00 JST → 4, 5, 6 January 2027 (29 December to 3 January closed)
    assertThat(applications.serviceLevelDeadline(false, Instant.parse("2026-12-28T01:00:00Z")))
        .isEqualTo(Instant.parse("2027-01-06T08:00:00Z"));
  }
}
