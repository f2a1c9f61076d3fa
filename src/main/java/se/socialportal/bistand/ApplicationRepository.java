package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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
 * The owner of {@code application}, {@code application_household_month} and {@code application_event}: every room
 * that creates an application, moves its status or adds to its history does it here, so the SQL and the status machine
 * ({@link ApplicationStatus}) exist once. Every method takes the client to run on, so a caller's transaction covers
 * everything it does; a status move names the status the caller found (with the row locked) and is refused unless the
 * status machine has it.
 */
public final class ApplicationRepository {

  private static final String COLUMNS = ApplicationRow.COLUMNS;

  /** Who may see an application: its applicant always, its co-applicant once it has left draft. */
  /** Never sent in, or taken back: not an application the household had decided on. */
  private static final java.util.Set<ApplicationStatus> NOT_SENT_IN = java.util.Set.of(ApplicationStatus.DRAFT,
    ApplicationStatus.AWAITING_COSIGNATURE, ApplicationStatus.WITHDRAWN);

  private static final String DRAFT = "'" + ApplicationStatus.DRAFT.db() + "'";
  private static final String VISIBLE_TO = "tenant_id = $2 AND (applicant_id = $3 OR (co_applicant_id = $3 "
    + "AND status <> " + DRAFT + "))";
  private static final String FIND_VISIBLE = "SELECT " + COLUMNS + " FROM application WHERE id = $1 AND " + VISIBLE_TO;
  private static final String LOCK_VISIBLE = FIND_VISIBLE + " FOR UPDATE";
  private static final String LOCK = "SELECT " + COLUMNS + " FROM application WHERE id = $1 AND tenant_id = $2 FOR UPDATE";
  private static final String LIST_VISIBLE = "SELECT " + COLUMNS + " FROM application WHERE tenant_id = $1 AND "
    + "(applicant_id = $2 OR (co_applicant_id = $2 AND status <> " + DRAFT + ")) ORDER BY month DESC, created_at DESC";
  private static final String INSERT = "INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, "
    + "co_applicant_id, content, previous_id, created_at, updated_at) "
    + "VALUES ($1, $2, $3, 'digital', " + DRAFT + ", $4, $5, $6, $7, $8, $8) RETURNING " + COLUMNS;
  private static final String INSERT_REGISTERED = "INSERT INTO application (tenant_id, month, kind, channel, status, "
    + "applicant_id, co_applicant_id, content, previous_id, registered_by_staff, created_at, updated_at) "
    + "VALUES ($1, $2, $3, $4, " + DRAFT + ", $5, $6, $7, $8, $9, $10, $10) RETURNING " + COLUMNS;
  private static final String CLAIM_MONTH = "INSERT INTO application_household_month (tenant_id, person_id, month, "
    + "application_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING application_id";
  private static final String RELEASE_MONTH = "DELETE FROM application_household_month WHERE application_id = $1";
  private static final String MONTH_HOLDER = "SELECT application_id FROM application_household_month "
    + "WHERE tenant_id = $1 AND person_id = $2 AND month = $3";
  private static final String AWAITING_MY_SIGNATURE = "SELECT " + COLUMNS + " FROM application WHERE tenant_id = $1 "
    + "AND co_applicant_id = $2 AND month = $3 AND status = '" + ApplicationStatus.AWAITING_COSIGNATURE.db()
    + "' LIMIT 1";
  /** The household's latest application that was really sent in, before this month (within three months). */
  private static final String PREVIOUS = "SELECT " + COLUMNS + " FROM application WHERE tenant_id = $1 "
    + "AND (applicant_id = $2 OR co_applicant_id = $2) AND month < $3 AND month >= $4 "
    + "AND status NOT IN " + ApplicationStatus.sqlList(NOT_SENT_IN) + " ORDER BY month DESC, submitted_at DESC LIMIT 1";
  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM application WHERE id = $1";
  private static final String SAVE_CONTENT = "UPDATE application SET content = $2, draft_step = COALESCE($3, draft_step), "
    + "updated_at = $4 WHERE id = $1 AND status = " + DRAFT + " RETURNING " + COLUMNS;
  private static final String SET_CO_APPLICANT = "UPDATE application SET co_applicant_id = $2, updated_at = $3 "
    + "WHERE id = $1 AND status = " + DRAFT;
  private static final String MOVE = "UPDATE application SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String MOVE_ALL = "UPDATE application a SET status = x.status, updated_at = $3 "
    + "FROM unnest($1::uuid[], $2::text[]) AS x (id, status) WHERE a.id = x.id";
  private static final String SUBMIT = "UPDATE application SET status = $3, submitted_at = $2, updated_at = $2, "
    + "cosign_requested_at = NULL, cosign_deadline = NULL WHERE id = $1";
  private static final String ASK_COSIGN = "UPDATE application SET status = $4, "
    + "cosign_requested_at = $2, cosign_deadline = $3, cosign_reminders = 0, cosign_last_reminder_at = NULL, "
    + "updated_at = $2 WHERE id = $1";
  private static final String BACK_TO_DRAFT = "UPDATE application SET status = $3, cosign_requested_at = NULL, "
    + "cosign_deadline = NULL, updated_at = $2 WHERE id = $1";
  private static final String REMINDED = "UPDATE application SET cosign_reminders = cosign_reminders + 1, "
    + "cosign_last_reminder_at = $2 WHERE id = $1";
  private static final String WITHDRAW = "UPDATE application SET status = $3, withdrawn_at = $2, "
    + "cosign_requested_at = NULL, cosign_deadline = NULL, updated_at = $2 WHERE id = $1";
  private static final String COSIGN_DUE = "SELECT id, tenant_id FROM application WHERE status = '"
    + ApplicationStatus.AWAITING_COSIGNATURE.db() + "' "
    + "AND (cosign_deadline <= $1 OR COALESCE(cosign_last_reminder_at, cosign_requested_at) <= $2) "
    + "ORDER BY cosign_deadline LIMIT 100";
  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, actor_person_id, actor_staff_id, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  private static final String EVENTS_ALL = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, actor_person_id, actor_staff_id, data, at) SELECT x.application_id, x.tenant_id, x.type, x.status, "
    + "x.actor_kind, x.actor_person_id, x.actor_staff_id, x.data, $2 FROM jsonb_to_recordset($1::jsonb) AS x "
    + "(application_id uuid, tenant_id text, type text, status text, actor_kind text, actor_person_id uuid, "
    + "actor_staff_id uuid, data jsonb)";
  private static final String EVENTS = "SELECT id, at, type, status, actor_kind, data FROM application_event "
    + "WHERE application_id = $1 ORDER BY id";

  /** A move of one application's status, checked against the status machine when made. */
  public record Move(UUID applicationId, ApplicationStatus from, ApplicationStatus to) {
    public Move {
      from.requireMoveTo(to);
    }
  }

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

  /** The application moves from the status the caller found (the row locked) to {@code to}. */
  public static Future<Void> move(SqlClient tx, ApplicationRow application, ApplicationStatus to, Instant now) {
    return move(tx, new Move(application.id(), application.status(), to), now);
  }

  public static Future<Void> move(SqlClient tx, Move move, Instant now) {
    return tx.preparedQuery(MOVE).execute(Tuple.of(move.applicationId(), move.to().db(), utc(now))).mapEmpty();
  }

  /** Several applications at once, in one statement (the robot's batches). */
  public static Future<Void> moveAll(SqlClient tx, List<Move> moves, Instant now) {
    if (moves.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(MOVE_ALL).execute(Tuple.of(moves.stream().map(Move::applicationId).toArray(UUID[]::new),
      moves.stream().map(move -> move.to().db()).toArray(String[]::new), utc(now))).mapEmpty();
  }

  /** Every adult applying has signed, or a handläggare registered it: submitted. */
  public static Future<Void> markSubmitted(SqlClient tx, ApplicationRow application, Instant now) {
    return checked(application, ApplicationStatus.SUBMITTED, () -> tx.preparedQuery(SUBMIT)
      .execute(Tuple.of(application.id(), utc(now), ApplicationStatus.SUBMITTED.db())).mapEmpty());
  }

  public static Future<Void> askCosignature(SqlClient tx, ApplicationRow application, Instant now, Instant deadline) {
    return checked(application, ApplicationStatus.AWAITING_COSIGNATURE, () -> tx.preparedQuery(ASK_COSIGN)
      .execute(Tuple.of(application.id(), utc(now), utc(deadline), ApplicationStatus.AWAITING_COSIGNATURE.db()))
      .mapEmpty());
  }

  public static Future<Void> backToDraft(SqlClient tx, ApplicationRow application, Instant now) {
    return checked(application, ApplicationStatus.DRAFT, () -> tx.preparedQuery(BACK_TO_DRAFT)
      .execute(Tuple.of(application.id(), utc(now), ApplicationStatus.DRAFT.db())).mapEmpty());
  }

  public static Future<Void> reminded(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(REMINDED).execute(Tuple.of(id, utc(now))).mapEmpty();
  }

  public static Future<Void> withdraw(SqlClient tx, ApplicationRow application, Instant now) {
    return checked(application, ApplicationStatus.WITHDRAWN, () -> tx.preparedQuery(WITHDRAW)
      .execute(Tuple.of(application.id(), utc(now), ApplicationStatus.WITHDRAWN.db())).mapEmpty());
  }

  private static Future<Void> checked(ApplicationRow application, ApplicationStatus to,
                                      java.util.function.Supplier<Future<Void>> update) {
    try {
      application.status().requireMoveTo(to);
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
    return update.get();
  }

  /** Applications whose co-signature deadline has passed or whose co-applicant is due a reminder: (id, tenant). */
  public static Future<List<Tuple>> cosignDue(SqlClient client, Instant now, Instant remindIfAskedBefore) {
    return client.preparedQuery(COSIGN_DUE).execute(Tuple.of(utc(now), utc(remindIfAskedBefore))).map(rows -> {
      List<Tuple> due = new ArrayList<>();
      rows.forEach(row -> due.add(Tuple.of(row.getUUID("id"), row.getString("tenant_id"))));
      return due;
    });
  }

  /** Appends to the case history. */
  public static Future<Void> record(SqlClient tx, ApplicationEvent event, Instant at) {
    return tx.preparedQuery(EVENT).execute(Tuple.of(event.applicationId(), event.tenantId(), event.type(),
        event.status().map(ApplicationStatus::db).orElse(null), event.actor().kind().db(),
        event.actor().personId().orElse(null))
      .addValue(event.actor().staffId().orElse(null)).addValue(event.data()).addValue(utc(at))).mapEmpty();
  }

  /** Several entries at once, in one statement (the robot's batches), all at the same time. */
  public static Future<Void> recordAll(SqlClient tx, List<ApplicationEvent> events, Instant at) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonArray rows = new JsonArray();
    for (ApplicationEvent event : events) {
      rows.add(new JsonObject().put("application_id", event.applicationId().toString())
        .put("tenant_id", event.tenantId()).put("type", event.type())
        .put("status", event.status().map(ApplicationStatus::db).orElse(null))
        .put("actor_kind", event.actor().kind().db())
        .put("actor_person_id", event.actor().personId().map(UUID::toString).orElse(null))
        .put("actor_staff_id", event.actor().staffId().map(UUID::toString).orElse(null))
        .put("data", event.data()));
    }
    return tx.preparedQuery(EVENTS_ALL).execute(Tuple.of(rows, utc(at))).mapEmpty();
  }

  /**
   * The history of an application ({@code applicationId}, an SQL expression of the statement it goes in) as one JSON
   * array, for a page that reads everything in one statement; {@link #events(JsonArray)} reads it.
   */
  public static String eventsJson(String applicationId) {
    return "(SELECT json_agg(json_build_array(e.id, " + SqlJson.micros("e.at") + ", e.type, e.status, e.actor_kind, "
      + "e.data) ORDER BY e.id) FROM application_event e WHERE e.application_id = " + applicationId + ")";
  }

  /** The history written by {@link #eventsJson} (null: none). */
  public static List<Event> events(JsonArray rows) {
    List<Event> events = new ArrayList<>();
    if (rows != null) {
      for (int i = 0; i < rows.size(); i++) {
        JsonArray row = rows.getJsonArray(i);
        events.add(new Event(row.getLong(0), SqlJson.instant(row.getValue(1)), row.getString(2),
          Optional.ofNullable(row.getString(3)), row.getString(4), row.getJsonObject(5)));
      }
    }
    return events;
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
