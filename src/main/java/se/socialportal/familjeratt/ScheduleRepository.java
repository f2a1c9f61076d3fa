package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code fr_schedule} (weekly hours) and {@code fr_schedule_exception} (holidays, sick days, leave). Public
 * for what demo data seeds through the owner: weekly hours.
 */
public final class ScheduleRepository {

  /** A weekly stretch as staff manage it. */
  record Entry(UUID id, UUID staffId, String staffName, FreeTimes.Weekly hours) {
  }

  /** An exception to the hours (a closure), as staff see it. */
  record Closure(UUID id, Optional<UUID> staffId, Optional<String> staffName, Instant start, Instant end,
                   String reason, Optional<String> note) {
  }

  private static final String ACTIVE = "SELECT s.id, s.staff_id, m.name, s.unit, s.weekday, s.start_time, s.end_time, "
    + "s.valid_from, s.valid_to, s.office FROM fr_schedule s JOIN staff_member m ON m.id = s.staff_id "
    + "WHERE s.tenant_id = $1 AND s.removed_at IS NULL AND (s.valid_to IS NULL OR s.valid_to >= $2) "
    + "ORDER BY m.name, s.weekday, s.start_time";
  /** Every weekly stretch not removed, for {@link PublishedHours}' copy: it filters by date itself. */
  private static final String HOURS = "SELECT staff_id, unit, weekday, start_time, end_time, valid_from, valid_to, "
    + "office FROM fr_schedule WHERE tenant_id = $1 AND removed_at IS NULL ORDER BY staff_id, weekday, start_time";
  private static final String VERSION = "SELECT coalesce((SELECT version FROM fr_schedule_version WHERE tenant_id = $1), 0)";
  private static final String INSERT = "INSERT INTO fr_schedule (tenant_id, staff_id, unit, weekday, start_time, "
    + "end_time, valid_from, valid_to, office, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
    + "RETURNING id";
  private static final String REMOVE = "UPDATE fr_schedule SET removed_at = $3 WHERE id = $1 AND tenant_id = $2 "
    + "AND removed_at IS NULL RETURNING id";
  private static final String EXCEPTIONS = "SELECT e.id, e.staff_id, m.name, lower(e.during) AS starts_at, "
    + "upper(e.during) AS ends_at, e.reason, e.note FROM fr_schedule_exception e LEFT JOIN staff_member m "
    + "ON m.id = e.staff_id WHERE e.tenant_id = $1 AND e.during && tstzrange($2, $3) ORDER BY lower(e.during)";
  private static final String INSERT_EXCEPTION = "INSERT INTO fr_schedule_exception (tenant_id, staff_id, during, "
    + "reason, note, created_by, created_at) VALUES ($1, $2, tstzrange($3, $4), $5, $6, $7, $8) RETURNING id";
  private static final String HAS_HOURS = "SELECT EXISTS (SELECT 1 FROM fr_schedule WHERE staff_id = $1)";
  private static final String STAFF_IN_TENANT = "SELECT name FROM staff_member WHERE id = $1 AND tenant_id = $2 "
    + "AND 'familjerattssekreterare' = ANY(roles)";

  private ScheduleRepository() {
  }

  /** Hours in force on or after {@code from}. */
  static Future<List<Entry>> active(SqlClient client, String tenantId, LocalDate from) {
    return client.preparedQuery(ACTIVE).execute(Tuple.of(tenantId, from)).map(rows -> {
      List<Entry> entries = new ArrayList<>();
      for (Row row : rows) {
        entries.add(new Entry(row.getUUID("id"), row.getUUID("staff_id"), row.getString("name"), weekly(row)));
      }
      return entries;
    });
  }

  /** The tenant's weekly hours not removed, whatever their dates. */
  static Future<List<FreeTimes.Weekly>> hours(SqlClient client, String tenantId) {
    return client.preparedQuery(HOURS).execute(Tuple.of(tenantId)).map(rows -> {
      List<FreeTimes.Weekly> hours = new ArrayList<>();
      for (Row row : rows) {
        hours.add(weekly(row));
      }
      return List.copyOf(hours);
    });
  }

  /** The version of the tenant's hours: changes with every change of them (fr_schedule's trigger), 0 before any. */
  static Future<Long> version(SqlClient client, String tenantId) {
    return client.preparedQuery(VERSION).execute(Tuple.of(tenantId)).map(rows -> rows.iterator().next().getLong(0));
  }

  private static FreeTimes.Weekly weekly(Row row) {
    return new FreeTimes.Weekly(row.getUUID("staff_id"), row.getString("unit"), row.getString("office"),
      DayOfWeek.of(row.getInteger("weekday")), row.getLocalTime("start_time"), row.getLocalTime("end_time"),
      row.getLocalDate("valid_from"), Optional.ofNullable(row.getLocalDate("valid_to")));
  }

  public static Future<UUID> insert(SqlClient client, String tenantId, FreeTimes.Weekly hours, UUID createdBy,
                                    Instant now) {
    return client.preparedQuery(INSERT).execute(Tuple.of(tenantId, hours.staffId(), hours.unit(),
        hours.weekday().getValue(), hours.start(), hours.end(), hours.validFrom(), hours.validTo().orElse(null))
      .addValue(hours.office()).addValue(createdBy).addValue(Sql.utc(now)))
      .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** Whether the staff member has ever had weekly hours (removed ones count: they were set once). */
  public static Future<Boolean> hasHours(SqlClient client, UUID staffId) {
    return client.preparedQuery(HAS_HOURS).execute(Tuple.of(staffId)).map(rows -> rows.iterator().next().getBoolean(0));
  }

  static Future<Boolean> remove(SqlClient client, String tenantId, UUID id, Instant now) {
    return client.preparedQuery(REMOVE).execute(Tuple.of(id, tenantId, Sql.utc(now))).map(rows -> rows.size() == 1);
  }

  static Future<List<Closure>> exceptions(SqlClient client, String tenantId, Instant from, Instant to) {
    return client.preparedQuery(EXCEPTIONS).execute(Tuple.of(tenantId, Sql.utc(from), Sql.utc(to))).map(rows -> {
      List<Closure> list = new ArrayList<>();
      for (Row row : rows) {
        list.add(new Closure(row.getUUID("id"), Optional.ofNullable(row.getUUID("staff_id")),
          Optional.ofNullable(row.getString("name")), Sql.instant(row, "starts_at"), Sql.instant(row, "ends_at"),
          row.getString("reason"), Optional.ofNullable(row.getString("note"))));
      }
      return list;
    });
  }

  static Future<UUID> insertException(SqlClient client, String tenantId, Optional<UUID> staffId, Instant start,
                                      Instant end, String reason, String note, UUID createdBy, Instant now) {
    return client.preparedQuery(INSERT_EXCEPTION).execute(Tuple.of(tenantId, staffId.orElse(null), Sql.utc(start),
        Sql.utc(end), reason, note).addValue(createdBy).addValue(Sql.utc(now)))
      .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** The familjerättssekreterare's name if they belong to the tenant; empty for anyone else. */
  static Future<Optional<String>> familjerattStaff(SqlClient client, String tenantId, UUID staffId) {
    return client.preparedQuery(STAFF_IN_TENANT).execute(Tuple.of(staffId, tenantId))
      .map(rows -> Sql.first(rows, row -> row.getString("name")));
  }
}
