package se.socialportal.overklagande;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("FL 44 §: three weeks from the day the decision was received, moved past weekends and holidays")
class AppealDeadlinesTest {

  @Test
  @DisplayName("three weeks to the day when that is a working day; the day after is late, the day itself is not")
  void threeWeeks() {
    LocalDate deadline = AppealDeadlines.deadline(LocalDate.of(2026, 4, 15));
    assertEquals(LocalDate.of(2026, 5, 6), deadline);
    assertFalse(AppealDeadlines.late(LocalDate.of(2026, 5, 6), deadline));
    assertTrue(AppealDeadlines.late(LocalDate.of(2026, 5, 7), deadline));
  }

  @Test
  @DisplayName("a last day on a Saturday, a helgdag or an afton moves to the next working day (lag 1930:173)")
  void movedPastNonWorkingDays() {
    assertEquals(LocalDate.of(2026, 5, 18), AppealDeadlines.deadline(LocalDate.of(2026, 4, 25)), "Saturday 16 May");
    assertEquals(LocalDate.of(2026, 5, 15), AppealDeadlines.deadline(LocalDate.of(2026, 4, 23)),
      "Kristi himmelsfärds dag, Thursday 14 May 2026");
    assertEquals(LocalDate.of(2026, 4, 7), AppealDeadlines.deadline(LocalDate.of(2026, 3, 13)),
      "långfredagen 3 April, then the weekend and annandag påsk 6 April");
    assertEquals(LocalDate.of(2026, 6, 22), AppealDeadlines.deadline(LocalDate.of(2026, 5, 29)), "midsommarafton 19 June");
    assertEquals(LocalDate.of(2026, 12, 28), AppealDeadlines.deadline(LocalDate.of(2026, 12, 3)),
      "julafton, juldagen, annandag jul and the weekend");
    assertEquals(LocalDate.of(2027, 1, 4), AppealDeadlines.deadline(LocalDate.of(2026, 12, 10)), "nyårsafton, nyårsdagen");
  }

  @Test
  @DisplayName("the forwarding target counts from the day the appeal arrived; none when the tenant set none")
  void forwardBy() {
    assertEquals(Optional.of(LocalDate.of(2026, 5, 14)),
      AppealDeadlines.forwardBy(LocalDate.of(2026, 5, 7), Optional.of(7)));
    assertEquals(Optional.empty(), AppealDeadlines.forwardBy(LocalDate.of(2026, 5, 7), Optional.empty()));
  }
}
