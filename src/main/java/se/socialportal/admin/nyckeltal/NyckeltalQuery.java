package se.socialportal.admin.nyckeltal;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what a month's nyckeltal are computed from, by the owners' documented columns: bistånd's application (month,
 * channel, household), casework's decision (the standing decision per application and type is the latest one, so an
 * omprövning replaces what it changed) and the payment room's payment_state view. Reads only; the figures are
 * NyckeltalFigures'.
 */
final class NyckeltalQuery {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String BISTAND_TYPES = "('forsorjningsstod', 'livsforing_ovrigt', 'skulder', 'begravning')";
  private static final String CHANNELS = "SELECT channel, count(*) AS n FROM application WHERE tenant_id = $1 "
    + "AND month = $2 AND submitted_at IS NOT NULL GROUP BY channel";
  private static final String WITHDRAWN = "SELECT count(*) FROM application WHERE tenant_id = $1 AND month = $2 "
    + "AND submitted_at IS NOT NULL AND status = 'withdrawn'";
  private static final String GRANTED = "WITH standing AS (SELECT DISTINCT ON (d.application_id, d.type) d.id, "
    + "d.application_id, d.type, d.outcome, d.amount FROM decision d JOIN application a ON a.id = d.application_id "
    + "WHERE d.tenant_id = $1 AND a.month = $2 AND d.type IN " + BISTAND_TYPES
    + " ORDER BY d.application_id, d.type, d.decided_at DESC, d.id), "
    + "granted AS (SELECT * FROM standing WHERE outcome IN ('bifall', 'delvis_bifall') AND amount > 0) "
    + "SELECT a.id, a.kind, a.applicant_id, p.personnummer, "
    + "(a.co_applicant_id IS NOT NULL OR jsonb_typeof(a.content -> 'household' -> 'coApplicant') = 'object') "
    + "AS co_applicant, (SELECT count(*) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(a.content -> 'household' "
    + "-> 'children') = 'array' THEN a.content -> 'household' -> 'children' ELSE '[]'::jsonb END) c "
    + "WHERE c ->> 'livesHere' IN ('full', 'partTime')) AS children, "
    + "EXISTS (SELECT 1 FROM granted g WHERE g.application_id = a.id AND g.type = 'forsorjningsstod') AS fs, "
    + "(SELECT sum(g.amount) FROM granted g WHERE g.application_id = a.id) AS granted, "
    + "(SELECT COALESCE(sum(ps.amount), 0) FROM payment_state ps JOIN granted g ON g.id = ps.decision_id "
    + "WHERE g.application_id = a.id AND ps.state IN ('paid', 'manual')) AS paid "
    + "FROM application a JOIN person p ON p.id = a.applicant_id "
    + "WHERE a.tenant_id = $1 AND a.month = $2 AND EXISTS (SELECT 1 FROM granted g WHERE g.application_id = a.id) "
    + "ORDER BY a.submitted_at, a.id";
  private static final String RESIDENT_MONTHS = "WITH standing AS (SELECT DISTINCT ON (d.application_id) "
    + "d.application_id, d.outcome, d.amount FROM decision d JOIN application a ON a.id = d.application_id "
    + "WHERE d.tenant_id = $1 AND d.type = 'forsorjningsstod' AND a.month BETWEEN $2 AND $3 "
    + "ORDER BY d.application_id, d.decided_at DESC, d.id) "
    + "SELECT DISTINCT x.person_id, a.month FROM standing s JOIN application a ON a.id = s.application_id "
    + "CROSS JOIN LATERAL (VALUES (a.applicant_id), (a.co_applicant_id)) AS x (person_id) "
    + "WHERE s.outcome IN ('bifall', 'delvis_bifall') AND s.amount > 0 AND x.person_id IS NOT NULL";
  private static final String DECISIONS = "SELECT type, outcome, reason_code, count(*) AS n FROM decision "
    + "WHERE tenant_id = $1 AND decided_at >= $2 AND decided_at < $3 GROUP BY type, outcome, reason_code";

  private NyckeltalQuery() {
  }

  static Future<NyckeltalFigures.Input> read(SqlClient client, String tenantId, YearMonth month) {
    LocalDate first = month.atDay(1);
    Tuple tenantMonth = Tuple.of(tenantId, first);
    OffsetDateTime start = first.atStartOfDay(STOCKHOLM).toOffsetDateTime();
    OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(STOCKHOLM).toOffsetDateTime();
    Map<String, Long> channels = new HashMap<>();
    List<NyckeltalFigures.GrantedApplication> granted = new ArrayList<>();
    Map<UUID, Set<YearMonth>> residents = new HashMap<>();
    List<NyckeltalFigures.DecisionCount> decisions = new ArrayList<>();
    long[] withdrawn = new long[1];
    return client.preparedQuery(CHANNELS).execute(tenantMonth)
      .compose(rows -> {
        rows.forEach(row -> channels.put(row.getString("channel"), row.getLong("n")));
        return client.preparedQuery(WITHDRAWN).execute(tenantMonth);
      })
      .compose(rows -> {
        withdrawn[0] = rows.iterator().next().getLong(0);
        return client.preparedQuery(GRANTED).execute(tenantMonth);
      })
      .compose(rows -> {
        for (Row row : rows) {
          granted.add(new NyckeltalFigures.GrantedApplication(row.getUUID("applicant_id"), row.getString("kind"),
            row.getBoolean("fs"), row.getBoolean("co_applicant"), row.getLong("children").intValue(),
            FamilyType.genderOf(row.getString("personnummer")), amount(row, "granted"), amount(row, "paid")));
        }
        LocalDate from = month.minusMonths(LongTermRecipient.PERIOD_MONTHS - 1L).atDay(1);
        return client.preparedQuery(RESIDENT_MONTHS).execute(Tuple.of(tenantId, from, first));
      })
      .compose(rows -> {
        rows.forEach(row -> residents.computeIfAbsent(row.getUUID("person_id"), key -> new HashSet<>())
          .add(YearMonth.from(row.getLocalDate("month"))));
        return client.preparedQuery(DECISIONS).execute(Tuple.of(tenantId, start, end));
      })
      .map(rows -> {
        rows.forEach(row -> decisions.add(new NyckeltalFigures.DecisionCount(row.getString("type"),
          row.getString("outcome"), row.getString("reason_code"), row.getLong("n"))));
        return new NyckeltalFigures.Input(month, channels, withdrawn[0], granted, residents, decisions);
      });
  }

  private static BigDecimal amount(Row row, String column) {
    BigDecimal value = row.getBigDecimal(column);
    return value == null ? BigDecimal.ZERO : value;
  }
}
