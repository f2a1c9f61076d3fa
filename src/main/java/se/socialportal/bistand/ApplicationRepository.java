package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code application}, {@code application_household_month} and {@code application_event}. Every method takes
 * the client to run on, so a caller's transaction covers everything it does.
 */
public final class ApplicationRepository {

  private static final String COLUMNS = ApplicationRow.COLUMNS;

  /** Who may see an application: its applicant always, its co-applicant once it has left draft. */
  private static final String VISIBLE_TO = "tenant_id = $2 AND (applicant_id = $3 OR (co_applicant_id = $3 "
    + "AND status <> 'draft'))";
  private static final String FIND_VISIBLE = "SELECT " + COLUMNS + " FROM application WHERE id = $1 AND " + VISIBLE_TO;
  private static final String LOCK_VISIBLE = FIND_VISIBLE + " FOR UPDATE";
  private static final String LOCK = "SELECT " + COLUMNS + " FROM application WHERE id = $1 AND tenant_id = $2 FOR UPDATE";
  private static final String LIST_VISIBLE = "SELECT " + COLUMNS + " FROM application WHERE tenant_id = $1 AND "
    + "(applicant_id = $2 OR (co_applicant_id = $2 AND status <> 'draft')) ORDER BY month DESC, created_at DESC";
  private static final String INSERT = "INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, "
    + "co_applicant_id, content, previous_id, created_at, updated_at) "
    + "VALUES ($1, $2, $3, 'digital', 'draft', $4, $5, $6, $7, $8, $8) RETURNING " + COLUMNS;
  private static final String INSERT_REGISTERED = "INSERT INTO application (tenant_id, month, kind, channel, status, "
    + "applicant_id, co_applicant_id, content, previous_id, registered_by_staff, created_at, updated_at) "
    + "VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $10) RETURNING " + COLUMNS;
  private static final String CLAIM_MONTH = "INSERT INTO application_household_month (tenant_id, person_id, month, "
    + "application_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING application_id";
  private static final String RELEASE_MONTH = "DELETE FROM application_household_month WHERE application_id = $1";
  private static final String MONTH_HOLDER = "SELECT application_id FROM application_household_month "
    + "WHERE tenant_id = $1 AND person_id = $2 AND month = $3";
  private static final String AWAITING_MY_SIGNATURE = "SELECT " + COLUMNS + " FROM application WHERE tenant_id = $1 "
    + "AND co_applicant_id = $2 AND month = $3 AND status = 'awaiting_cosignature' LIMIT 1";
  /** The household's latest application that was really sent in, before this month (within three months). */
  private static final String PREVIOUS = "SELECT " + COLUMNS + " FROM application WHERE tenant_id = $1 "
    + "AND (applicant_id = $2 OR co_applicant_id = $2) AND month < $3 AND month >= $4 "
    + "AND status NOT IN ('draft', 'awaiting_cosignature', 'withdrawn') ORDER BY month DESC, submitted_at DESC LIMIT 1";
  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM application WHERE id = $1";
  private static final String SAVE_CONTENT = "UPDATE application SET content = $2, draft_step = COALESCE($3, draft_step), "
    + "updated_at = $4 WHERE id = $1 AND status = 'draft' RETURNING " + COLUMNS;
  private static final String SET_CO_APPLICANT = "UPDATE application SET co_applicant_id = $2, updated_at = $3 "
    + "WHERE id = $1 AND status = 'draft'";
  private static final String SET_STATUS = "UPDATE application SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String SUBMIT = "UPDATE application SET status = 'submitted', submitted_at = $2, updated_at = $2, "
    + "cosign_requested_at = NULL, cosign_deadline = NULL WHERE id = $1";
  private static final String ASK_COSIGN = "UPDATE application SET status = 'awaiting_cosignature', "
    + "cosign_requested_at = $2, cosign_deadline = $3, cosign_reminders = 0, cosign_last_reminder_at = NULL, "
    + "updated_at = $2 WHERE id = $1";
  private static final String BACK_TO_DRAFT = "UPDATE application SET status = 'draft', cosign_requested_at = NULL, "
    + "cosign_deadline = NULL, updated_at = $2 WHERE id = $1";
  private static final String REMINDED = "UPDATE application SET cosign_reminders = cosign_reminders + 1, "
    + "cosign_last_reminder_at = $2 WHERE id = $1";
  private static final String WITHDRAW = "UPDATE application SET status = 'withdrawn', withdrawn_at = $2, "
    + "cosign_requested_at = NULL, cosign_deadline = NULL, updated_at = $2 WHERE id = $1";
  private static final String COSIGN_DUE = "SELECT id, tenant_id FROM application WHERE status = 'awaiting_cosignature' "
    + "AND (cosign_deadline <= $1 OR COALESCE(cosign_last_reminder_at, cosign_requested_at) <= $2) "
    + "ORDER BY cosign_deadline LIMIT 100";
  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, actor_person_id, actor_staff_id, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  private static final String EVENTS = "SELECT id, at, type, status, actor_kind, data FROM application_event "
    + "WHERE application_id = $1 ORDER BY id";

