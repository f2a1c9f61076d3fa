package se.socialportal.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The Swedish working day, computed so that no year has to be typed in. Two rules meet on the same days: a time limit
 * in law whose last day is not a working day moves to the next one (lag (1930:173) om beräkning av lagstadgad tid),
 * and the banks make no payments on the same days (bankfria dagar). Not a working day: Saturdays, Sundays, the
 * allmänna helgdagar of lag (1989:253) that fall on a weekday (nyårsdagen, trettondedag jul, långfredagen, annandag
 * påsk, första maj, Kristi himmelsfärdsdag, nationaldagen, juldagen, annandag jul), midsommarafton, julafton and
 * nyårsafton.
 */
public final class SwedishCalendar {

  private SwedishCalendar() {
  }

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day) && !isEve(day);
  }

  /** The given day when it is a working day, otherwise the next one that is. */
  public static LocalDate sameOrNextWorkingDay(LocalDate day) {
    LocalDate candidate = day;
    while (!isWorkingDay(candidate)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  /** Allmänna helgdagar with a fixed or an Easter-bound date (those on Saturdays and Sundays are off anyway). */
  static boolean isHoliday(LocalDate day) {
    MonthDay monthDay = MonthDay.from(day);
    if (monthDay.equals(MonthDay.of(1, 1)) || monthDay.equals(MonthDay.of(1, 6)) || monthDay.equals(MonthDay.of(5, 1))
      || monthDay.equals(MonthDay.of(6, 6)) || monthDay.equals(MonthDay.of(12, 25))
      || monthDay.equals(MonthDay.of(12, 26))) {
      return true;
    }
    LocalDate easter = easterSunday(day.getYear());
    return day.equals(easter.minusDays(2)) || day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39));
  }

  /** Midsommarafton (the Friday between 19 and 25 June), julafton and nyårsafton. */
  static boolean isEve(LocalDate day) {
    MonthDay monthDay = MonthDay.from(day);
    boolean midsummerEve = day.getMonthValue() == 6 && day.getDayOfMonth() >= 19 && day.getDayOfMonth() <= 25
      && day.getDayOfWeek() == DayOfWeek.FRIDAY;
    return midsummerEve || monthDay.equals(MonthDay.of(12, 24)) || monthDay.equals(MonthDay.of(12, 31));
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, dayOfMonth);
  }
}
