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

  /** True when the failure is the database refusing a second appointment on a time already held. */
  static boolean isDoubleBooking(Throwable failure) {
    return failure instanceof PgException && EXCLUSION_VIOLATION.equals(((PgException) failure).getSqlState());
  }
}
