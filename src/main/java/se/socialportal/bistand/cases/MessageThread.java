package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
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
import java.util.List;
import java.util.UUID;

/**
 * The two-way message thread of a case between the household and the handläggare. Residents write from Mina sidor
 * (with attachments they uploaded for the message); staff write through {@link #postFromStaff} (casework).
 */
public final class MessageThread {

  private static final String INSERT = "INSERT INTO case_message (tenant_id, application_id, author_kind, "
    + "author_person_id, author_staff_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    + "RETURNING id, created_at";
  private static final String MARK_READ = "UPDATE case_message SET read_at = $2 WHERE application_id = $1 "
    + "AND author_kind = 'staff' AND read_at IS NULL";
  private static final String MARK_READ_BY_STAFF = "UPDATE case_message SET read_at = $2 WHERE application_id = $1 "
    + "AND author_kind = 'resident' AND read_at IS NULL";

  private final Pool pool;
  private final Clock clock;
  private final Notifier notifier;

  public MessageThread(Pool pool, Clock clock, Notifier notifier) {
    this.pool = pool;
    this.clock = clock;
    this.notifier = notifier;
  }

  public Future<JsonObject> post(Session session, UUID applicationId, String body, List<UUID> attachmentIds) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      return Future.failedFuture(ApiException.invalid("body", "message_empty"));
    }
    if (text.length() > 4000) {
      return Future.failedFuture(ApiException.invalid("body", "too_long", 4000));
    }
    UUID me = session.residentId();
    Instant now = clock.instant();
    return pool.withTransaction(tx -> ApplicationRepository.lockVisible(tx, applicationId, session.tenantId(), me)
      .compose(found -> {
        ApplicationRow application = found.orElseThrow(ApiException::notFound);
        if (application.status() == ApplicationStatus.DRAFT) {
          return Future.failedFuture(ApiException.conflict("messages_after_submission"));
        }
        return tx.preparedQuery(INSERT).execute(Tuple.of(application.tenantId(), applicationId, "resident", me, null,
            text).addValue(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
          .compose(rows -> {
            UUID messageId = rows.iterator().next().getUUID("id");
            return AttachmentRepository.link(tx, applicationId, attachmentIds, me, "message", messageId, null, now)
              .compose(linked -> linked != attachmentIds.size()
                ? Future.failedFuture(ApiException.invalid("attachments", "attachment_unknown"))
                : Future.succeededFuture(new JsonObject().put("id", messageId.toString())));
          });
      }));
  }

  /** A handläggare writes to the household (for casework to call in its transaction); both adults are notified. */
  public Future<UUID> postFromStaff(SqlConnection tx, ApplicationRow application, UUID staffId, String body) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(application.tenantId(), application.id(), "staff", null, staffId,
        body).addValue(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
      .map(rows -> rows.iterator().next().getUUID("id"))
      .compose(id -> notifier.notify(tx, application.tenantId(), application.applicantId(), Notifier.MESSAGE_FROM_STAFF,
          application.id(), new JsonObject().put("messageId", id.toString()))
        .compose(v -> application.coApplicantId().filter(co -> application.status() != ApplicationStatus.DRAFT)
          .map(co -> notifier.notify(tx, application.tenantId(), co, Notifier.MESSAGE_FROM_STAFF, application.id(),
            new JsonObject().put("messageId", id.toString()))).orElse(Future.succeededFuture()))
        .map(id));
  }

  /**
   * The thread of an application ({@code applicationId}, {@code applicantId}: SQL expressions) as one JSON array,
   * with each author's name.
   */
  static String threadJson(String applicationId, String applicantId) {
    return "(SELECT json_agg(json_build_array(m.id, m.author_kind, m.author_person_id, m.body, "
      + SqlJson.micros("m.created_at") + ", m.read_at IS NULL, s.name, trim(concat_ws(' ', p.given_name, p.surname)), "
      + "m.author_person_id = " + applicantId + ") ORDER BY m.created_at, m.id) FROM case_message m "
      + "LEFT JOIN staff_member s ON s.id = m.author_staff_id LEFT JOIN person p ON p.id = m.author_person_id "
      + "WHERE m.application_id = " + applicationId + ")";
  }

  /** The thread as the household sees it, with each message's attachments; {@code unread}: a staff message is. */
  record Read(JsonArray messages, boolean unread) {
  }

  /** The thread written by {@link #threadJson} (null: no message). */
  static Read thread(JsonArray rows, UUID me, List<AttachmentRepository.Attachment> attachments) {
    JsonArray list = new JsonArray();
    boolean anyUnread = false;
    if (rows != null) {
      for (int i = 0; i < rows.size(); i++) {
        JsonArray row = rows.getJsonArray(i);
        String id = row.getString(0);
        boolean staff = "staff".equals(row.getString(1));
        boolean unread = staff && Boolean.TRUE.equals(row.getBoolean(5));
        anyUnread |= unread;
        boolean mine = me.toString().equals(row.getString(2));
        // A resident's name only to themselves and, for the applicant's own messages, to the co-applicant: the
        // applicant named the co-applicant by personnummer and learns nothing more about them here either.
        boolean named = staff || mine || Boolean.TRUE.equals(row.getBoolean(8));
        list.add(new JsonObject().put("id", id).put("authorKind", row.getString(1))
          .put("mine", mine)
          .put("authorName", !named ? null : staff ? row.getString(6) : row.getString(7))
          .put("body", row.getString(3)).put("createdAt", SqlJson.instant(row.getValue(4)).toString())
          .put("unread", unread)
          .put("attachments", new JsonArray(attachments.stream()
            .filter(a -> a.messageId().filter(m -> m.toString().equals(id)).isPresent())
            .map(AttachmentRepository.Attachment::toJson).toList())));
      }
    }
    return new Read(list, anyUnread);
  }

  /** The household has read the thread: the staff's messages are marked read. */
  Future<Void> markRead(SqlClient client, UUID applicationId) {
    return client.preparedQuery(MARK_READ).execute(Tuple.of(applicationId,
      OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))).mapEmpty();
  }

  /** A handläggare has read the thread: the household's messages are marked read (casework's case view). */
  public static Future<Void> markReadByStaff(SqlClient client, UUID applicationId, Instant at) {
    return client.preparedQuery(MARK_READ_BY_STAFF).execute(Tuple.of(applicationId,
      java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))).mapEmpty();
  }
}
