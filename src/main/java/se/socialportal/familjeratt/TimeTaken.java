package se.socialportal.familjeratt;

import java.time.Instant;
import java.util.List;

/**
 * The time asked for is not (or no longer) free: someone else got it first, or it was never on offer. Answered with
 * 409, a friendly message and the next free times, so the resident can pick another at once.
 */
final class TimeTaken extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Instant> nextTimes;

  TimeTaken(List<Instant> nextTimes) {
    super("time_taken", null, false, false);
    this.nextTimes = List.copyOf(nextTimes);
  }

  List<Instant> nextTimes() {
    return nextTimes;
  }
}
