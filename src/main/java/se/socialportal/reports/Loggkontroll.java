package se.socialportal.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loggkontroll (SoLPuL 10 §: systematic, recurring checks of access): staff access to people's data in a period,
 * optionally for one staff member, one person or one kind of event, with three flags — access to a person without an
 * open case, access to a person with protected personal data, and refused attempts (an action ending in
 * {@code _refused}: a 404 on a case that was not the staff member's to see, a decision outside the delegation).
 * "Open case" here: an application of the person that is under handling, or was decided or paid within three months
 * before the access (Norrtälje's "ej avhörd" horizon). Times are given in Swedish local time as well.
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
    + "AND ($6::text IS NULL OR e.action = $6) "
    + "ORDER BY e.at, e.id LIMIT 10000";
  /** The kinds of event staff caused in the period, for the page's filter. */
  private static final String ACTIONS = "SELECT DISTINCT action FROM audit_event WHERE tenant_id = $1 "
    + "AND actor_kind = 'staff' AND person_id IS NOT NULL AND at >= $2 AND at < $3 ORDER BY action";

  /** What to include: the period, and optionally one staff member, one person, one kind of event. */
  public record Filter(ReportPeriod period, Optional<UUID> staff, Optional<UUID> person, Optional<String> action) {
  }

  private Loggkontroll() {
  }

  public static Future<JsonObject> report(SqlClient client, String tenantId, Filter filter) {
    ReportPeriod period = filter.period();
    return client.preparedQuery(REPORT).execute(Tuple.of(tenantId, period.start(), period.end(),
      filter.staff().orElse(null), filter.person().orElse(null), filter.action().orElse(null))).compose(rows -> {
        JsonArray entries = new JsonArray();
        int withoutCase = 0;
        int protectedAccess = 0;
        int refused = 0;
        for (Row row : rows) {
          boolean noCase = !row.getBoolean("open_case");
          boolean isProtected = !"none".equals(row.getString("protection"));
          boolean wasRefused = row.getString("action").endsWith("_refused");
          withoutCase += noCase ? 1 : 0;
          protectedAccess += isProtected ? 1 : 0;
          refused += wasRefused ? 1 : 0;
          entries.add(new JsonObject().put("at", row.getOffsetDateTime("at").toInstant().toString())
            .put("localTime", ReportPeriod.localTime(row.getOffsetDateTime("at")))
            .put("staffId", row.getUUID("staff_id").toString()).put("staff", row.getString("staff"))
            .put("action", row.getString("action")).put("personId", row.getUUID("person_id").toString())
            .put("person", row.getString("person"))
            .put("caseId", row.getUUID("case_id") == null ? null : row.getUUID("case_id").toString())
            .put("flagNoOpenCase", noCase).put("flagProtectedIdentity", isProtected).put("refused", wasRefused));
        }
        JsonObject report = new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
          .put("entries", entries).put("count", entries.size())
          .put("flaggedNoOpenCase", withoutCase).put("flaggedProtectedIdentity", protectedAccess)
          .put("refused", refused);
        return client.preparedQuery(ACTIONS).execute(Tuple.of(tenantId, period.start(), period.end()))
          .map(actions -> {
            List<Object> list = new ArrayList<>();
            actions.forEach(action -> list.add(action.getString("action")));
            return report.put("actions", new JsonArray(list));
          });
      });
  }

  /** The same entries as CSV (semicolons, BOM, local time), for a spreadsheet. */
  public static String csv(JsonObject report) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("Loggkontroll\r\n");
    out.append("Period: ").append(report.getString("from")).append(" – ").append(report.getString("to")).append("\r\n");
    out.append("Tid (svensk tid);Personal;Händelse;Person;Ärende;Utan öppet ärende;Skyddade personuppgifter;Nekad\r\n");
    for (Object item : report.getJsonArray("entries")) {
      JsonObject entry = (JsonObject) item;
      out.append(entry.getString("localTime")).append(';')
        .append(DelegationsbeslutList.cell(entry.getString("staff"))).append(';')
        .append(DelegationsbeslutList.cell(entry.getString("action"))).append(';')
        .append(DelegationsbeslutList.cell(entry.getString("person"))).append(';')
        .append(entry.getString("caseId") == null ? "" : entry.getString("caseId")).append(';')
        .append(yes(entry.getBoolean("flagNoOpenCase"))).append(';')
        .append(yes(entry.getBoolean("flagProtectedIdentity"))).append(';')
        .append(yes(entry.getBoolean("refused"))).append("\r\n");
    }
    out.append("Antal händelser ").append(report.getInteger("count")).append("\r\n");
    return out.toString();
  }

  private static String yes(boolean flag) {
    return flag ? "ja" : "nej";
  }
}
