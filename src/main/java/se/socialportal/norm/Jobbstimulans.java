package se.socialportal.norm;

import java.time.YearMonth;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Derives a person's jobbstimulans state from their history (prop. 2012/13:94, docs/sources.md#jobbstimulans). After
 * six consecutive months with försörjningsstöd, 25 % of income of employment is not counted for two years from that
 * point, whether or not the person receives bistånd in every month of those two years. When the two years have passed,
 * a new period of six consecutive months is needed; months inside a window do not count towards it.
 */
public final class Jobbstimulans {

  private Jobbstimulans() {
  }

  /**
   * @param month   the calculation month
   * @param history months in which the person received försörjningsstöd, in any order; only months before
   *                {@code month} are read, so recomputing an old month gives the same answer whatever came later
   */
  public static JobbstimulansState stateIn(YearMonth month, Collection<YearMonth> history, JobbstimulansRule rule) {
    NavigableSet<YearMonth> earlier = new TreeSet<>(history).headSet(month, false);
    YearMonth previous = null;
    int consecutive = 0;
    JobbstimulansState window = JobbstimulansState.inactive();
    for (YearMonth received : earlier) {
      if (window.until() != null && !received.isAfter(window.until())) {
        continue;
      }
      consecutive = previous != null && received.equals(previous.plusMonths(1)) ? consecutive + 1 : 1;
      previous = received;
      if (consecutive == rule.qualifyingMonths()) {
        // "Two years from the point the six months are reached": the window starts with the following month.
        window = new JobbstimulansState(false, received.plusMonths(1), received.plusMonths(rule.durationMonths()));
        consecutive = 0;
      }
    }
    boolean active = window.from() != null && !month.isBefore(window.from()) && !month.isAfter(window.until());
    return new JobbstimulansState(active, window.from(), window.until());
  }
}
