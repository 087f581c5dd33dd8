package org.cabackoffice.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseHolidaysTest {

  @Test
  void holidaysOf2025AsPublishedByTheCabinetOffice() {
    assertThat(dates(2025))
        .containsExactly(
            "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20",
            "2025-04-29", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21",
            "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13", "2025-11-03", "2025-11-23",
            "2025-11-24");
  }

  @Test
  void holidaysOf2026AsPublishedByTheCabinetOffice() {
    assertThat(dates(2026))
        .containsExactly(
            "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
            "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11",
            "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23");
  }

  @Test
  void olympicYear2020FollowsTheSpecialMeasuresAct() {
    assertThat(dates(2020))
        .containsExactly(
            "2020-01-01", "2020-01-13", "2020-02-11", "2020-02-23", "2020-02-24", "2020-03-20",
            "2020-04-29", "2020-05-03", "2020-05-04", "2020-05-05", "2020-05-06", "2020-07-23",
            "2020-07-24", "2020-08-10", "2020-09-21", "2020-09-22", "2020-11-03", "2020-11-23");
  }

  @ParameterizedTest
  @CsvSource({
    "2020-02-24", // 天皇誕生日 on a Sunday
    "2020-05-06", // 憲法記念日 on a Sunday: skips みどりの日 and こどもの日
    "2021-08-09", // 山の日 moved to 8 August for the Games, a Sunday
    "2023-01-02", // 元日 on a Sunday
    "2024-02-12",
    "2024-05-06",
    "2024-08-12",
    "2024-09-23", // 秋分の日 on a Sunday
    "2024-11-04",
    "2025-11-24",
    "2026-05-06"
  })
  void substituteHolidays(LocalDate date) {
    assertThat(JapaneseHolidays.isHoliday(date)).isTrue();
    assertThat(JapaneseHolidays.nameOf(date)).contains("振替休日");
  }

  @ParameterizedTest
  @CsvSource({"2026-09-22", "2032-09-21", "2037-09-22"})
  void daysBetweenTwoHolidaysAreCitizensHolidays(LocalDate date) {
    assertThat(JapaneseHolidays.nameOf(date)).contains("国民の休日");
  }

  @ParameterizedTest
  @CsvSource({
    "2020, 20, 22",
    "2021, 20, 23",
    "2022, 21, 23",
    "2023, 21, 23",
    "2024, 20, 22",
    "2025, 20, 23",
    "2026, 20, 23",
    "2027, 21, 23"
  })
  void equinoxesAsAnnounced(int year, int vernal, int autumnal) {
    assertThat(JapaneseHolidays.vernalEquinoxDay(year)).isEqualTo(vernal);
    assertThat(JapaneseHolidays.autumnalEquinoxDay(year)).isEqualTo(autumnal);
  }

  @Test
  void namesFollowTheLaw() {
    assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 2, 23))).contains("天皇誕生日");
    assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 10, 12))).contains("スポーツの日");
    assertThat(JapaneseHolidays.nameOf(LocalDate.of(2026, 10, 13))).isEmpty();
  }

  @Test
  void weekendsAreNotHolidaysByThemselves() {
    assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2026, 1, 10))).isFalse();
  }

  @Test
  void everyYearOfTheRangeHasItsSixteenHolidaysAtLeast() {
    for (int year = JapaneseHolidays.FIRST_YEAR; year <= JapaneseHolidays.LAST_YEAR; year++) {
      assertThat(JapaneseHolidays.holidaysIn(year)).hasSizeGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void yearsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> JapaneseHolidays.isHoliday(LocalDate.of(2019, 5, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2020–2099");
    assertThatThrownBy(() -> JapaneseHolidays.holidaysIn(2100))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> dates(int year) {
    return JapaneseHolidays.holidaysIn(year).stream()
        .map(Holiday::date)
        .map(LocalDate::toString)
        .toList();
  }
}
