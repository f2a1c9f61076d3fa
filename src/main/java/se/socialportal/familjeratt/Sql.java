package se.socialportal.familjeratt;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/** Small conversions the repositories share: instants as timestamptz, optional rows, the overlap refusal. */
final class Sql {

  /** SQLSTATE exclusion_violation: fr_appointment_one_per_time refused an overlapping appointment. */
  static final String EXCLUSION_VIOLATION = "23P01";
  /**
   * SQLSTATE deadlock_detected. Two transactions inserting overlapping appointments at the same moment each enter
   * their row in the exclusion constraint's index and then each find the other's row still in progress and wait for
   * it: PostgreSQL breaks the cycle by aborting one of them with this code instead of 23P01. Under a burst of residents
   * asking for the same newly released times it is the usual way of losing the race (bench/booking.sh saw hundreds).
   */
  static final String DEADLOCK_DETECTED = "40P01";

  /**
   * Another transaction is inserting an appointment overlapping this one's for the same staff member right now (it
   * holds the time's advisory lock): the race for the time is lost, as with the constraint's refusal, without waiting
   * for that transaction to end.
   */
  static final class RaceLost extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RaceLost() {
      super("time_being_booked", null, false, false);
    }
  }

  private Sql() {
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> map) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(map.apply(it.next())) : Optional.empty();
  }

  /**
   * True when the failure is the database refusing a second appointment on a time already held — by the exclusion
   * constraint, or by the deadlock two overlapping inserts in flight at once end in — or an overlapping insert being
   * in flight ({@link RaceLost}). A transaction that books takes
   * no other contested lock, so a deadlock there is always this race.
   */
  static boolean isDoubleBooking(Throwable failure) {
    if (failure instanceof RaceLost) {
      return true;
    }
    if (!(failure instanceof PgException)) {
      return false;
    }
    String state = ((PgException) failure).getSqlState();
    return EXCLUSION_VIOLATION.equals(state) || DEADLOCK_DETECTED.equals(state);
  }
}
