package se.socialportal.overklagande;

import se.socialportal.platform.time.SwedishCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The time limits of an appeal, as plain date arithmetic. FL 44 §: the appeal must have arrived within three weeks
 * from the day the appellant got the decision. Lag (1930:173) om beräkning av lagstadgad tid: a last day on a
 * Saturday, Sunday, allmän helgdag (lag (1989:253)), midsommarafton, julafton or nyårsafton moves to the next weekday
 * that is none of these. FL 46 §: an appeal the nämnd does not change goes on to the court skyndsamt; the tenant
 * sets how many days that is for it.
 */
public final class AppealDeadlines {

  static final int WEEKS = 3;

  private AppealDeadlines() {
  }

  /** The last day an appeal of a decision the appellant got on {@code delivered} may arrive. */
  public static LocalDate deadline(LocalDate delivered) {
    return SwedishCalendar.sameOrNextWorkingDay(delivered.plusWeeks(WEEKS));
  }

  /** Late when it arrived after the deadline; it is received and flagged all the same (FL 45 §: the nämnd decides). */
  public static boolean late(LocalDate arrived, LocalDate deadline) {
    return arrived.isAfter(deadline);
  }

  /** The day the appeal should be with the court, from the day it arrived; empty when the tenant set no target. */
  public static Optional<LocalDate> forwardBy(LocalDate arrived, Optional<Integer> withinDays) {
    return withinDays.map(arrived::plusDays);
  }
}
