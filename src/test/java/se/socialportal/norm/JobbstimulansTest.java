package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The jobbstimulans state from a person's history (prop. 2012/13:94, docs/sources.md#jobbstimulans): six consecutive
 * months trigger it; it lasts 24 months from that point whether or not bistånd is received; then a new six-month period
 * is needed.
 */
@DisplayName("Jobbstimulans state from the history of months with försörjningsstöd")
class JobbstimulansTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
    # case                                                         | history (ranges)               | month   | active | window
    no history                                                     |                                | 2025-07 | false  |
    five consecutive months are not enough                         | 2025-01..2025-05               | 2025-06 | false  |
    six consecutive months: active from the seventh                | 2025-01..2025-06               | 2025-07 | true   | 2025-07..2027-06
    the sixth month itself is not yet covered                      | 2025-01..2025-06               | 2025-06 | false  |
    a gap restarts the count                                       | 2025-01..2025-03,2025-05..2025-07 | 2025-08 | false  |
    after a gap, six new consecutive months trigger                | 2025-01..2025-03,2025-05..2025-10 | 2025-11 | true   | 2025-11..2027-10
    the window holds although no bistånd is received in it         | 2025-01..2025-06               | 2027-03 | true   | 2025-07..2027-06
    the last month of the 24                                       | 2025-01..2025-06               | 2027-06 | true   | 2025-07..2027-06
    after 24 months it ends                                        | 2025-01..2025-06               | 2027-07 | false  | 2025-07..2027-06
    continuous bistånd: months inside the window do not count anew | 2025-01..2027-09               | 2027-10 | false  | 2025-07..2027-06
    a new period needs six months after the window                 | 2025-01..2027-12               | 2028-01 | true   | 2028-01..2029-12
    later months do not change an earlier month's answer           | 2025-01..2025-05,2025-06..2026-12 | 2025-06 | false |
    """)
  void state(String description, String history, String month, boolean active, String window) {
    JobbstimulansState state = Jobbstimulans.stateIn(YearMonth.parse(month), months(history),
      JobbstimulansRule.statutory());
    assertEquals(active, state.active(), description);
    if (window == null) {
      assertEquals(JobbstimulansState.inactive(), state);
    } else {
      String[] range = window.split("\\.\\.");
      assertEquals(YearMonth.parse(range[0]), state.from());
      assertEquals(YearMonth.parse(range[1]), state.until());
    }
  }

  private static List<YearMonth> months(String ranges) {
    List<YearMonth> months = new ArrayList<>();
    if (ranges == null) {
      return months;
    }
    for (String range : ranges.split(",")) {
      String[] ends = range.trim().split("\\.\\.");
      for (YearMonth m = YearMonth.parse(ends[0]); !m.isAfter(YearMonth.parse(ends[1])); m = m.plusMonths(1)) {
        months.add(m);
      }
    }
    return months;
  }
}
