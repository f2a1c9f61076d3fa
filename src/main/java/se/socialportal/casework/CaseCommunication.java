package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.cases.MessageThread;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The handläggare's side of the conversation with the household, through the e-tjänst's own services (bistånd owns
 * the tables): ask for komplettering by a deadline (the household is notified and answers on Mina sidor), write a
 * message, read the thread, and see and open the attachments. Every read and change is audited.
 */
public final class CaseCommunication {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final int MAX_DEADLINE_DAYS = 60;
  private static final String MESSAGES = "SELECT m.id, m.author_kind, m.body, m.created_at, m.read_at, s.name AS staff_name, "
    + "trim(concat_ws(' ', p.given_name, p.surname)) AS person_name FROM case_message m "
    + "LEFT JOIN staff_member s ON s.id = m.author_staff_id LEFT JOIN person p ON p.id = m.author_person_id "
    + "WHERE m.application_id = $1 ORDER BY m.created_at, m.id";

  private final Pool pool;
  private final Clock clock;
  private final Komplettering komplettering;
  private final MessageThread messages;
  private final AttachmentStore store;

  public CaseCommunication(Pool pool, Clock clock, Komplettering komplettering, MessageThread messages,
                           AttachmentStore store) {
    this.pool = pool;
    this.clock = clock;
    this.komplettering = komplettering;
    this.messages = messages;
    this.store = store;
  }

  /** {message, items?: [category], dueDate: YYYY-MM-DD} — due at the end of that day, Swedish time. */
  public Future<JsonObject> requestKomplettering(Session session, UUID applicationId, JsonObject body, String requestId) {
    String message = JsonFields.text(body, "message").strip();
    if (message.isEmpty() || message.length() > 4000) {
      return Future.failedFuture(ApiException.invalid("message", "komplettering_message_required"));
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    LocalDate due;
    try {
      due = LocalDate.parse(JsonFields.text(body, "dueDate"));
    } catch (DateTimeParseException e) {
      return Future.failedFuture(ApiException.invalid("dueDate", "date_invalid"));
    }
    if (due.isBefore(today.plusDays(1)) || due.isAfter(today.plusDays(MAX_DEADLINE_DAYS))) {
      return Future.failedFuture(ApiException.invalid("dueDate", "komplettering_deadline", MAX_DEADLINE_DAYS));
    }
    List<String> items = new ArrayList<>();
    JsonFields.array(body, "items").forEach(item -> items.add(String.valueOf(item)));
    Instant dueAt = due.plusDays(1).atStartOfDay(STOCKHOLM).toInstant().minusSeconds(1);
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> {
      if (!header.open()) {
        return Future.failedFuture(ApiException.conflict("case_not_open"));
      }
      return application(tx, header).compose(application -> komplettering.request(tx, application,
          java.util.Optional.of(session.staffMemberId()), message, items, dueAt))
        .compose(id -> CaseAudit.record(tx, session, header, "case.request_komplettering", requestId,
          new JsonObject().put("requestId", id.toString()), now).map(new JsonObject().put("id", id.toString())
          .put("dueAt", dueAt.toString())));
    }));
  }

  public Future<JsonObject> sendMessage(Session session, UUID applicationId, JsonObject body, String requestId) {
    String text = JsonFields.text(body, "body").strip();
    if (text.isEmpty() || text.length() > 4000) {
      return Future.failedFuture(ApiException.invalid("body", "message_required"));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId)
      .compose(header -> application(tx, header)
        .compose(application -> messages.postFromStaff(tx, application, session.staffMemberId(), text))
        .compose(id -> CaseEvents.staff(tx, header, "message_from_staff", null, session.staffMemberId(),
            new JsonObject().put("messageId", id.toString()), now)
          .compose(v -> CaseAudit.record(tx, session, header, "case.message", requestId, new JsonObject(), now))
          .map(new JsonObject().put("id", id.toString())))));
  }

  /** The thread, the komplettering requests and the attachments, for the case view (audited by the caller). */
  public Future<JsonObject> read(SqlClient tx, CaseHeader header) {
    return tx.preparedQuery(MESSAGES).execute(Tuple.of(header.id())).compose(rows -> {
      JsonArray thread = new JsonArray();
      for (Row row : rows) {
        boolean staff = "staff".equals(row.getString("author_kind"));
        thread.add(new JsonObject().put("id", row.getUUID("id").toString()).put("authorKind", row.getString("author_kind"))
          .put("authorName", staff ? row.getString("staff_name") : row.getString("person_name"))
          .put("body", row.getString("body")).put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
          .put("unread", !staff && row.getOffsetDateTime("read_at") == null));
      }
      // Staff read the thread: the household's messages are marked read (the resident's own view marks staff's).
      return MessageThread.markReadByStaff(tx, header.id(), clock.instant())
        .compose(v -> komplettering.list(tx, header.id()))
        .compose(requests -> AttachmentRepository.list(tx, header.id()).map(attachments -> new JsonObject()
          .put("messages", thread).put("kompletteringar", requests)
          .put("attachments", new JsonArray(attachments.stream().filter(a -> a.sentAt().isPresent())
            .map(AttachmentRepository.Attachment::toJson).toList()))));
    });
  }

  /** An attachment the household has sent, for a handläggare who may see the case; the download is audited. */
  public Future<Download> attachment(Session session, UUID applicationId, UUID attachmentId, String requestId) {
    return pool.withTransaction(tx -> CaseAccess.visible(tx, session, applicationId)
      .compose(header -> AttachmentRepository.find(tx, applicationId, attachmentId).compose(found -> {
        if (found.isEmpty() || found.get().sentAt().isEmpty()) {
          return Future.failedFuture(ApiException.notFound());
        }
        return CaseAudit.record(tx, session, header, "attachment.read", requestId,
            new JsonObject().put("attachmentId", attachmentId.toString()), clock.instant())
          .map(new Download(found.get().fileName(), found.get().mediaType(), store.path(found.get().storageKey())));
      })));
  }

  public record Download(String fileName, String mediaType, Path file) {
  }

  private static Future<ApplicationRow> application(SqlClient tx, CaseHeader header) {
    return ApplicationRepository.find(tx, header.id()).map(found -> found.orElseThrow(ApiException::notFound));
  }
}