  /** An entry of the case history as the resident's timeline shows it. */
  public record Event(long id, Instant at, String type, Optional<String> status, String actorKind, JsonObject data) {
  }

  private ApplicationRepository() {
  }

  public static Future<Optional<ApplicationRow>> findVisible(SqlClient client, UUID id, String tenantId, UUID personId) {
    return client.preparedQuery(FIND_VISIBLE).execute(Tuple.of(id, tenantId, personId)).map(ApplicationRepository::one);
  }

  /** Locks the row for the rest of the transaction; empty when it is not the person's to see. */
  public static Future<Optional<ApplicationRow>> lockVisible(SqlClient tx, UUID id, String tenantId, UUID personId) {
    return tx.preparedQuery(LOCK_VISIBLE).execute(Tuple.of(id, tenantId, personId)).map(ApplicationRepository::one);
  }

  public static Future<Optional<ApplicationRow>> lock(SqlClient tx, UUID id, String tenantId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, tenantId)).map(ApplicationRepository::one);
  }

  public static Future<Optional<ApplicationRow>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(ApplicationRepository::one);
  }

  public static Future<List<ApplicationRow>> listVisible(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(LIST_VISIBLE).execute(Tuple.of(tenantId, personId)).map(ApplicationRepository::all);
  }

  public static Future<ApplicationRow> insertDraft(SqlClient tx, String tenantId, YearMonth month, String kind,
                                                   UUID applicantId, UUID coApplicantId, JsonObject content,
                                                   UUID previousId, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, month.atDay(1), kind, applicantId, coApplicantId,
      content, previousId, utc(now))).map(rows -> ApplicationRow.of(rows.iterator().next()));
  }

  /** A paper or assisted application registered by a handläggare (casework), as a draft about to be submitted. */
  public static Future<ApplicationRow> insertRegistered(SqlClient tx, String tenantId, YearMonth month, String kind,
                                                        String channel, UUID staffId, UUID applicantId,
                                                        UUID coApplicantId, JsonObject content, UUID previousId,
                                                        Instant now) {
    return tx.preparedQuery(INSERT_REGISTERED).execute(Tuple.of(tenantId, month.atDay(1), kind, channel, applicantId,
      coApplicantId, content, previousId, staffId).addValue(utc(now)))
      .map(rows -> ApplicationRow.of(rows.iterator().next()));
  }

  /** Claims the month for one adult of the household; false when the month is already taken by another application. */
  public static Future<Boolean> claimMonth(SqlClient tx, String tenantId, UUID personId, YearMonth month, UUID applicationId) {
    return tx.preparedQuery(CLAIM_MONTH).execute(Tuple.of(tenantId, personId, month.atDay(1), applicationId))
      .map(rows -> rows.rowCount() == 1);
  }

  public static Future<Void> releaseMonth(SqlClient tx, UUID applicationId) {
    return tx.preparedQuery(RELEASE_MONTH).execute(Tuple.of(applicationId)).mapEmpty();
  }

  public static Future<Optional<UUID>> monthHolder(SqlClient client, String tenantId, UUID personId, YearMonth month) {
    return client.preparedQuery(MONTH_HOLDER).execute(Tuple.of(tenantId, personId, month.atDay(1)))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public static Future<Optional<ApplicationRow>> awaitingMySignature(SqlClient client, String tenantId, UUID personId,
                                                                     YearMonth month) {
    return client.preparedQuery(AWAITING_MY_SIGNATURE).execute(Tuple.of(tenantId, personId, month.atDay(1)))
      .map(ApplicationRepository::one);
  }

  public static Future<Optional<ApplicationRow>> previous(SqlClient client, String tenantId, UUID personId, YearMonth month) {
    return client.preparedQuery(PREVIOUS).execute(Tuple.of(tenantId, personId, month.atDay(1),
      month.minusMonths(3).atDay(1))).map(ApplicationRepository::one);
  }

  public static Future<Optional<ApplicationRow>> saveContent(SqlClient tx, UUID id, JsonObject content, String step,
                                                             Instant now) {
    return tx.preparedQuery(SAVE_CONTENT).execute(Tuple.of(id, content, step, utc(now))).map(ApplicationRepository::one);
  }

  public static Future<Void> setCoApplicant(SqlClient tx, UUID id, UUID coApplicantId, Instant now) {
    return tx.preparedQuery(SET_CO_APPLICANT).execute(Tuple.of(id, coApplicantId, utc(now))).mapEmpty();
  }

  public static Future<Void> setStatus(SqlClient tx, UUID id, Status status, Instant now) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(id, status.db(), utc(now))).mapEmpty();
  }

  public static Future<Void> markSubmitted(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(SUBMIT).execute(Tuple.of(id, utc(now))).mapEmpty();
  }

  public static Future<Void> askCosignature(SqlClient tx, UUID id, Instant now, Instant deadline) {
    return tx.preparedQuery(ASK_COSIGN).execute(Tuple.of(id, utc(now), utc(deadline))).mapEmpty();
  }

  public static Future<Void> backToDraft(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(BACK_TO_DRAFT).execute(Tuple.of(id, utc(now))).mapEmpty();
  }

  public static Future<Void> reminded(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(REMINDED).execute(Tuple.of(id, utc(now))).mapEmpty();
  }

  public static Future<Void> withdraw(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(WITHDRAW).execute(Tuple.of(id, utc(now))).mapEmpty();
  }

  /** Applications whose co-signature deadline has passed or whose co-applicant is due a reminder: (id, tenant). */
  public static Future<List<Tuple>> cosignDue(SqlClient client, Instant now, Instant remindIfAskedBefore) {
    return client.preparedQuery(COSIGN_DUE).execute(Tuple.of(utc(now), utc(remindIfAskedBefore))).map(rows -> {
      List<Tuple> due = new ArrayList<>();
      rows.forEach(row -> due.add(Tuple.of(row.getUUID("id"), row.getString("tenant_id"))));
      return due;
    });
  }

  /** Appends to the case history. {@code data} never holds a personnummer or free text from the resident. */
  public static Future<Void> event(SqlClient tx, ApplicationRow application, String type, Status status,
                                   String actorKind, UUID actorPersonId, JsonObject data, Instant at) {
    return event(tx, application, type, status, actorKind, actorPersonId, null, data, at);
  }

  /** An event by a resident (person id) or a handläggare (staff id). */
  public static Future<Void> event(SqlClient tx, ApplicationRow application, String type, Status status,
                                   String actorKind, UUID actorPersonId, UUID actorStaffId, JsonObject data,
                                   Instant at) {
    return tx.preparedQuery(EVENT).execute(Tuple.of(application.id(), application.tenantId(), type,
        status == null ? null : status.db(), actorKind, actorPersonId)
      .addValue(actorStaffId).addValue(data == null ? new JsonObject() : data).addValue(utc(at))).mapEmpty();
  }

  public static Future<List<Event>> events(SqlClient client, UUID applicationId) {
    return client.preparedQuery(EVENTS).execute(Tuple.of(applicationId)).map(rows -> {
      List<Event> events = new ArrayList<>();
      for (Row row : rows) {
        events.add(new Event(row.getLong("id"), row.getOffsetDateTime("at").toInstant(), row.getString("type"),
          Optional.ofNullable(row.getString("status")), row.getString("actor_kind"), (JsonObject) row.getJson("data")));
      }
      return events;
    });
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Optional<ApplicationRow> one(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(ApplicationRow.of(it.next())) : Optional.empty();
  }

  private static List<ApplicationRow> all(RowSet<Row> rows) {
    List<ApplicationRow> list = new ArrayList<>();
    rows.forEach(row -> list.add(ApplicationRow.of(row)));
    return list;
  }
}
