package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.bistand.attachment.MultipartReceiver;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The resident's side: the decisions they may appeal (those whose letter was for them), writing an appeal (which
 * decision, what change, why), attaching documents, and following its status. Nothing the resident types is refused
 * for being late or incomplete while it is a draft; completeness is checked when they sign (AppealSigning), and the
 * date is never a reason to refuse (FL 45 §: the nämnd decides about a late appeal). Every read is audit-logged.
 */
final class ResidentAppeals {

  static final int CHANGE_MAX = 4000;
  static final int REASONS_MAX = 8000;
  static final int MAX_ATTACHMENTS = 10;

  private final Pool pool;
  private final Clock clock;
  private final AttachmentStore store;

  ResidentAppeals(Pool pool, Clock clock, AttachmentStore store) {
    this.pool = pool;
    this.clock = clock;
    this.store = store;
  }

  LocalDate today() {
    return clock.instant().atZone(AppealRepository.STOCKHOLM).toLocalDate();
  }

  /** The decisions the resident may appeal, with their deadlines, and the appeals they have written. */
  Future<JsonObject> overview(Session session, String requestId) {
    UUID me = session.residentId();
    LocalDate today = today();
    return pool.withTransaction(tx -> AppealRepository.decisionsOf(tx, session.tenantId(), me)
      .compose(decisions -> AppealRepository.ofPerson(tx, session.tenantId(), me).compose(appeals -> {
        Map<UUID, AppealRepository.Decision> byId = decisions.stream()
          .collect(Collectors.toMap(AppealRepository.Decision::id, Function.identity(), (a, b) -> a));
        JsonArray decisionJson = new JsonArray();
        decisions.forEach(decision -> decisionJson.add(decisionJson(decision, today)));
        JsonArray appealJson = new JsonArray();
        appeals.forEach(appeal -> appealJson.add(summary(appeal, Optional.ofNullable(byId.get(appeal.decisionId())))));
        return audit(tx, session, "overklagande.list", null, requestId)
          .map(v -> new JsonObject().put("decisions", decisionJson).put("appeals", appealJson));
      })));
  }

  /** Starts (or returns) the resident's draft appeal of a decision that was theirs. */
  Future<JsonObject> start(Session session, JsonObject body, String requestId) {
    UUID decisionId = Ids.field(body, "decisionId");
    Instant now = clock.instant();
    return pool.withTransaction(tx -> AppealRepository.decisionOf(tx, session.tenantId(), session.residentId(), decisionId)
      .compose(found -> {
        AppealRepository.Decision decision = found.orElseThrow(() -> ApiException.invalid("decisionId", "appeal_decision"));
        return AppealRepository.draft(tx, decision, session.residentId(),
          AppealDeadlines.deadline(decision.deliveredOn()), now);
      })).compose(id -> view(session, id, requestId));
  }

  /** One appeal of the resident's, as Mina sidor shows it. */
  Future<JsonObject> view(Session session, UUID id, String requestId) {
    LocalDate today = today();
    return pool.withTransaction(tx -> mine(tx, session, id).compose(appeal -> AppealRepository
      .decisionOf(tx, session.tenantId(), session.residentId(), appeal.decisionId())
      .compose(decision -> AppealRepository.attachments(tx, id).compose(files ->
        audit(tx, session, "overklagande.read", appeal.applicationId(), requestId).map(v -> {
          JsonObject json = summary(appeal, decision);
          json.put("changeRequested", appeal.changeRequested()).put("reasons", appeal.reasons())
            .put("attachments", attachmentsJson(files));
          if ("draft".equals(appeal.status())) {
            json.put("lateIfSentToday", AppealDeadlines.late(today, appeal.deadline()));
          }
          return json;
        })))));
  }

