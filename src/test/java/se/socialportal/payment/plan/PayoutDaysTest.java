package se.socialportal.payment.plan;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Payout days: Swedish banking days, cut-offs and the date a granted part is planned for")
class PayoutDaysTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final PaymentCalendar DEMO = RuleBook.load(Path.of("robots"))
    .paymentCalendar("demo", LocalDate.of(2026, 4, 15)).orElseThrow();
  private final PayoutDays days = new PayoutDays(DEMO);

  private static Instant at(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), STOCKHOLM).toInstant();
  }

  @ParameterizedTest(name = "{0} is a banking day: {1}")
  @DisplayName("weekends, public holidays and the banks' own (midsommar-, jul- and nyårsafton) are not banking days")
  @CsvSource({"2026-04-15, true", "2026-04-18, false", "2026-04-03, false", "2026-04-06, false", "2026-04-07, true",
    "2026-05-01, false", "2026-05-14, false", "2026-06-19, false", "2026-06-22, true", "2026-12-24, false",
    "2026-12-31, false", "2027-01-06, false", "2027-03-26, false", "2027-03-29, false", "2027-05-06, false",
    "2027-06-25, false", "2026-06-05, true", "2028-06-06, false"})
  void bankingDays(LocalDate day, boolean banking) {
    assertEquals(banking, days.isBankingDay(day));
  }

  @Test
  @DisplayName("the cut-off is 13:00 the banking day before; over Easter it is the Thursday before")
  void cutOff() {
    assertEquals(at("2026-04-15T13:00"), days.cutOff(LocalDate.of(2026, 4, 16)));
    assertEquals(at("2026-04-10T13:00"), days.cutOff(LocalDate.of(2026, 4, 13)));
    assertEquals(at("2026-04-02T13:00"), days.cutOff(LocalDate.of(2026, 4, 7)));
  }

  @Test
  @DisplayName("the earliest execution date is the first banking day whose cut-off is still ahead")
  void earliest() {
    assertEquals(LocalDate.of(2026, 4, 16), days.earliestExecutionDate(at("2026-04-15T10:30")));
    assertEquals(LocalDate.of(2026, 4, 17), days.earliestExecutionDate(at("2026-04-15T13:00")));
    assertEquals(LocalDate.of(2026, 4, 20), days.earliestExecutionDate(at("2026-04-16T13:01")));
    assertEquals(LocalDate.of(2026, 4, 7), days.earliestExecutionDate(at("2026-04-02T12:59")));
    assertEquals(LocalDate.of(2026, 4, 8), days.earliestExecutionDate(at("2026-04-03T09:00")));
  }

  @Test
  @DisplayName("försörjningsstöd for next month on the 25th (the Friday before when it is a Saturday); the rest at once")
  void planned() {
    Instant now = at("2026-04-15T10:30");
    assertEquals(LocalDate.of(2026, 4, 24), days.planned("forsorjningsstod", YearMonth.of(2026, 5), now));
    assertEquals(LocalDate.of(2026, 4, 16), days.planned("forsorjningsstod", YearMonth.of(2026, 4), now));
    assertEquals(LocalDate.of(2026, 4, 16), days.planned("livsforing_ovrigt", YearMonth.of(2026, 5), now));
    assertEquals(LocalDate.of(2026, 4, 27), days.planned("forsorjningsstod", YearMonth.of(2026, 5),
      at("2026-04-23T13:30")), "the 24th's cut-off passed: the next banking day after it");
  }

  @Test
  @DisplayName("the latest cut-off at or before now, with the execution date it is for")
  void latestCutOff() {
    PayoutDays.CutOff cut = days.latestCutOff(at("2026-04-15T14:00")).orElseThrow();
    assertEquals(at("2026-04-15T13:00"), cut.at());
    assertEquals(LocalDate.of(2026, 4, 16), cut.executionDate());
    PayoutDays.CutOff monday = days.latestCutOff(at("2026-04-13T09:00")).orElseThrow();
    assertEquals(at("2026-04-10T13:00"), monday.at());
    assertEquals(LocalDate.of(2026, 4, 13), monday.executionDate());
    assertFalse(days.latestCutOff(at("2026-04-15T12:59")).orElseThrow().at().isAfter(at("2026-04-15T12:59")));
    assertTrue(days.isBankingDay(cut.executionDate()));
  }
}
