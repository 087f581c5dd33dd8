package org.cabackoffice.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BusinessCalendarTest {

  private final BusinessCalendar calendar = new BusinessCalendar(bind(Map.of()));

  @Test
  void aBusinessDateIsTheDateInTokyoWhateverTheServersZone() {
    // 2026-12-03T18:08Z is 03:08 JST on Friday the 4th.
    Clock utc = Clock.fixed(Instant.parse("2026-12-03T18:08:00Z"), ZoneOffset.UTC);

    assertThat(BusinessCalendar.today(utc)).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(BusinessCalendar.dateOf(utc.instant())).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(BusinessCalendar.shown(utc.instant())).isEqualTo("2026-12-04 03:08 JST");
  }

  /**
   * One zone for business dates: a second {@code ZoneId.of("Asia/Tokyo")}, a date read in the
   * clock's own zone (UTC on the server) or a zoneless {@code LocalDate.now()} is how an invoice
   * dated 03:08 JST on the 4th came to say the 3rd.
   */
  @Test
  void businessDatesUseTheOneZoneConstant() throws IOException {
    Pattern wrongZone =
        Pattern.compile(
            "\"Asia/Tokyo\"|clock\\.getZone\\(\\)|(LocalDate|LocalDateTime|ZonedDateTime)\\.now\\(\\)"
                + "|ZoneId\\.systemDefault\\(\\)");
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.endsWith(Path.of("calendar", "BusinessCalendar.java")))
              .filter(f -> wrongZone.matcher(read(f)).find())
              .map(f -> main.relativize(f).toString())
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void goldenWeek2026() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 29))).isFalse(); // 昭和の日, Wed
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 30))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 6))).isFalse(); // 振替休日
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 5, 1), 1))
        .isEqualTo(LocalDate.of(2026, 5, 7));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 4, 28), 3))
        .isEqualTo(LocalDate.of(2026, 5, 7));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 5, 7), -2))
        .isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void yearEndClosure() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 12, 26))).isTrue();
    for (int day = 29; day <= 31; day++) {
      assertThat(calendar.isBusinessDay(LocalDate.of(2025, 12, day))).isFalse();
    }
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 1, 2))).isFalse(); // Friday, closed
    assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 26), 1))
        .isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 25), 3))
        .isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 1, 5), -1))
        .isEqualTo(LocalDate.of(2025, 12, 26));
  }

  @Test
  void zeroDaysIsTheSameOrNextBusinessDay() {
    assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 26), 0))
        .isEqualTo(LocalDate.of(2025, 12, 26));
    assertThat(calendar.plusBusinessDays(LocalDate.of(2025, 12, 27), 0))
        .isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void ordinaryWeekFromFridayToWednesday() {
    assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 6, 5), 3))
        .isEqualTo(LocalDate.of(2026, 6, 10));
  }

  @Test
  void timeOfDayIsKeptInTokyo() {
    ZonedDateTime friday = ZonedDateTime.of(2026, 5, 1, 17, 30, 0, 0, BusinessCalendar.ZONE);
    assertThat(calendar.plusBusinessDays(friday, 1))
        .isEqualTo(ZonedDateTime.of(2026, 5, 7, 17, 30, 0, 0, BusinessCalendar.ZONE));

    // 16:00 UTC on 30 April is 01:00 on 1 May in Tokyo: the Tokyo date counts.
    ZonedDateTime utc = ZonedDateTime.of(2026, 4, 30, 16, 0, 0, 0, ZoneOffset.UTC);
    assertThat(calendar.plusBusinessDays(utc, 1))
        .isEqualTo(ZonedDateTime.of(2026, 5, 7, 1, 0, 0, 0, BusinessCalendar.ZONE));
  }

  @Test
  void closuresAreConfigurable() {
    BusinessCalendar obon =
        new BusinessCalendar(
            bind(
                Map.of(
                    "backoffice.calendar.closures[0]", "08-13",
                    "backoffice.calendar.closures[1]", "--08-14")));

    assertThat(obon.closures()).containsExactly(MonthDay.of(8, 13), MonthDay.of(8, 14));
    assertThat(obon.isBusinessDay(LocalDate.of(2026, 8, 13))).isFalse();
    assertThat(obon.isBusinessDay(LocalDate.of(2026, 12, 29))).isTrue(); // replaced the default
  }

  @Test
  void defaultClosureIsTheYearEnd() {
    assertThat(calendar.closures())
        .containsExactly(
            MonthDay.of(1, 1),
            MonthDay.of(1, 2),
            MonthDay.of(1, 3),
            MonthDay.of(12, 29),
            MonthDay.of(12, 30),
            MonthDay.of(12, 31));
  }

  @Test
  void malformedClosureIsRefusedAtStartup() {
    assertThatThrownBy(() -> new BusinessCalendar(new CalendarProperties(List.of("13-45"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("13-45");
  }

  private static CalendarProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("backoffice.calendar", CalendarProperties.class);
  }
}
