package se.socialportal.admin.ivo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The three months within which a granted decision must be executed before it is reported to IVO and the nämnd
 * (SoL 16 kap. 6 f §, old numbering), and the early alerts before it. The limit is the same day three calendar months
 * after the decision day, or the month's last day when it has no such day (decided 31 March: the limit is 30 June).
 * Executed on the limit day is in time; the day after is not.
 */
public final class IvoDeadline {

  public static final int ALERT_FIRST_DAYS = 30;
  public static final int ALERT_SECOND_DAYS = 60;

  private IvoDeadline() {
  }

  public static LocalDate limit(LocalDate decided) {
    return decided.plusMonths(3);
  }

  /** Not executed by the limit: executed after it, or not at all by {@code asOf} once the limit has passed. */
  public static boolean late(LocalDate decided, Optional<LocalDate> executed, LocalDate asOf) {
    LocalDate limit = limit(decided);
    return executed.map(day -> day.isAfter(limit)).orElse(asOf.isAfter(limit));
  }

  /** Days from the decision to its execution, or to {@code asOf} while it waits. */
  public static long daysWaited(LocalDate decided, Optional<LocalDate> executed, LocalDate asOf) {
    return ChronoUnit.DAYS.between(decided, executed.filter(day -> !day.isAfter(asOf)).orElse(asOf));
  }

  /**
   * The early alert for a decision still waiting on {@code today} within its three months: 60 from the 60th day, 30
   * from the 30th, none before; none once the limit has passed (then it is on the report itself).
   */
  public static Optional<Integer> alert(LocalDate decided, LocalDate today) {
    if (today.isAfter(limit(decided))) {
      return Optional.empty();
    }
    long days = ChronoUnit.DAYS.between(decided, today);
    if (days >= ALERT_SECOND_DAYS) {
      return Optional.of(ALERT_SECOND_DAYS);
    }
    return days >= ALERT_FIRST_DAYS ? Optional.of(ALERT_FIRST_DAYS) : Optional.empty();
  }
}
