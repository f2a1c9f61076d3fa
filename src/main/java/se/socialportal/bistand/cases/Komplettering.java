package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.SqlJson;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.notify.Notifier;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests for komplettering: a handläggare (casework) or the robot (a stickprov) asks the household for documents or
 * information by a deadline; the resident answers with text and attachments on Mina sidor. While a request is open
 * the application is {@code komplettering_requested}; when the last open one is answered it is back
 * {@code under_review}.
 */
public final class Komplettering {

  private static final String INSERT = "INSERT INTO komplettering_request (tenant_id, application_id, "
    + "requested_by_kind, requested_by_staff, message, items, due_at, created_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
  private static final String LIST = "SELECT id, message, items, due_at, status, answer_text, answered_at, created_at "
    + "FROM komplettering_request WHERE application_id = $1 ORDER BY created_at";
  private static final String LOCK = "SELECT id, status FROM komplettering_request WHERE id = $1 AND application_id = $2 "
    + "FOR UPDATE";
  private static final String ANSWER = "UPDATE komplettering_request SET status = 'answered', answer_text = $2, "
    + "answered_at = $3, answered_by = $4 WHERE id = $1";
  private static final String CANCEL_OPEN = "UPDATE komplettering_request SET status = 'cancelled' "
    + "WHERE application_id = $1 AND status = 'open'";
  private static final String OPEN_COUNT = "SELECT count(*) FROM komplettering_request WHERE application_id = $1 "
    + "AND status = 'open'";

  private final Pool pool;
  private final Clock clock;
  private final Notifier notifier;

  public Komplettering(Pool pool, Clock clock, Notifier notifier) {
    this.pool = pool;
    this.clock = clock;
    this.notifier = notifier;
  }

