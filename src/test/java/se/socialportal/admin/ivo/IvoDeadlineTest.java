package se.socialportal.admin.ivo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("IVO: three months from the decision day, exactly; alerts at 30 and 60 days")
class IvoDeadlineTest {

  @ParameterizedTest(name = "decided {0}, executed {1}, asked {2}: late = {3}")
  @CsvSource({
    "2026-03-31, 2026-06-30, 2026-09-30, false",
    "2026-03-31, 2026-07-01, 2026-09-30, true",
    "2026-03-31, , 2026-06-30, false",
    "2026-03-31, , 2026-07-01, true",
    "2026-01-15, 2026-04-15, 2026-06-30, false",
    "2026-01-15, 2026-04-16, 2026-06-30, true",
    "2025-11-30, 2026-02-28, 2026-03-31, false",
    "2025-11-30, 2026-03-01, 2026-03-31, true",
  })
  void threeMonths(LocalDate decided, LocalDate executed, LocalDate asOf, boolean late) {
    assertEquals(late, IvoDeadline.late(decided, Optional.ofNullable(executed), asOf));
  }

  @ParameterizedTest(name = "decided {0}, today {1}: alert {2}")
  @CsvSource({
    "2026-03-01, 2026-03-30, 0",
    "2026-03-01, 2026-03-31, 30",
    "2026-03-01, 2026-04-29, 30",
    "2026-03-01, 2026-04-30, 60",
    "2026-03-01, 2026-06-01, 60",
    "2026-03-01, 2026-06-02, 0",
  })
  void alerts(LocalDate decided, LocalDate today, int alert) {
    assertEquals(alert, IvoDeadline.alert(decided, today).orElse(0));
  }
}