  /** Saves what the resident typed, as typed (only a text too long for the register is refused). */
  Future<JsonObject> save(Session session, UUID id, JsonObject body, String requestId) {
    String change = text(body, "changeRequested", CHANGE_MAX);
    String reasons = text(body, "reasons", REASONS_MAX);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> draft(tx, session, id)
        .compose(appeal -> AppealRepository.save(tx, id, change, reasons, now)))
      .compose(v -> view(session, id, requestId));
  }

  Future<JsonObject> upload(Session session, UUID id, MultipartReceiver.Received received) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> draft(tx, session, id).compose(appeal -> AppealRepository.attachments(tx, id))
        .compose(files -> {
          if (files.size() >= MAX_ATTACHMENTS) {
            return Future.failedFuture(ApiException.invalid("file", "appeal_too_many_files", MAX_ATTACHMENTS));
          }
          return store.takeIn(received).compose(stored -> AppealRepository.addAttachment(tx, id, session.tenantId(),
            fileName(received.fileName()), stored.type().mediaType(), stored.size(), stored.sha256(),
            stored.storageKey(), now));
        }))
      .recover(failure -> store.discard(received).compose(v -> Future.failedFuture(failure)))
      .map(file -> attachmentJson(file));
  }

  Future<Void> removeAttachment(Session session, UUID id, UUID attachmentId) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> draft(tx, session, id)
        .compose(appeal -> AppealRepository.removeAttachment(tx, id, attachmentId, now)))
      .compose(key -> key.map(store::delete).orElseGet(() -> Future.failedFuture(ApiException.notFound())));
  }

  /** The resident's own appeal, locked; anyone else's (or none) is 404. */
  static Future<AppealRepository.Appeal> mine(SqlClient tx, Session session, UUID id) {
    return AppealRepository.lock(tx, session.tenantId(), id).map(found -> found
      .filter(appeal -> appeal.personId().equals(session.residentId()))
      .orElseThrow(ApiException::notFound));
  }

  static Future<AppealRepository.Appeal> draft(SqlClient tx, Session session, UUID id) {
    return mine(tx, session, id).map(appeal -> {
      if (!"draft".equals(appeal.status())) {
        throw ApiException.conflict("appeal_already_sent");
      }
      return appeal;
    });
  }

  private Future<Void> audit(SqlClient tx, Session session, String action, UUID caseId, String requestId) {
    return AuditLog.record(tx, AuditEntry.by(session, action, session.residentId(), caseId, requestId), clock.instant());
  }

  static JsonObject decisionJson(AppealRepository.Decision decision, LocalDate today) {
    LocalDate deadline = AppealDeadlines.deadline(decision.deliveredOn());
    return new JsonObject().put("id", decision.id().toString()).put("caseId", decision.applicationId().toString())
      .put("type", decision.type()).put("outcome", decision.outcome()).put("amount", decision.amount().toPlainString())
      .put("decidedAt", decision.decidedAt().toString()).put("letterId", decision.letterId().toString())
      .put("month", decision.month().toString().substring(0, 7)).put("deliveredOn", decision.deliveredOn().toString())
      .put("deadline", deadline.toString()).put("lateIfSentToday", AppealDeadlines.late(today, deadline));
  }

  static JsonObject summary(AppealRepository.Appeal appeal, Optional<AppealRepository.Decision> decision) {
    JsonObject json = new JsonObject().put("id", appeal.id().toString()).put("status", appeal.status())
      .put("caseId", appeal.applicationId().toString()).put("decisionId", appeal.decisionId().toString())
      .put("deliveredOn", appeal.deliveredOn().toString()).put("deadline", appeal.deadline().toString())
      .put("createdAt", appeal.createdAt().toString());
    decision.ifPresent(found -> json.put("decision", decisionJson(found, found.deliveredOn())));
    appeal.receivedAt().ifPresent(at -> json.put("receivedAt", at.toString()));
    appeal.late().ifPresent(late -> json.put("late", late));
    appeal.forwardBy().ifPresent(day -> json.put("forwardBy", day.toString()));
    appeal.omprovningDecisionId().ifPresent(id -> json.put("omprovning", new JsonObject()
      .put("decisionId", id.toString()).put("asRequested", appeal.omprovningAsRequested().orElse(false))
      .put("at", appeal.omprovningAt().map(Instant::toString).orElse(null))));
    appeal.forwardedAt().ifPresent(at -> json.put("forwardedAt", at.toString()));
    return json;
  }

  static JsonArray attachmentsJson(List<AppealRepository.Attachment> files) {
    JsonArray json = new JsonArray();
    files.forEach(file -> json.add(attachmentJson(file)));
    return json;
  }

  static JsonObject attachmentJson(AppealRepository.Attachment file) {
    return new JsonObject().put("id", file.id().toString()).put("fileName", file.fileName())
      .put("mediaType", file.mediaType()).put("size", file.size()).put("createdAt", file.createdAt().toString());
  }

  private static String text(JsonObject body, String field, int max) {
    String value = Optional.ofNullable(JsonFields.optionalText(body, field)).orElse("");
    if (value.length() > max) {
      throw ApiException.invalid(field, "too_long", max);
    }
    return value;
  }

  /** The name as the resident's device gave it, without any path and control characters, at most 200 characters. */
  static String fileName(String original) {
    String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      name = "bilaga";
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