  /**
   * Asks the household for more (for casework and the robot to call, in their transaction). {@code staffId} empty
   * means the robot asks. Both adults applying are notified.
   */
  public Future<UUID> request(SqlConnection tx, ApplicationRow application, Optional<UUID> staffId, String message,
                              List<String> items, Instant dueAt) {
    Instant now = clock.instant();
    String actorKind = staffId.isPresent() ? "staff" : "robot";
    return tx.preparedQuery(INSERT).execute(Tuple.of(application.tenantId(), application.id(), actorKind,
        staffId.orElse(null), message, new JsonArray(items))
        .addValue(OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC))
        .addValue(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
      .map(rows -> rows.iterator().next().getUUID(0))
      .compose(id -> ApplicationRepository.move(tx, application, ApplicationStatus.KOMPLETTERING_REQUESTED, now)
        .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "komplettering_requested",
          ApplicationStatus.KOMPLETTERING_REQUESTED,
          staffId.map(ApplicationEvent.Actor::staff).orElse(ApplicationEvent.Actor.robot()),
          new JsonObject().put("requestId", id.toString()).put("dueAt", dueAt.toString())), now))
        .compose(v -> notifyHousehold(tx, application, id, dueAt))
        .map(id));
  }

  private Future<Void> notifyHousehold(SqlConnection tx, ApplicationRow application, UUID requestId, Instant dueAt) {
    JsonObject data = new JsonObject().put("requestId", requestId.toString()).put("dueAt", dueAt.toString());
    Future<Void> applicant = notifier.notify(tx, application.tenantId(), application.applicantId(),
      Notifier.KOMPLETTERING_REQUESTED, application.id(), data);
    return applicant.compose(v -> application.coApplicantId()
      .map(co -> notifier.notify(tx, application.tenantId(), co, Notifier.KOMPLETTERING_REQUESTED, application.id(), data))
      .orElse(Future.succeededFuture()));
  }

  public Future<JsonArray> list(SqlClient client, UUID applicationId) {
    Instant now = clock.instant();
    return client.preparedQuery(LIST).execute(Tuple.of(applicationId)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        Instant due = row.getOffsetDateTime("due_at").toInstant();
        OffsetDateTime answered = row.getOffsetDateTime("answered_at");
        list.add(new JsonObject().put("id", row.getUUID("id").toString()).put("message", row.getString("message"))
          .put("items", row.getJson("items")).put("dueAt", due.toString()).put("status", row.getString("status"))
          .put("overdue", "open".equals(row.getString("status")) && due.isBefore(now))
          .put("answerText", row.getString("answer_text"))
          .put("answeredAt", answered == null ? null : answered.toInstant().toString())
          .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString()));
      }
      return list;
    });
  }

  /** The requests of an application ({@code applicationId}, an SQL expression) as one JSON array. */
  static String listJson(String applicationId) {
    return "(SELECT json_agg(json_build_array(k.id, k.message, k.items, " + SqlJson.micros("k.due_at") + ", k.status, "
      + "k.answer_text, " + SqlJson.micros("k.answered_at") + ", " + SqlJson.micros("k.created_at")
      + ") ORDER BY k.created_at) FROM komplettering_request k WHERE k.application_id = " + applicationId + ")";
  }

  /** The requests written by {@link #listJson} (null: none) as the case page shows them. */
  JsonArray list(JsonArray rows) {
    Instant now = clock.instant();
    JsonArray list = new JsonArray();
    if (rows != null) {
      for (int i = 0; i < rows.size(); i++) {
        JsonArray row = rows.getJsonArray(i);
        Instant due = SqlJson.instant(row.getValue(3));
        Instant answered = SqlJson.instant(row.getValue(6));
        list.add(new JsonObject().put("id", row.getString(0)).put("message", row.getString(1))
          .put("items", row.getValue(2)).put("dueAt", due.toString()).put("status", row.getString(4))
          .put("overdue", "open".equals(row.getString(4)) && due.isBefore(now))
          .put("answerText", row.getString(5))
          .put("answeredAt", answered == null ? null : answered.toString())
          .put("createdAt", SqlJson.instant(row.getValue(7)).toString()));
      }
    }
    return list;
  }

  /** The resident answers an open request with text and/or attachments they uploaded for it. */
  public Future<JsonObject> answer(Session session, UUID applicationId, UUID requestId, String text,
                                   List<UUID> attachmentIds) {
    String answer = text == null ? "" : text.strip();
    if (answer.length() > 4000) {
      return Future.failedFuture(ApiException.invalid("answer", "too_long", 4000));
    }
    if (answer.isEmpty() && attachmentIds.isEmpty()) {
      return Future.failedFuture(ApiException.invalid("answer", "komplettering_empty"));
    }
    Instant now = clock.instant();
    UUID me = session.residentId();
    return pool.withTransaction(tx -> ApplicationRepository.lockVisible(tx, applicationId, session.tenantId(), me)
      .compose(found -> {
        ApplicationRow application = found.orElseThrow(ApiException::notFound);
        return tx.preparedQuery(LOCK).execute(Tuple.of(requestId, applicationId)).compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(ApiException.notFound());
          }
          if (!"open".equals(rows.iterator().next().getString("status"))) {
            return Future.failedFuture(ApiException.conflict("komplettering_not_open"));
          }
          return AttachmentRepository.link(tx, applicationId, attachmentIds, me, "komplettering", null, requestId, now)
            .compose(linked -> linked != attachmentIds.size()
              ? Future.failedFuture(ApiException.invalid("attachments", "attachment_unknown"))
              : tx.preparedQuery(ANSWER).execute(Tuple.of(requestId, answer.isEmpty() ? null : answer,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), me)))
            .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "komplettering_answered",
              null, ApplicationEvent.Actor.resident(me),
              new JsonObject().put("requestId", requestId.toString()).put("attachments", attachmentIds.size())), now))
            .compose(v -> tx.preparedQuery(OPEN_COUNT).execute(Tuple.of(applicationId)))
            .compose(open -> {
              long stillOpen = open.iterator().next().getLong(0);
              if (stillOpen == 0 && application.status() == ApplicationStatus.KOMPLETTERING_REQUESTED) {
                return ApplicationRepository.move(tx, application, ApplicationStatus.UNDER_REVIEW, now)
                  .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "review_resumed",
                    ApplicationStatus.UNDER_REVIEW, ApplicationEvent.Actor.system(), new JsonObject()), now));
              }
              return Future.succeededFuture();
            })
            .map(v -> new JsonObject().put("id", requestId.toString()).put("status", "answered"));
        });
      }));
  }

  /** The case is decided: its open requests end (an answer must not reopen a decided case). */
  public static Future<Void> cancelOpen(SqlClient tx, UUID applicationId) {
    return tx.preparedQuery(CANCEL_OPEN).execute(Tuple.of(applicationId)).mapEmpty();
  }

  static List<UUID> ids(JsonArray array) {
    List<UUID> ids = new ArrayList<>();
    if (array == null) {
      return ids;
    }
    for (Object value : array) {
      try {
        ids.add(UUID.fromString(String.valueOf(value)));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("attachments", "attachment_unknown");
      }
    }
    if (ids.size() > 20) {
      throw ApiException.invalid("attachments", "too_many", 20);
    }
    return ids;
  }
}
