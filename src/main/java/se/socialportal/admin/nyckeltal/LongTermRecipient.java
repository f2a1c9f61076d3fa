package se.socialportal.admin.nyckeltal;

import java.time.YearMonth;
import java.util.Set;

/**
 * Mycket långvarigt biståndsmottagande, as Socialstyrelsen's statistics define it: bistånd in at least 27 of the 36
 * months of a period, with at most two consecutive months without. The period is the 36 calendar months ending with
 * the month asked about; months without bistånd at the start or the end of the period are consecutive months without
 * like any other, so a longer stretch there also breaks the rule.
 */
public final class LongTermRecipient {

  public static final int PERIOD_MONTHS = 36;
  public static final int MIN_MONTHS = 27;
  public static final int MAX_CONSECUTIVE_WITHOUT = 2;

  private LongTermRecipient() {
  }

  /** @param received the months with bistånd (any months; only those in the period count) */
  public static boolean isLongTerm(Set<YearMonth> received, YearMonth lastMonth) {
    YearMonth first = lastMonth.minusMonths(PERIOD_MONTHS - 1L);
    int with = 0;
    int without = 0;
    for (YearMonth month = first; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
      if (received.contains(month)) {
        with++;
        without = 0;
      } else if (++without > MAX_CONSECUTIVE_WITHOUT) {
        return false;
      }
    }
    return with >= MIN_MONTHS;
  }

  /** The months with bistånd within the last {@code window} months ending with {@code lastMonth}. */
  public static int monthsWithin(Set<YearMonth> received, YearMonth lastMonth, int window) {
    YearMonth first = lastMonth.minusMonths(window - 1L);
    return (int) received.stream().filter(month -> !month.isBefore(first) && !month.isAfter(lastMonth)).count();
  }
}
