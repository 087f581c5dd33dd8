package org.cabackoffice.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The CA's business days, on which the guide's deadlines are counted (standard issuance within 3
 * business days, express the same business day, reminders): Monday to Friday, not a Japanese
 * public holiday, not a closure day of the CA (year-end 12-29 to 01-03 by default).
 */
@Component
public class BusinessCalendar {

  /** The CA works in Japan; deadlines are counted in Japanese days whatever the caller's zone. */
  /** The zone's id, for annotations that take a constant string ({@code @Scheduled(zone = …)}). */
  public static final String ZONE_ID = "Asia/Tokyo";

  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  /**
   * A moment as customers and officers read it (mails, pages, timeline): Japanese time, said so.
   * The server's clock runs in UTC, so formatting in the clock's zone would show UTC.
   */
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'JST'").withZone(ZONE);

  private final Set<MonthDay> closures;

  public BusinessCalendar(CalendarProperties properties) {
    this.closures =
        properties.closures().stream()
            .map(BusinessCalendar::parseMonthDay)
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Today's business date: the date of invoices, due dates, reminders and mails. At 03:08 JST on
   * the 4th it is the 4th, although the server's UTC clock still says the 3rd.
   */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  /** The business date of a moment. */
  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  /** {@code 2026-12-04 03:08 JST}: a moment shown to people, in the CA's zone. */
  public static String shown(Instant instant) {
    return SHOWN.format(instant);
  }

  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !closures.contains(MonthDay.from(date))
        && !JapaneseHolidays.isHoliday(date);
  }

  /**
   * The date {@code n} business days after {@code date}: with n = 3 from Friday, the next
   * Wednesday of an ordinary week. n = 0 gives the date itself when it is a business day, else
   * the next business day (an express application on a Saturday is due on Monday). Negative n
   * counts backwards, e.g. for a reminder before a deadline.
   */
  public LocalDate plusBusinessDays(LocalDate date, int n) {
    LocalDate day = date;
    if (n == 0) {
      while (!isBusinessDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int step = n > 0 ? 1 : -1;
    for (int remaining = Math.abs(n); remaining > 0; ) {
      day = day.plusDays(step);
      if (isBusinessDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  /**
   * As {@link #plusBusinessDays(LocalDate, int)} on the Tokyo date of {@code time}, keeping the
   * time of day; the result is in Asia/Tokyo.
   */
  public ZonedDateTime plusBusinessDays(ZonedDateTime time, int n) {
    ZonedDateTime tokyo = time.withZoneSameInstant(ZONE);
    return ZonedDateTime.of(
        plusBusinessDays(tokyo.toLocalDate(), n), tokyo.toLocalTime(), ZONE);
  }

  /** The closure days as configured, for display. */
  public List<MonthDay> closures() {
    return closures.stream().sorted().toList();
  }

  private static MonthDay parseMonthDay(String text) {
    String trimmed = text.trim();
    try {
      return MonthDay.parse(trimmed.startsWith("--") ? trimmed : "--" + trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "backoffice.calendar.closures: '" + text + "' is not a month-day like 12-29", e);
    }
  }
}
