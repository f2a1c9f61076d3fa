package se.socialportal.admin.nyckeltal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The nyckeltal_snapshot table (V150): written once per tenant and month, read ever after. */
final class SnapshotRepository {

  private static final String FIND = "SELECT month, figures, definition_version, computed_at, computed_by "
    + "FROM nyckeltal_snapshot WHERE tenant_id = $1 AND month = $2";
  /** The first snapshot of a month wins: a second attempt (another server, a repeated request) changes nothing. */
  private static final String INSERT = "INSERT INTO nyckeltal_snapshot (tenant_id, month, figures, definition_version, "
    + "computed_at, computed_by, computed_by_staff) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    + "ON CONFLICT (tenant_id, month) DO NOTHING";
  private static final String RANGE = "SELECT month, figures, definition_version, computed_at, computed_by "
    + "FROM nyckeltal_snapshot WHERE tenant_id = $1 AND month BETWEEN $2 AND $3 ORDER BY month";
  private static final String TENANTS = "SELECT id FROM tenant ORDER BY id";

  /** A stored month. */
  record Snapshot(YearMonth month, JsonObject figures, String definitionVersion, Instant computedAt,
                  String computedBy) {
  }

  private SnapshotRepository() {
  }

  static Future<Optional<Snapshot>> find(SqlClient client, String tenantId, YearMonth month) {
    return client.preparedQuery(FIND).execute(Tuple.of(tenantId, month.atDay(1)))
      .map(rows -> rows.size() == 0 ? Optional.<Snapshot>empty() : Optional.of(snapshot(rows.iterator().next())));
  }

  static Future<Void> insert(SqlClient client, String tenantId, YearMonth month, JsonObject figures, Instant at,
                             Optional<UUID> staff) {
    return client.preparedQuery(INSERT).execute(Tuple.of(tenantId, month.atDay(1), figures,
        figures.getString("definitionVersion"), OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
        staff.isPresent() ? "staff" : "job", staff.orElse(null))).mapEmpty();
  }

  static Future<List<Snapshot>> range(SqlClient client, String tenantId, YearMonth from, YearMonth to) {
    return client.preparedQuery(RANGE).execute(Tuple.of(tenantId, from.atDay(1), to.atDay(1))).map(rows -> {
      List<Snapshot> snapshots = new ArrayList<>();
      rows.forEach(row -> snapshots.add(snapshot(row)));
      return snapshots;
    });
  }

  static Future<List<String>> tenants(SqlClient client) {
    return client.query(TENANTS).execute().map(rows -> {
      List<String> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getString("id")));
      return ids;
    });
  }

  private static Snapshot snapshot(Row row) {
    LocalDate month = row.getLocalDate("month");
    Object figures = row.getValue("figures");
    return new Snapshot(YearMonth.from(month), figures instanceof JsonObject json ? json : new JsonObject(
      String.valueOf(figures)), row.getString("definition_version"), row.getOffsetDateTime("computed_at").toInstant(),
      row.getString("computed_by"));
  }
}
