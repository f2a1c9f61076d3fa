package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code fr_appointment}. An insert or a longer meeting that would overlap a live appointment of the same staff
 * member fails with {@link Sql#EXCLUSION_VIOLATION}: the database, not a check before the insert, keeps one booking
 * per time.
 */
final class AppointmentRepository {

  /** Statuses that hold their time on the calendar (the constraint's WHERE). */
  static final List<String> LIVE = List.of("held", "confirmed", "attended", "no_show");

  /** An appointment. {@code personId} empty = all parties together. */
  record Appointment(UUID id, UUID bookingId, UUID staffId, Optional<UUID> personId, String kind, Instant start,
                     Instant end, String status, String place, Optional<String> office, Optional<String> meetingLink,
                     Optional<String> interpreterLanguage, Optional<Instant> remindedAt) {

    boolean live() {
      return LIVE.contains(status);
    }

    boolean upcoming() {
      return "held".equals(status) || "confirmed".equals(status);
    }

    /** Whether the person takes part: a joint meeting, or their own. */
    boolean attendedBy(UUID person) {
      return personId.map(person::equals).orElse(true);
    }
  }

  /** A new appointment. */
  record New(String tenantId, UUID bookingId, UUID staffId, Optional<UUID> personId, String kind, Instant start,
             Instant end, String status, String place, Optional<String> office, Optional<String> meetingLink,
             Optional<String> interpreterLanguage) {
  }

  private static final String COLUMNS = "id, booking_id, staff_id, person_id, kind, lower(during) AS starts_at, "
    + "upper(during) AS ends_at, status, place, office, meeting_link, interpreter_language, reminded_at";
  private static final String BUSY = "SELECT staff_id, lower(during) AS starts_at, upper(during) AS ends_at "
    + "FROM fr_appointment WHERE tenant_id = $1 AND during && tstzrange($2, $3) "
    + "AND status IN ('held', 'confirmed', 'attended', 'no_show')";
  /**
   * Every quarter of an hour the meeting touches, for the staff member, as transaction-scoped advisory locks taken
   * without waiting: two overlapping meetings share at least one such quarter, so at most one of them is in flight.
   */
  private static final String TRY_LOCK = "(SELECT bool_and(pg_try_advisory_xact_lock(hashtextextended('fr_appointment:' "
    + "|| %1$s::uuid::text || ':' || quarter, 0))) FROM generate_series(%2$s::bigint, %3$s::bigint) quarter)";
  private static final long QUARTER_SECONDS = 15 * 60;
  private static final String LIVE_OVERLAP = "EXISTS (SELECT 1 FROM fr_appointment WHERE staff_id = $1 "
    + "AND during && tstzrange($4, $5) AND status IN ('held', 'confirmed', 'attended', 'no_show'))";
  private static final String CLAIM = "SELECT " + String.format(TRY_LOCK, "$1", "$2", "$3") + " AND NOT " + LIVE_OVERLAP;
  private static final String INSERT = "INSERT INTO fr_appointment (tenant_id, booking_id, staff_id, person_id, kind, "
    + "during, status, place, office, meeting_link, interpreter_language, created_at, updated_at) "
    + "SELECT $1::text, $2::uuid, $3::uuid, $4::uuid, $5::text, tstzrange($6::timestamptz, $7::timestamptz), $8::text, "
    + "$9::text, $10::text, $11::text, $12::text, $13::timestamptz, $13::timestamptz WHERE "
    + String.format(TRY_LOCK, "$3", "$14", "$15") + " RETURNING id";
  private static final String OF_BOOKING = "SELECT " + COLUMNS + " FROM fr_appointment WHERE booking_id = $1 "
    + "ORDER BY lower(during), id";
  private static final String OF_BOOKINGS = "SELECT " + COLUMNS + " FROM fr_appointment WHERE booking_id = ANY($1) "
    + "ORDER BY lower(during), id";
  private static final String LOCK = "SELECT " + COLUMNS + " FROM fr_appointment WHERE id = $1 AND tenant_id = $2 "
    + "FOR UPDATE";
  private static final String SET_STATUS = "UPDATE fr_appointment SET status = $3, updated_at = $4 "
    + "WHERE booking_id = $1 AND status = ANY($2)";
  private static final String SET_ONE = "UPDATE fr_appointment SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String ASSIGN = "UPDATE fr_appointment SET person_id = $2, updated_at = $3 WHERE id = $1";
  private static final String RESIZE = "UPDATE fr_appointment SET during = tstzrange(lower(during), $2), "
    + "interpreter_language = $3, updated_at = $4 WHERE id = $1";
  private static final String DUE = "SELECT a.id, a.tenant_id, a.booking_id, a.person_id, b.booker_id, b.other_parent_id "
    + "FROM fr_appointment a JOIN fr_booking b ON b.id = a.booking_id WHERE a.status = 'confirmed' "
    + "AND a.reminded_at IS NULL AND lower(a.during) >= $1 AND lower(a.during) < $2 ORDER BY lower(a.during) "
    + "LIMIT 500 FOR UPDATE OF a SKIP LOCKED";
  private static final String REMINDED = "UPDATE fr_appointment SET reminded_at = $2 WHERE id = $1";

  private static final String CALENDAR = "SELECT a.id, a.booking_id, a.staff_id, a.person_id, a.kind, "
    + "lower(a.during) AS starts_at, upper(a.during) AS ends_at, a.status, a.place, a.office, a.meeting_link, "
    + "a.interpreter_language, a.reminded_at FROM fr_appointment a WHERE a.tenant_id = $1 AND a.during && tstzrange($2, $3) "
    + "AND a.status IN ('held', 'confirmed', 'attended', 'no_show') ORDER BY lower(a.during), a.id";

  private AppointmentRepository() {
  }

  /** The tenant's live appointments overlapping [from, to), for the staff's calendar. */
  static Future<List<Appointment>> calendar(SqlClient client, String tenantId, Instant from, Instant to) {
    return client.preparedQuery(CALENDAR).execute(Tuple.of(tenantId, Sql.utc(from), Sql.utc(to)))
      .map(AppointmentRepository::list);
  }

  /** Live appointments overlapping [from, to), as busy time per staff member. */
  static Future<List<FreeTimes.Busy>> busy(SqlClient client, String tenantId, Instant from, Instant to) {
    return client.preparedQuery(BUSY).execute(Tuple.of(tenantId, Sql.utc(from), Sql.utc(to))).map(rows -> {
      List<FreeTimes.Busy> busy = new ArrayList<>();
      for (Row row : rows) {
        busy.add(new FreeTimes.Busy(Optional.of(row.getUUID("staff_id")), Sql.instant(row, "starts_at"),
          Sql.instant(row, "ends_at")));
      }
      return busy;
    });
  }

  /**
   * Takes the staff member's time for this transaction before anything is written, or says at once that it is lost:
   * false when another transaction is inserting an overlapping appointment right now (it holds one of the time's
   * advisory locks, {@link #insert}'s) or one is already there. A burst of residents asking for one newly released
   * time thus answers every loser at once instead of queueing them behind each other's transactions.
   */
  static Future<Boolean> claim(SqlClient tx, UUID staffId, Instant start, Instant end) {
    return tx.preparedQuery(CLAIM).execute(Tuple.of(staffId, firstQuarter(start), lastQuarter(end), Sql.utc(start),
      Sql.utc(end))).map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean(0)));
  }

  /**
   * Inserts the appointment; the exclusion constraint refuses one that overlaps another of the staff member's. The
   * insert first takes, without waiting, the advisory locks on the quarters of an hour of the staff member's time it
   * covers (again, when {@link #claim} took them): two overlapping inserts in flight at once would otherwise each wait
   * for the other's entry in the constraint's index until PostgreSQL's deadlock check (a second later) aborted one.
   * Here the second finds a lock taken and fails at once with {@link Sql.RaceLost}, a lost race like the constraint's
   * refusal; nobody waits in line, and inserts of times that do not overlap do not hold each other up.
   */
  static Future<UUID> insert(SqlClient tx, New appointment, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(appointment.tenantId(), appointment.bookingId(),
        appointment.staffId(), appointment.personId().orElse(null), appointment.kind(), Sql.utc(appointment.start()))
      .addValue(Sql.utc(appointment.end())).addValue(appointment.status()).addValue(appointment.place())
      .addValue(appointment.office().orElse(null)).addValue(appointment.meetingLink().orElse(null))
      .addValue(appointment.interpreterLanguage().orElse(null)).addValue(Sql.utc(now))
      .addValue(firstQuarter(appointment.start())).addValue(lastQuarter(appointment.end())))
      .compose(rows -> rows.size() == 1 ? Future.succeededFuture(rows.iterator().next().getUUID("id"))
        : Future.failedFuture(new Sql.RaceLost()));
  }

  private static long firstQuarter(Instant start) {
    return Math.floorDiv(start.getEpochSecond(), QUARTER_SECONDS);
  }

  /** The quarter holding the meeting's last moment (the end itself belongs to the next meeting). */
  private static long lastQuarter(Instant end) {
    return Math.floorDiv(end.minusNanos(1).getEpochSecond(), QUARTER_SECONDS);
  }

  static Future<List<Appointment>> ofBooking(SqlClient client, UUID bookingId) {
    return client.preparedQuery(OF_BOOKING).execute(Tuple.of(bookingId)).map(AppointmentRepository::list);
  }

  static Future<List<Appointment>> ofBookings(SqlClient client, List<UUID> bookingIds) {
    if (bookingIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery(OF_BOOKINGS).execute(Tuple.tuple().addArrayOfUUID(bookingIds.toArray(new UUID[0])))
      .map(AppointmentRepository::list);
  }

  static Future<Optional<Appointment>> lock(SqlClient tx, String tenantId, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, tenantId)).map(rows -> Sql.first(rows, AppointmentRepository::map));
  }

  /** Moves every appointment of the booking in one of {@code from} to {@code to}. */
  static Future<Void> setStatus(SqlClient tx, UUID bookingId, List<String> from, String to, Instant now) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(bookingId, from.toArray(new String[0]), to, Sql.utc(now)))
      .mapEmpty();
  }

  static Future<Void> setStatus(SqlClient tx, UUID id, String to, Instant now) {
    return tx.preparedQuery(SET_ONE).execute(Tuple.of(id, to, Sql.utc(now))).mapEmpty();
  }

  /** The meeting becomes one parent's own (staff decided the parents meet separately). */
  static Future<Void> assign(SqlClient tx, UUID id, UUID person, Instant now) {
    return tx.preparedQuery(ASSIGN).execute(Tuple.of(id, person, Sql.utc(now))).mapEmpty();
  }

  /** A new end (an interpreter's extra time); refused by the constraint if it runs into the next appointment. */
  static Future<Void> resize(SqlClient tx, UUID id, Instant end, String interpreterLanguage, Instant now) {
    return tx.preparedQuery(RESIZE).execute(Tuple.of(id, Sql.utc(end), interpreterLanguage, Sql.utc(now))).mapEmpty();
  }

  /** A confirmed appointment due for its reminder, with who takes part. */
  record Due(UUID id, String tenantId, UUID bookingId, List<UUID> people) {
  }

  /** Confirmed appointments starting in [from, to) not yet reminded, locked for this transaction. */
  static Future<List<Due>> dueReminders(SqlClient tx, Instant from, Instant to) {
    return tx.preparedQuery(DUE).execute(Tuple.of(Sql.utc(from), Sql.utc(to))).map(rows -> {
      List<Due> due = new ArrayList<>();
      for (Row row : rows) {
        UUID person = row.getUUID("person_id");
        List<UUID> people = new ArrayList<>();
        if (person != null) {
          people.add(person);
        } else {
          people.add(row.getUUID("booker_id"));
          Optional.ofNullable(row.getUUID("other_parent_id")).ifPresent(people::add);
        }
        due.add(new Due(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("booking_id"), people));
      }
      return due;
    });
  }

  static Future<Void> reminded(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(REMINDED).execute(Tuple.of(id, Sql.utc(now))).mapEmpty();
  }

  private static List<Appointment> list(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Appointment> list = new ArrayList<>();
    rows.forEach(row -> list.add(map(row)));
    return list;
  }

  static Appointment map(Row row) {
    return new Appointment(row.getUUID("id"), row.getUUID("booking_id"), row.getUUID("staff_id"),
      Optional.ofNullable(row.getUUID("person_id")), row.getString("kind"), Sql.instant(row, "starts_at"),
      Sql.instant(row, "ends_at"), row.getString("status"), row.getString("place"),
      Optional.ofNullable(row.getString("office")), Optional.ofNullable(row.getString("meeting_link")),
      Optional.ofNullable(row.getString("interpreter_language")),
      Optional.ofNullable(Sql.instant(row, "reminded_at")));
  }
}
