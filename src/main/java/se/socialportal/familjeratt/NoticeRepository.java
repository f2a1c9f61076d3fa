package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code fr_paternity_notice}: Skatteverket's notifications and how far their follow-up has come. Public for
 * what demo data seeds through the owner: a registered notice.
 */
public final class NoticeRepository {

  /** A notice; the stage says what was last done. */
  record Notice(UUID id, String tenantId, LocalDate childBirthDate, UUID birthParentId, Optional<UUID> otherParentId,
                String source, String stage, int reminders, Optional<Instant> lastContactAt, Optional<UUID> bookingId,
                Instant createdAt) {

    boolean concerns(UUID person) {
      return birthParentId.equals(person) || otherParentId.map(person::equals).orElse(false);
    }
  }

  private static final String COLUMNS = "id, tenant_id, child_birth_date, birth_parent_id, other_parent_id, source, "
    + "stage, reminders, last_contact_at, booking_id, created_at";
  // ON CONFLICT DO NOTHING: a birth already notified (an import file read twice) is not registered again.
  private static final String INSERT = "INSERT INTO fr_paternity_notice (tenant_id, child_birth_date, birth_parent_id, "
    + "other_parent_id, source, stage, registered_by, created_at) VALUES ($1, $2, $3, $4, $5, 'registered', $6, $7) "
    + "ON CONFLICT (tenant_id, birth_parent_id, child_birth_date) DO NOTHING RETURNING id";
  private static final String LIST = "SELECT " + COLUMNS + " FROM fr_paternity_notice WHERE tenant_id = $1 "
    + "ORDER BY (stage = 'closed'), created_at DESC LIMIT 500";
  private static final String FIND = "SELECT " + COLUMNS + " FROM fr_paternity_notice WHERE id = $1 AND tenant_id = $2";
  private static final String OPEN_FOR = "SELECT " + COLUMNS + " FROM fr_paternity_notice WHERE tenant_id = $1 "
    + "AND (birth_parent_id = $2 OR other_parent_id = $2) AND stage IN ('invited', 'reminded', 'summoned') "
    + "ORDER BY created_at";
  // The follow-up works on notices that are registered (to invite) or waiting for an answer (to remind or summon).
  private static final String DUE = "SELECT " + COLUMNS + " FROM fr_paternity_notice WHERE stage = 'registered' "
    + "OR (stage IN ('invited', 'reminded') AND last_contact_at <= $1) ORDER BY created_at LIMIT 200 "
    + "FOR UPDATE SKIP LOCKED";
  private static final String ADVANCE = "UPDATE fr_paternity_notice SET stage = $2, reminders = $3, last_contact_at = $4 "
    + "WHERE id = $1";
  private static final String BOOKED = "UPDATE fr_paternity_notice SET stage = 'booked', booking_id = $2 WHERE id = $1";
  private static final String REOPEN = "UPDATE fr_paternity_notice SET stage = 'reminded', booking_id = NULL, "
    + "last_contact_at = $2 WHERE booking_id = $1 AND stage = 'booked'";
  private static final String CLOSE = "UPDATE fr_paternity_notice SET stage = 'closed', closed_at = $3 "
    + "WHERE id = $1 AND tenant_id = $2 AND stage <> 'closed' RETURNING id";

  private NoticeRepository() {
  }

  /** The new notice's id, or empty when the birth was already notified. */
  public static Future<Optional<UUID>> insert(SqlClient tx, String tenantId, LocalDate birth, UUID birthParent,
                                              Optional<UUID> otherParent, String source, Optional<UUID> staffId,
                                              Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, birth, birthParent, otherParent.orElse(null), source,
      staffId.orElse(null)).addValue(Sql.utc(now))).map(rows -> Sql.first(rows, row -> row.getUUID("id")));
  }

  static Future<List<Notice>> list(SqlClient client, String tenantId) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenantId)).map(NoticeRepository::all);
  }

  static Future<Optional<Notice>> find(SqlClient client, String tenantId, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id, tenantId)).map(rows -> Sql.first(rows, NoticeRepository::map));
  }

  /** Notices waiting for this parent to book. */
  static Future<List<Notice>> openFor(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(OPEN_FOR).execute(Tuple.of(tenantId, personId)).map(NoticeRepository::all);
  }

  /** Notices to invite, or whose last letter is older than {@code contactedBefore}; locked for this transaction. */
  static Future<List<Notice>> due(SqlClient tx, Instant contactedBefore) {
    return tx.preparedQuery(DUE).execute(Tuple.of(Sql.utc(contactedBefore))).map(NoticeRepository::all);
  }

  static Future<Void> advance(SqlClient tx, UUID id, String stage, int reminders, Instant now) {
    return tx.preparedQuery(ADVANCE).execute(Tuple.of(id, stage, reminders, Sql.utc(now))).mapEmpty();
  }

  static Future<Void> booked(SqlClient tx, UUID id, UUID bookingId) {
    return tx.preparedQuery(BOOKED).execute(Tuple.of(id, bookingId)).mapEmpty();
  }

  /** The booking that answered a notice fell through: the follow-up goes on from the last reminder. */
  static Future<Void> reopen(SqlClient tx, UUID bookingId, Instant now) {
    return tx.preparedQuery(REOPEN).execute(Tuple.of(bookingId, Sql.utc(now))).mapEmpty();
  }

  static Future<Boolean> close(SqlClient tx, String tenantId, UUID id, Instant now) {
    return tx.preparedQuery(CLOSE).execute(Tuple.of(id, tenantId, Sql.utc(now))).map(rows -> rows.size() == 1);
  }

  private static List<Notice> all(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Notice> list = new ArrayList<>();
    rows.forEach(row -> list.add(map(row)));
    return list;
  }

  private static Notice map(Row row) {
    return new Notice(row.getUUID("id"), row.getString("tenant_id"), row.getLocalDate("child_birth_date"),
      row.getUUID("birth_parent_id"), Optional.ofNullable(row.getUUID("other_parent_id")), row.getString("source"),
      row.getString("stage"), row.getInteger("reminders"), Optional.ofNullable(Sql.instant(row, "last_contact_at")),
      Optional.ofNullable(row.getUUID("booking_id")), Sql.instant(row, "created_at"));
  }
}
