package se.socialportal.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;

import java.util.Optional;
import java.util.UUID;

/**
 * Loggkontroll (SoLPuL 10 §: systematic, recurring checks of access): staff access to people's data in a period,
 * optionally for one staff member or one person, with two flags — access to a person without an open case, and
 * access to a person with protected personal data. "Open case" here: an application of the person that is under
 * handling, or was decided or paid within three months before the access (Norrtälje's "ej avhörd" horizon).
 */
public final class Loggkontroll {

  private static final String REPORT = "SELECT e.at, e.action, e.case_id, e.person_id, s.id AS staff_id, s.name AS staff, "
    + "trim(coalesce(p.given_name, '') || ' ' || coalesce(p.surname, '')) AS person, p.protection, "
    + "EXISTS (SELECT 1 FROM application a WHERE a.tenant_id = e.tenant_id "
    + "AND (a.applicant_id = e.person_id OR a.co_applicant_id = e.person_id) AND a.created_at <= e.at "
    + "AND (a.status IN " + ApplicationStatus.sqlList(ApplicationStatus.IN_CASEWORK) + " "
    + "OR (a.status IN " + ApplicationStatus.sqlList(ApplicationStatus.DECIDED_OR_LATER)
    + " AND a.updated_at >= e.at - interval '3 months'))) AS open_case "
    + "FROM audit_event e JOIN staff_member s ON s.id = e.actor_staff_id JOIN person p ON p.id = e.person_id "
    + "WHERE e.tenant_id = $1 AND e.actor_kind = 'staff' AND e.at >= $2 AND e.at < $3 "
    + "AND ($4::uuid IS NULL OR e.actor_staff_id = $4) AND ($5::uuid IS NULL OR e.person_id = $5) "
    + "ORDER BY e.at, e.id LIMIT 10000";

  private Loggkontroll() {
  }

  public static Future<JsonObject> report(SqlClient client, String tenantId, ReportPeriod period, Optional<UUID> staff,
                                          Optional<UUID> person) {
    return client.preparedQuery(REPORT).execute(Tuple.of(tenantId, period.start(), period.end(), staff.orElse(null),
      person.orElse(null))).map(rows -> {
        JsonArray entries = new JsonArray();
        int withoutCase = 0;
        int protectedAccess = 0;
        for (Row row : rows) {
          boolean noCase = !row.getBoolean("open_case");
          boolean isProtected = !"none".equals(row.getString("protection"));
          withoutCase += noCase ? 1 : 0;
          protectedAccess += isProtected ? 1 : 0;
          entries.add(new JsonObject().put("at", row.getOffsetDateTime("at").toInstant().toString())
            .put("staffId", row.getUUID("staff_id").toString()).put("staff", row.getString("staff"))
            .put("action", row.getString("action")).put("personId", row.getUUID("person_id").toString())
            .put("person", row.getString("person"))
            .put("caseId", row.getUUID("case_id") == null ? null : row.getUUID("case_id").toString())
            .put("flagNoOpenCase", noCase).put("flagProtectedIdentity", isProtected));
        }
        return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
          .put("entries", entries).put("count", entries.size())
          .put("flaggedNoOpenCase", withoutCase).put("flaggedProtectedIdentity", protectedAccess);
      });
  }
}
