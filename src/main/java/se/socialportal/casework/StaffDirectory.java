package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Colleagues in one's municipality (to reassign a case or name a deputy) and staff absences with their
 * ställföreträdare. Anyone registers their own absence; a gruppledare or enhetschef also registers others'.
 */
public final class StaffDirectory {

  private static final String COLLEAGUES = "SELECT id, name, roles FROM staff_member WHERE tenant_id = $1 ORDER BY name";
  private static final String ABSENCES = "SELECT ab.id, ab.from_date, ab.to_date, ab.reason, s.name AS absent, "
    + "d.name AS deputy FROM staff_absence ab JOIN staff_member s ON s.id = ab.staff_id "
    + "JOIN staff_member d ON d.id = ab.deputy_id WHERE ab.tenant_id = $1 AND ab.to_date >= $2 "
    + "ORDER BY ab.from_date DESC";
  private static final String IN_TENANT = "SELECT count(*) FROM staff_member WHERE tenant_id = $1 AND id = ANY($2)";
  private static final String INSERT = "INSERT INTO staff_absence (tenant_id, staff_id, from_date, to_date, deputy_id, "
    + "reason, registered_by, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /** Absences that ended longer ago than this are no longer listed. */
  private static final int LISTED_DAYS_AFTER_END = 30;

  private final Pool pool;
  private final Clock clock;

  public StaffDirectory(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<JsonObject> colleagues(Session session) {
    CaseworkRoles.requireCaseRole(session);
    return pool.preparedQuery(COLLEAGUES).execute(Tuple.of(session.tenantId())).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        list.add(new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
          .put("roles", new JsonArray(java.util.List.of(row.getArrayOfStrings("roles")))));
      }
      return new JsonObject().put("staff", list);
    });
  }

  public Future<JsonObject> absences(Session session) {
    CaseworkRoles.requireCaseRole(session);
    LocalDate since = LocalDate.now(clock.withZone(STOCKHOLM)).minusDays(LISTED_DAYS_AFTER_END);
    return pool.preparedQuery(ABSENCES).execute(Tuple.of(session.tenantId(), since)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        list.add(new JsonObject().put("id", row.getUUID("id").toString()).put("absent", row.getString("absent"))
          .put("deputy", row.getString("deputy")).put("from", row.getLocalDate("from_date").toString())
          .put("to", row.getLocalDate("to_date").toString()).put("reason", row.getString("reason")));
      }
      return new JsonObject().put("absences", list);
    });
  }

  public Future<JsonObject> registerAbsence(Session session, JsonObject body) {
    CaseworkRoles.requireCaseRole(session);
    String staffId = JsonFields.optionalText(body, "staffId");
    UUID absent = staffId == null ? session.staffMemberId() : CaseworkRoutes.uuidField(staffId);
    if (!absent.equals(session.staffMemberId())) {
      CaseworkRoles.require(session, CaseworkRoles.DISTRIBUTORS);
    }
    UUID deputy = CaseworkRoutes.uuidField(JsonFields.optionalText(body, "deputyId"));
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(JsonFields.text(body, "from"));
      to = LocalDate.parse(JsonFields.text(body, "to"));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("from", "date_invalid");
    }
    String reason = JsonFields.text(body, "reason").strip();
    if (to.isBefore(from) || deputy.equals(absent)) {
      throw ApiException.invalid("to", "absence_invalid");
    }
    if (reason.length() < 2 || reason.length() > 500) {
      throw ApiException.invalid("reason", "absence_reason_required");
    }
    return pool.withTransaction(tx -> tx.preparedQuery(IN_TENANT)
      .execute(Tuple.of(session.tenantId()).addArrayOfUUID(new UUID[] {absent, deputy}))
      .compose(rows -> rows.iterator().next().getLong(0) != 2
        ? Future.failedFuture(ApiException.invalid("deputyId", "staff_unknown"))
        : tx.preparedQuery(INSERT).execute(Tuple.of(session.tenantId(), absent, from, to, deputy, reason,
          session.staffMemberId()).addValue(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
      .map(rows -> new JsonObject().put("id", rows.iterator().next().getUUID("id").toString())));
  }
}
