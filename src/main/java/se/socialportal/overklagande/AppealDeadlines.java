package se.socialportal.overklagande;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The time limits of an appeal, as plain date arithmetic. FL 44 §: the appeal must have arrived within three weeks
 * from the day the appellant got the decision. Lag (1930:173) om beräkning av lagstadgad tid: a last day on a
 * Saturday, Sunday, allmän helgdag (lag (1989:253)), midsommarafton, julafton or nyårsafton moves to the next weekday
 * that is none of these. FL 46 §: an appeal the nämnd does not change goes on to the court skyndsamt; the tenant
 * sets how many days that is for it.
 */
public final class AppealDeadlines {

  static final int WEEKS = 3;

  private AppealDeadlines() {
  }

  /** The last day an appeal of a decision the appellant got on {@code delivered} may arrive. */
  public static LocalDate deadline(LocalDate delivered) {
    LocalDate last = delivered.plusWeeks(WEEKS);
    while (!isWorkingDay(last)) {
      last = last.plusDays(1);
    }
    return last;
  }

  /** Late when it arrived after the deadline; it is received and flagged all the same (FL 45 §: the nämnd decides). */
  public static boolean late(LocalDate arrived, LocalDate deadline) {
    return arrived.isAfter(deadline);
  }

  /** The day the appeal should be with the court, from the day it arrived; empty when the tenant set no target. */
  public static Optional<LocalDate> forwardBy(LocalDate arrived, Optional<Integer> withinDays) {
    return withinDays.map(arrived::plusDays);
  }

  /** Not a Saturday, Sunday, helgdag, midsommarafton, julafton or nyårsafton. */
  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day) && !isEve(day);
  }

  /** Allmänna helgdagar on weekdays (those on Saturdays and Sundays are not working days anyway). */
  static boolean isHoliday(LocalDate day) {
    MonthDay md = MonthDay.from(day);
    if (md.equals(MonthDay.of(1, 1)) || md.equals(MonthDay.of(1, 6)) || md.equals(MonthDay.of(5, 1))
      || md.equals(MonthDay.of(6, 6)) || md.equals(MonthDay.of(12, 25)) || md.equals(MonthDay.of(12, 26))) {
      return true;
    }
    LocalDate easter = easterSunday(day.getYear());
    return day.equals(easter.minusDays(2)) || day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39));
  }

  /** Midsommarafton (the Friday between 19 and 25 June), julafton and nyårsafton. */
  static boolean isEve(LocalDate day) {
    MonthDay md = MonthDay.from(day);
    boolean midsummerEve = day.getMonthValue() == 6 && day.getDayOfMonth() >= 19 && day.getDayOfMonth() <= 25
      && day.getDayOfWeek() == DayOfWeek.FRIDAY;
    return midsummerEve || md.equals(MonthDay.of(12, 24)) || md.equals(MonthDay.of(12, 31));
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
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
