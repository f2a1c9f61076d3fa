package se.socialportal.admin.nyckeltal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mycket långvarigt biståndsmottagande: at least 27 of 36 months, at most two consecutive months without. Each row is
 * the 36 months ending December 2026, oldest first: X a month with bistånd, . one without.
 */
@DisplayName("Very long-term recipients: 27 of 36 months, at most two consecutive months without")
class LongTermRecipientTest {

  private static final YearMonth LAST = YearMonth.of(2026, 12);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "'27 of 36 with one three-month gap', XXXXX..XXXXX..XXXXX...XXXXXXXXXXXX.., false",
    "'27 of 36 with three-month gaps', XXXXXXXXX...XXXXXXXXX...XXXXXXXXX..., false",
    // 27 months with gaps of at most two: 9 months without in gaps of 2,2,2,2,1.
    "'27 of 36 with two-month gaps', XXXXX..XXXXX..XXXXX..XXXXX..XXXXXXX., true",
    "'26 of 36 with two-month gaps', XXXXX..XXXXX..XXXXX..XXXXX..XXXXXX.., false",
    "'all 36', XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX, true",
    "'33 with a three-month gap at the start', ...XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX, false",
    "'34 with a two-month gap at the end', XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.., true",
    "'none', ...................................., false",
  })
  void rule(String name, String months, boolean longTerm) {
    assertEquals(36, months.length(), "the row covers 36 months");
    assertEquals(longTerm, LongTermRecipient.isLongTerm(received(months), LAST), name);
  }

  @ParameterizedTest(name = "months before the period do not count: {0}")
  @CsvSource({"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.."})
  void monthsBeforeThePeriodDoNotCount(String months) {
    Set<YearMonth> received = received(months);
    received.add(LAST.minusMonths(40));
    assertEquals(true, LongTermRecipient.isLongTerm(received, LAST));
    assertEquals(10, LongTermRecipient.monthsWithin(received, LAST, 12));
  }

  private static Set<YearMonth> received(String months) {
    Set<YearMonth> received = new HashSet<>();
    YearMonth first = LAST.minusMonths(35);
    for (int i = 0; i < months.length(); i++) {
      if (months.charAt(i) == 'X') {
        received.add(first.plusMonths(i));
      }
    }
    return received;
  }
}
