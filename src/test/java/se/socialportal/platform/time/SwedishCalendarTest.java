package se.socialportal.platform.time;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The Swedish working day: weekends, allmänna helgdagar (lag 1989:253), midsommar-, jul- and nyårsafton")
class SwedishCalendarTest {

  @ParameterizedTest(name = "{0} is a working day: {1} ({2})")
  @CsvSource({
    "2026-04-15, true, an ordinary Wednesday",
    "2026-04-18, false, Saturday",
    "2026-04-19, false, Sunday",
    "2026-01-01, false, nyårsdagen",
    "2026-01-06, false, trettondedag jul",
    "2026-04-03, false, långfredagen",
    "2026-04-06, false, annandag påsk",
    "2026-05-01, false, första maj",
    "2026-05-14, false, Kristi himmelsfärds dag",
    "2026-06-06, false, nationaldagen (a Saturday in 2026)",
    "2028-06-06, false, nationaldagen on a Tuesday",
    "2026-06-19, false, midsommarafton",
    "2026-06-26, true, the Friday after midsommar",
    "2026-12-24, false, julafton",
    "2026-12-25, false, juldagen",
    "2026-12-28, true, the Monday after annandag jul",
    "2026-12-31, false, nyårsafton",
    "2027-03-26, false, långfredagen 2027",
    "2027-03-29, false, annandag påsk 2027",
    "2027-05-06, false, Kristi himmelsfärds dag 2027",
    "2027-06-25, false, midsommarafton 2027"})
  void workingDays(LocalDate day, boolean working, String what) {
    assertEquals(working, SwedishCalendar.isWorkingDay(day), what);
  }

  @Test
  @DisplayName("a day off moves to the next working day; a working day stays")
  void sameOrNext() {
    assertEquals(LocalDate.of(2026, 4, 15), SwedishCalendar.sameOrNextWorkingDay(LocalDate.of(2026, 4, 15)));
    assertEquals(LocalDate.of(2026, 4, 7), SwedishCalendar.sameOrNextWorkingDay(LocalDate.of(2026, 4, 3)));
    assertEquals(LocalDate.of(2026, 12, 28), SwedishCalendar.sameOrNextWorkingDay(LocalDate.of(2026, 12, 24)));
    assertEquals(LocalDate.of(2027, 1, 4), SwedishCalendar.sameOrNextWorkingDay(LocalDate.of(2026, 12, 31)));
  }

  @Test
  @DisplayName("Easter Sunday by the Gregorian computus, for any year")
  void easter() {
    assertEquals(LocalDate.of(2024, 3, 31), SwedishCalendar.easterSunday(2024));
    assertEquals(LocalDate.of(2026, 4, 5), SwedishCalendar.easterSunday(2026));
    assertEquals(LocalDate.of(2027, 3, 28), SwedishCalendar.easterSunday(2027));
    assertEquals(LocalDate.of(2030, 4, 21), SwedishCalendar.easterSunday(2030));
    assertEquals(LocalDate.of(2038, 4, 25), SwedishCalendar.easterSunday(2038));
  }
}
