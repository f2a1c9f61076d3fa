package se.socialportal.payment.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * The days Swedish banks make no payments: Saturdays, Sundays, the public holidays of lagen (1989:253) om allmänna
 * helgdagar that fall on a weekday (nyårsdagen, trettondedag jul, långfredagen, annandag påsk, första maj, Kristi
 * himmelsfärdsdag, nationaldagen, juldagen, annandag jul), and midsommarafton, julafton and nyårsafton, which the banks
 * treat as holidays (bankfria dagar). Computed, so no year has to be typed in.
 */
public final class SwedishBankDays {

  private SwedishBankDays() {
  }

  public static boolean isBankingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays(day.getYear()).contains(day);
  }

  static Set<LocalDate> holidays(int year) {
    LocalDate easter = easterSunday(year);
    Set<LocalDate> days = new HashSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    days.add(LocalDate.of(year, Month.JANUARY, 6));
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(LocalDate.of(year, Month.MAY, 1));
    days.add(easter.plusDays(39));
    days.add(LocalDate.of(year, Month.JUNE, 6));
    // Midsommarafton: the Friday between 19 and 25 June.
    days.add(LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
    days.add(LocalDate.of(year, Month.DECEMBER, 24));
    days.add(LocalDate.of(year, Month.DECEMBER, 25));
    days.add(LocalDate.of(year, Month.DECEMBER, 26));
    days.add(LocalDate.of(year, Month.DECEMBER, 31));
    return days;
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
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
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
