package org.cabackoffice.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When the process's timers fire: reminders after some business days (the CA's office is closed
 * on Japanese holidays, so a reminder on 5 May would reach nobody), expiries after calendar days
 * (a token's validity, BR: random values live at most 30 days).
 */
@Component
public class Deadlines {

  /** Reminders go out at the start of the CA's business day. */
  static final LocalTime REMINDER_TIME = LocalTime.of(10, 0);

  private final BusinessCalendar calendar;
  private final Clock clock;
  private final DeadlineSettings settings;

  public Deadlines(BusinessCalendar calendar, Clock clock, DeadlineSettings settings) {
    this.calendar = calendar;
    this.clock = clock;
    this.settings = settings;
  }

  public Date reminder() {
    ZonedDateTime today = ZonedDateTime.now(clock.withZone(BusinessCalendar.ZONE)).with(REMINDER_TIME);
    return Date.from(calendar.plusBusinessDays(today, settings.reminderBusinessDays()).toInstant());
  }

  /** Expiry of a customer-facing request: consent, documents, employment certificate. */
  public Date expiry() {
    return Date.from(clock.instant().plus(Duration.ofDays(settings.requestValidDays())));
  }
}
