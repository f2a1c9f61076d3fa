package se.socialportal.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.DelegationMatrix;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The delegationsbeslut list the nämnd receives ("Anmälan av delegationsbeslut"), in Flen's layout: Ärendetyp,
 * Beslutsperiod, Beslutsdatum, Beslutsfattare (name and title), with the totals "Antal beslut" and "Antal
 * beslutsfattare". CSV with semicolons and a BOM so Excel opens it in Swedish. No one's personnummer or name
 * as a party is in it: the list is about decisions and who took them.
 */
public final class DelegationsbeslutList {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String DECISIONS = "SELECT d.type, d.outcome, d.delegation_version, d.delegation_row, "
    + "d.decided_by_kind, d.decided_by, d.decided_by_name, d.decided_by_title, d.decided_at, a.month FROM decision d "
    + "JOIN application a ON a.id = d.application_id WHERE d.tenant_id = $1 AND d.decided_at >= $2 AND d.decided_at < $3 "
    + "AND d.delegation_valid AND ($4::uuid IS NULL OR d.decided_by = $4) ORDER BY d.decided_at, d.id";

  private DelegationsbeslutList() {
  }

  /** The list's rows (Ärendetyp, Beslutsperiod, Beslutsdatum, Beslutsfattare), optionally for one decider. */
  public static Future<JsonObject> report(SqlClient client, CaseworkRules rules, String tenantId, ReportPeriod period,
                                          Optional<UUID> decider) {
    return client.preparedQuery(DECISIONS).execute(Tuple.of(tenantId, period.start(), period.end(), decider.orElse(null)))
      .map(rows -> {
        JsonArray list = new JsonArray();
        Set<String> deciders = new HashSet<>();
        for (Row row : rows) {
          boolean automated = "automated".equals(row.getString("decided_by_kind"));
          String name = automated ? "Automatiserat beslut"
            : row.getString("decided_by_name") + " (" + row.getString("decided_by_title") + ")";
          deciders.add(row.getUUID("decided_by") == null ? "automated" : row.getUUID("decided_by").toString());
          LocalDate decided = row.getOffsetDateTime("decided_at").atZoneSameInstant(STOCKHOLM).toLocalDate();
          list.add(new JsonObject().put("arendetyp", arendetyp(rules, tenantId, row)).put("beslutsperiod", period(row))
            .put("beslutsdatum", decided.toString()).put("beslutsfattare", name)
            .put("deciderId", row.getUUID("decided_by") == null ? null : row.getUUID("decided_by").toString()));
        }
        return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
          .put("rows", list).put("count", list.size()).put("deciders", deciders.size());
      });
  }

  public static Future<String> csv(SqlClient client, CaseworkRules rules, String tenantId, ReportPeriod period,
                                   Optional<UUID> decider) {
    return report(client, rules, tenantId, period, decider).map(report -> {
      StringBuilder out = new StringBuilder("\uFEFF");
      out.append("Delegationsbeslut\r\n");
      out.append("Urval: Ekonomiskt bistånd\r\n");
      out.append("Period: ").append(period.from()).append(" – ").append(period.to()).append("\r\n");
      out.append("Ärendetyp;Beslutsperiod;Beslutsdatum;Beslutsfattare\r\n");
      for (Object item : report.getJsonArray("rows")) {
        JsonObject row = (JsonObject) item;
        out.append(cell(row.getString("arendetyp"))).append(';')
          .append(cell(row.getString("beslutsperiod"))).append(';')
          .append(row.getString("beslutsdatum")).append(';')
          .append(cell(row.getString("beslutsfattare"))).append("\r\n");
      }
      out.append("Antal beslut ").append(report.getInteger("count")).append("\r\n");
      out.append("Antal beslutsfattare ").append(report.getInteger("deciders")).append("\r\n");
      return out.toString();
    });
  }

  /**
   * "Avslag – …" for a refusal, otherwise the Ärendetyp in Flen's form ("Bistånd 12 kap. 1 § SoL Ek.B
   * försörjningsstöd") with the lagrum in force on the decision day (robots/lagrum.json), so the list cites the law
   * as the letters do; a type without a lagrum entry falls back to the delegation row's own label.
   */
  static String arendetyp(CaseworkRules rules, String tenantId, Row row) {
    LocalDate decided = row.getOffsetDateTime("decided_at").atZoneSameInstant(STOCKHOLM).toLocalDate();
    String label = DecisionType.fromCode(row.getString("type"))
      .map(type -> "Bistånd " + rules.lagrum(decided).shortForm(type) + " Ek.B " + type.label().toLowerCase(Locale.ROOT))
      .orElseGet(() -> rowLabel(rules, tenantId, row));
    return "avslag".equals(row.getString("outcome")) ? "Avslag – " + label : label;
  }

  private static String rowLabel(CaseworkRules rules, String tenantId, Row row) {
    String version = row.getString("delegation_version");
    String rowId = row.getString("delegation_row");
    return rules.versions(tenantId).stream()
      .filter(matrix -> matrix.version().equals(version)).flatMap(matrix -> matrix.rows().stream())
      .filter(candidate -> candidate.id().equals(rowId)).map(DelegationMatrix.Row::label).findFirst()
      .orElse(row.getString("type"));
  }

  /** The month decided for bistånd; other decisions run until further notice. */
  static String period(Row row) {
    String type = row.getString("type");
    if (List.of("forsorjningsstod", "livsforing_ovrigt", "skulder", "begravning").contains(type)) {
      LocalDate month = row.getLocalDate("month");
      return month + " - " + month.withDayOfMonth(month.lengthOfMonth());
    }
    return "Tillsvidare";
  }

  static String cell(String value) {
    String clean = value.replace("\r", " ").replace("\n", " ");
    // Excel would run a cell starting with = + - @ as a formula.
    if (!clean.isEmpty() && "=+-@".indexOf(clean.charAt(0)) >= 0) {
      clean = "'" + clean;
    }
    return clean.contains(";") || clean.contains("\"") ? "\"" + clean.replace("\"", "\"\"") + "\"" : clean;
  }
}
