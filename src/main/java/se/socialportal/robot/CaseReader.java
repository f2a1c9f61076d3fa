package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.identity.Personnummer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what a job needs from the application, person and beslutsforslag tables (owned by bistand, platform and this
 * room) in one statement: the application version with its adults, the household's earlier applications (this
 * calendar year and last month: children's work income, the comparison) and the months each adult received
 * försörjningsstöd (jobbstimulans). The household's rows are found through the applicant and co-applicant indexes,
 * in two halves joined by UNION rather than one OR over both columns.
 */
public final class CaseReader {

  private static final String ADULTS = "(a.applicant_id, coalesce(a.co_applicant_id, a.applicant_id))";
  // The proposal of an application's current version, always looked up through beslutsforslag's unique index: a
  // correlated scalar subquery cannot be turned into a join that scans the (growing) proposal table, whatever the
  // statistics say when the plan is made.
  private static final String PROPOSAL = "(SELECT b.%s FROM beslutsforslag b WHERE b.application_id = x.id "
    + "AND b.application_version = x.version)";
  private static final String EARLIER_WHERE = " AND x.tenant_id = a.tenant_id AND x.month < a.month "
    + "AND x.month >= least(date_trunc('year', a.month)::date, (a.month - interval '1 month')::date) "
    + "AND x.id <> a.id AND x.kind <> 'extra' AND x.status NOT IN " + ApplicationStatus.sqlList(Set.of(
      ApplicationStatus.DRAFT, ApplicationStatus.AWAITING_COSIGNATURE, ApplicationStatus.WITHDRAWN));
  private static final String EARLIER_ROW = "SELECT x.id, x.month, x.content, "
    + String.format(PROPOSAL, "register_data") + " AS register_data, " + String.format(PROPOSAL, "outcome")
    + " AS outcome, x.created_at FROM application x ";
  // A month counts for jobbstimulans when the household received försörjningsstöd for it: the latest
  // försörjningsstöd decision granted it, or — while no decision exists yet — the current proposal grants it
  // (docs/robot.md). A handläggare's avslag on a bifall proposal takes the month out.
  private static final String MONTHS_WHERE = " AND x.tenant_id = a.tenant_id AND x.month < a.month "
    + "AND x.kind <> 'extra' AND x.status <> '" + ApplicationStatus.WITHDRAWN.db() + "' "
    + "AND coalesce((SELECT d.outcome FROM decision d "
    + "WHERE d.application_id = x.id AND d.type = 'forsorjningsstod' ORDER BY d.decided_at DESC LIMIT 1), "
    + String.format(PROPOSAL, "outcome") + ") IN ('bifall', 'delvis_bifall')";
  private static final String READ = "SELECT a.id, a.tenant_id, a.month, a.kind, a.channel, a.status, a.version, "
    + "a.applicant_id, a.co_applicant_id, a.content, ap.personnummer AS applicant_pnr, "
    + "ap.protection AS applicant_protection, co.personnummer AS co_pnr, co.protection AS co_protection, "
    + "(SELECT coalesce(jsonb_agg(e ORDER BY e.month DESC, e.created_at DESC), '[]'::jsonb) FROM ("
    + EARLIER_ROW + "WHERE x.applicant_id IN " + ADULTS + EARLIER_WHERE + " UNION "
    + EARLIER_ROW + "WHERE x.co_applicant_id IN " + ADULTS + EARLIER_WHERE + ") e) AS earlier, "
    + "(SELECT coalesce(jsonb_agg(m), '[]'::jsonb) FROM ("
    + "SELECT x.applicant_id AS person_id, x.month FROM application x WHERE x.applicant_id IN " + ADULTS + MONTHS_WHERE
    + " UNION SELECT x.co_applicant_id, x.month FROM application x WHERE x.co_applicant_id IN " + ADULTS
    + MONTHS_WHERE + ") m) AS bistand_months "
    + "FROM application a JOIN person ap ON ap.id = a.applicant_id LEFT JOIN person co ON co.id = a.co_applicant_id "
    + "WHERE a.id = $1 AND a.tenant_id = $2";

  private final Pool pool;

  public CaseReader(Pool pool) {
    this.pool = pool;
  }

  /** The case, or empty when the application does not exist for the job's tenant. */
  public Future<Optional<CaseFile>> read(ClaimedJob job) {
    return pool.preparedQuery(READ).execute(Tuple.of(job.applicationId(), job.tenantId())).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      Row row = it.next();
      CaseFile.Application application = application(row);
      List<CaseFile.Adult> adults = new ArrayList<>();
      adults.add(new CaseFile.Adult("applicant", application.applicantId(),
        Personnummer.of(row.getString("applicant_pnr")), Protection.of(row.getString("applicant_protection"))));
      application.coApplicantId().ifPresent(co -> adults.add(new CaseFile.Adult("coApplicant", co,
        Personnummer.of(row.getString("co_pnr")), Protection.of(row.getString("co_protection")))));
      return Optional.of(new CaseFile(job, application, adults, earlier((JsonArray) row.getJson("earlier")),
        months((JsonArray) row.getJson("bistand_months"))));
    });
  }

  private static List<CaseFile.EarlierApplication> earlier(JsonArray rows) {
    List<CaseFile.EarlierApplication> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      list.add(new CaseFile.EarlierApplication(UUID.fromString(row.getString("id")), month(row.getString("month")),
        row.getJsonObject("content"), Optional.ofNullable(row.getJsonObject("register_data")),
        Optional.ofNullable(row.getString("outcome"))));
    }
    return list;
  }

  private static Map<UUID, List<YearMonth>> months(JsonArray rows) {
    Map<UUID, List<YearMonth>> map = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      map.computeIfAbsent(UUID.fromString(row.getString("person_id")), id -> new ArrayList<>())
        .add(month(row.getString("month")));
    }
    return map;
  }

  private static YearMonth month(String date) {
    return YearMonth.from(LocalDate.parse(date));
  }

  private static CaseFile.Application application(Row row) {
    return new CaseFile.Application(row.getUUID("id"), row.getString("tenant_id"),
      YearMonth.from(row.getLocalDate("month")), row.getString("kind"), row.getString("channel"),
      row.getString("status"), row.getInteger("version"), row.getUUID("applicant_id"),
      Optional.ofNullable(row.getUUID("co_applicant_id")), (JsonObject) row.getJson("content"));
  }
}
