package org.cabackoffice.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays of Japan computed from 国民の祝日に関する法律 as in force since 2020 (the
 * Emperor's Birthday on 23 February, スポーツの日), for 2020–2099:
 *
 * <ul>
 *   <li>fixed days and the Happy Monday days (n-th Monday of a month);
 *   <li>春分の日 and 秋分の日 from the standard equinox formula, valid 1980–2099. The Cabinet
 *       Office fixes them officially each February for the next year; the formula agrees with
 *       every announced date of this range so far;
 *   <li>振替休日 (Article 3-2): a holiday on a Sunday moves the rest day to the next day that is not
 *       a holiday;
 *   <li>国民の休日 (Article 3-3): a day between two holidays is a rest day.
 * </ul>
 *
 * <p>2020 and 2021 follow the Olympic special-measures acts, which moved 海の日, スポーツの日 and 山の日
 * for the Tokyo Games; they are part of the official lists of those years.
 *
 * <p>Years outside 2020–2099 are refused rather than guessed: the formula and the law differ
 * there, and a wrong business day moves a deadline.
 */
public final class JapaneseHolidays {

  public static final int FIRST_YEAR = 2020;
  public static final int LAST_YEAR = 2099;

  private static final String SUBSTITUTE = "振替休日";
  private static final String CITIZENS_HOLIDAY = "国民の休日";
  private static final Map<Integer, TreeMap<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

  private JapaneseHolidays() {}

  /** True for 祝日, 振替休日 and 国民の休日; weekends are not holidays by themselves. */
  public static boolean isHoliday(LocalDate date) {
    return of(date.getYear()).containsKey(date);
  }

  /** The holiday's name, or empty for an ordinary day. */
  public static Optional<String> nameOf(LocalDate date) {
    return Optional.ofNullable(of(date.getYear()).get(date));
  }

  /** Every holiday of the year in date order. */
  public static List<Holiday> holidaysIn(int year) {
    return of(year).entrySet().stream().map(e -> new Holiday(e.getKey(), e.getValue())).toList();
  }

  private static TreeMap<LocalDate, String> of(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "Japanese holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
    }
    return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
  }

  private static TreeMap<LocalDate, String> compute(int year) {
    TreeMap<LocalDate, String> national = new TreeMap<>();
    national.put(LocalDate.of(year, 1, 1), "元日");
    national.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
    national.put(LocalDate.of(year, 2, 11), "建国記念の日");
    national.put(LocalDate.of(year, 2, 23), "天皇誕生日");
    national.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
    national.put(LocalDate.of(year, 4, 29), "昭和の日");
    national.put(LocalDate.of(year, 5, 3), "憲法記念日");
    national.put(LocalDate.of(year, 5, 4), "みどりの日");
    national.put(LocalDate.of(year, 5, 5), "こどもの日");
    national.put(marineDay(year), "海の日");
    national.put(mountainDay(year), "山の日");
    national.put(nthMonday(year, Month.SEPTEMBER, 3), "敬老の日");
    national.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
    national.put(sportsDay(year), "スポーツの日");
    national.put(LocalDate.of(year, 11, 3), "文化の日");
    national.put(LocalDate.of(year, 11, 23), "勤労感謝の日");

    TreeMap<LocalDate, String> all = new TreeMap<>(national);
    // Article 3-3: only days between two 祝日 proper, and only days that are no 祝日 themselves.
    for (LocalDate day : national.keySet()) {
      LocalDate between = day.plusDays(1);
      if (!national.containsKey(between)
          && national.containsKey(between.plusDays(1))
          && between.getYear() == year) {
        all.put(between, CITIZENS_HOLIDAY);
      }
    }
    // Article 3-2: the first following day that is not a 祝日.
    for (LocalDate day : national.keySet()) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate substitute = day.plusDays(1);
        while (national.containsKey(substitute)) {
          substitute = substitute.plusDays(1);
        }
        all.put(substitute, SUBSTITUTE);
      }
    }
    return all;
  }

  /** 春分日: floor(20.8431 + 0.242194 (y − 1980) − floor((y − 1980) / 4)), valid 1980–2099. */
  static int vernalEquinoxDay(int year) {
    return equinox(20.8431, year);
  }

  /** 秋分日: floor(23.2488 + 0.242194 (y − 1980) − floor((y − 1980) / 4)), valid 1980–2099. */
  static int autumnalEquinoxDay(int year) {
    return equinox(23.2488, year);
  }

  private static int equinox(double base, int year) {
    int y = year - 1980;
    return (int) Math.floor(base + 0.242194 * y - Math.floor(y / 4.0));
  }

  private static LocalDate marineDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 23);
      case 2021 -> LocalDate.of(2021, 7, 22);
      default -> nthMonday(year, Month.JULY, 3);
    };
  }

  private static LocalDate sportsDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 24);
      case 2021 -> LocalDate.of(2021, 7, 23);
      default -> nthMonday(year, Month.OCTOBER, 2);
    };
  }

  private static LocalDate mountainDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 8, 10);
      case 2021 -> LocalDate.of(2021, 8, 8);
      default -> LocalDate.of(year, 8, 11);
    };
  }

  private static LocalDate nthMonday(int year, Month month, int n) {
    return LocalDate.of(year, month, 1)
        .with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
  }
}
