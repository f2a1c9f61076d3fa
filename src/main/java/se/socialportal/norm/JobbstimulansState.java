package se.socialportal.norm;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Whether jobbstimulans applies to a person in a month, and the window it belongs to.
 *
 * @param from  first month of the window (the month after the qualifying months); null when never qualified
 * @param until last month of the window; null when never qualified
 */
public record JobbstimulansState(boolean active, YearMonth from, YearMonth until) {

  public static JobbstimulansState inactive() {
    return new JobbstimulansState(false, null, null);
  }

  public Optional<YearMonth> windowStart() {
    return Optional.ofNullable(from);
  }

  public Optional<YearMonth> windowEnd() {
    return Optional.ofNullable(until);
  }
}
