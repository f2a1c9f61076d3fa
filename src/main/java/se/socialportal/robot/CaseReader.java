package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.identity.Personnummer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what a job needs from the application, person and beslutsforslag tables (owned by bistand, platform and this
 * room): three queries, sent together on the pool's pipelined connections.
 */
public final class CaseReader {

  private static final String APPLICATION = "SELECT a.id, a.tenant_id, a.month, a.kind, a.channel, a.status, a.version, "
    + "a.applicant_id, a.co_applicant_id, a.content, ap.personnummer AS applicant_pnr, ap.protection AS applicant_protection, "
    + "co.personnummer AS co_pnr, co.protection AS co_protection "
    + "FROM application a JOIN person ap ON ap.id = a.applicant_id LEFT JOIN person co ON co.id = a.co_applicant_id "
    + "WHERE a.id = $1 AND a.tenant_id = $2";
  // Earlier monthly applications of the household this calendar year (children's work income) and last month
  // (comparison), with the proposal for their current version.
  private static final String EARLIER_WHERE = " AND a.tenant_id = $1 AND a.month >= $4 AND a.month < $5 "
    + "AND a.id <> $6 AND a.kind <> 'extra' AND a.status NOT IN ('draft', 'awaiting_cosignature', 'withdrawn')";
  private static final String EARLIER = "SELECT a.id, a.month, a.content, b.register_data, b.outcome, a.created_at "
    + "FROM application a LEFT JOIN beslutsforslag b ON b.application_id = a.id AND b.application_version = a.version "
    + "WHERE a.applicant_id IN ($2, $3)" + EARLIER_WHERE
    + " UNION SELECT a.id, a.month, a.content, b.register_data, b.outcome, a.created_at "
    + "FROM application a LEFT JOIN beslutsforslag b ON b.application_id = a.id AND b.application_version = a.version "
    + "WHERE a.co_applicant_id IN ($2, $3)" + EARLIER_WHERE + " ORDER BY 2 DESC, 6 DESC";
  // Months with försörjningsstöd per adult (jobbstimulans): a proposal with bifall for the application's current
  // version. Casework's decisions replace this once they exist (docs/robot.md).
  // Two index-backed halves (application_applicant, application_co_applicant) rather than one OR over both columns.
  private static final String BISTAND_MONTHS = "SELECT a.applicant_id AS person_id, a.month FROM application a "
    + "JOIN beslutsforslag b ON b.application_id = a.id AND b.application_version = a.version "
    + "AND b.outcome IN ('bifall', 'delvis_bifall') WHERE a.applicant_id IN ($2, $3) AND a.tenant_id = $1 "
    + "AND a.month < $4 AND a.kind <> 'extra' AND a.status <> 'withdrawn' "
    + "UNION SELECT a.co_applicant_id, a.month FROM application a "
    + "JOIN beslutsforslag b ON b.application_id = a.id AND b.application_version = a.version "
    + "AND b.outcome IN ('bifall', 'delvis_bifall') WHERE a.co_applicant_id IN ($2, $3) AND a.tenant_id = $1 "
    + "AND a.month < $4 AND a.kind <> 'extra' AND a.status <> 'withdrawn'";

  private final Pool pool;

  public CaseReader(Pool pool) {
    this.pool = pool;
  }

  /** The case, or empty when the application does not exist for the job's tenant. */
  public Future<Optional<CaseFile>> read(ClaimedJob job) {
    return pool.preparedQuery(APPLICATION).execute(Tuple.of(job.applicationId(), job.tenantId())).compose(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Future.succeededFuture(Optional.empty());
      }
      Row row = it.next();
      CaseFile.Application application = application(row);
      List<CaseFile.Adult> adults = new ArrayList<>();
      adults.add(new CaseFile.Adult("applicant", application.applicantId(),
        Personnummer.of(row.getString("applicant_pnr")), Protection.of(row.getString("applicant_protection"))));
      application.coApplicantId().ifPresent(co -> adults.add(new CaseFile.Adult("coApplicant", co,
        Personnummer.of(row.getString("co_pnr")), Protection.of(row.getString("co_protection")))));
      UUID applicant = application.applicantId();
      UUID co = application.coApplicantId().orElse(applicant);
      LocalDate month = application.month().atDay(1);
      LocalDate from = month.getMonthValue() == 1 ? month.minusMonths(1) : month.withMonth(1);
      Future<List<CaseFile.EarlierApplication>> earlier = pool.preparedQuery(EARLIER)
        .execute(Tuple.of(application.tenantId(), applicant, co, from, month, application.id()))
        .map(found -> {
          List<CaseFile.EarlierApplication> list = new ArrayList<>();
          for (Row candidate : found) {
            list.add(new CaseFile.EarlierApplication(candidate.getUUID("id"),
              YearMonth.from(candidate.getLocalDate("month")), (JsonObject) candidate.getJson("content"),
              Optional.ofNullable((JsonObject) candidate.getJson("register_data")),
              Optional.ofNullable(candidate.getString("outcome"))));
          }
          return list;
        });
      Future<Map<UUID, List<YearMonth>>> months = pool.preparedQuery(BISTAND_MONTHS)
        .execute(Tuple.of(application.tenantId(), applicant, co, month))
        .map(found -> {
          Map<UUID, List<YearMonth>> map = new HashMap<>();
          for (Row candidate : found) {
            map.computeIfAbsent(candidate.getUUID("person_id"), id -> new ArrayList<>())
              .add(YearMonth.from(candidate.getLocalDate("month")));
          }
          return map;
        });
      return Future.all(earlier, months).map(done -> Optional.of(new CaseFile(job, application, adults,
        earlier.result(), months.result())));
    });
  }

  private static CaseFile.Application application(Row row) {
    return new CaseFile.Application(row.getUUID("id"), row.getString("tenant_id"),
      YearMonth.from(row.getLocalDate("month")), row.getString("kind"), row.getString("channel"),
      row.getString("status"), row.getInteger("version"), row.getUUID("applicant_id"),
      Optional.ofNullable(row.getUUID("co_applicant_id")), (JsonObject) row.getJson("content"));
  }
}
