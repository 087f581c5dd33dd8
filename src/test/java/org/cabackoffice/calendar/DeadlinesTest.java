package org.cabackoffice.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The dates the process's reminder and expiry timers are set to. */
class DeadlinesTest {

  private final BusinessCalendar calendar =
      new BusinessCalendar(
          new Binder(new MapConfigurationPropertySource(Map.of()))
              .bindOrCreate("backoffice.calendar", CalendarProperties.class));

  /** Friday 24 April 2026, 15:00 in Tokyo: Golden Week lies ahead. */
  private final Clock friday =
      Clock.fixed(Instant.parse("2026-04-24T06:00:00Z"), ZoneOffset.UTC);

  @Test
  void aReminderComesAfterTheConfiguredBusinessDaysAtTheStartOfTheOfficeDay() {
    Deadlines deadlines = new Deadlines(calendar, friday, new DeadlineSettings(5, 30));

    // Mon 27, Tue 28, (Showa Day 29), Thu 30, Fri 1 May, (4, 5 and the substitute 6 May), Thu 7.
    assertThat(deadlines.reminder().toInstant()).isEqualTo(Instant.parse("2026-05-07T01:00:00Z"));
    assertThat(new Deadlines(calendar, friday, new DeadlineSettings(1, 30)).reminder().toInstant())
        .isEqualTo(Instant.parse("2026-04-27T01:00:00Z"));
  }

  @Test
  void anExpiryCountsCalendarDaysFromNow() {
    Deadlines deadlines = new Deadlines(calendar, friday, new DeadlineSettings(5, 30));

    assertThat(deadlines.expiry().toInstant()).isEqualTo(Instant.parse("2026-05-24T06:00:00Z"));
  }
}
