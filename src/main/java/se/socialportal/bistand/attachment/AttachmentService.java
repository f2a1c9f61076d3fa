package se.socialportal.bistand.attachment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * Attachments of a case: taken in (type by content, size, count, SHA-256), listed, removed while unsent, and handed
 * out only to the household (every download is audit-logged). Purposes: {@code application} (with a draft, for the
 * documents the rules ask for), {@code message} (with a message to the handläggare) and {@code komplettering} (with
 * an answer to an open request).
 */
public final class AttachmentService {

  private static final String OPEN_KOMPLETTERING = "SELECT count(*) FROM komplettering_request "
    + "WHERE application_id = $1 AND status = 'open'";

  private final Pool pool;
  private final Clock clock;
  private final AttachmentStore store;

  public AttachmentService(Pool pool, Clock clock, AttachmentStore store) {
    this.pool = pool;
    this.clock = clock;
    this.store = store;
  }

  public AttachmentStore store() {
    return store;
  }

  /** Takes in the one file of a request; the received temporary file is gone afterwards in every case. */
  public Future<JsonObject> upload(Session session, UUID applicationId, MultipartReceiver.Received received) {
    String purpose = received.attributes().get("purpose");
    String category = received.attributes().get("category");
    UUID me = session.residentId();
    return permitted(session, applicationId, purpose, category)
      .recover(failure -> store.discard(received).compose(v -> Future.failedFuture(failure)))
      .compose(application -> store.takeIn(received))
      .compose(stored -> pool.withTransaction(tx -> ApplicationRepository.lockVisible(tx, applicationId,
          session.tenantId(), me).compose(locked -> AttachmentRepository.count(tx, applicationId))
          .compose(count -> count >= AttachmentStore.MAX_PER_APPLICATION
            ? Future.failedFuture(ApiException.invalid("file", "attachment_too_many", AttachmentStore.MAX_PER_APPLICATION))
            : AttachmentRepository.insert(tx, session.tenantId(), applicationId, me, purpose,
              categoryFor(purpose, category), fileName(received.fileName(), stored.type()), stored, clock.instant())))
        .recover(failure -> store.delete(stored.storageKey()).compose(v -> Future.failedFuture(failure))))
      .map(AttachmentRepository.Attachment::toJson);
  }

  private Future<ApplicationRow> permitted(Session session, UUID applicationId, String purpose, String category) {
    UUID me = session.residentId();
    return ApplicationRepository.findVisible(pool, applicationId, session.tenantId(), me).compose(found -> {
      ApplicationRow application = found.orElseThrow(ApiException::notFound);
      switch (purpose == null ? "" : purpose) {
        case "application":
          if (!application.isApplicant(me) || application.status() != ApplicationStatus.DRAFT) {
            return Future.failedFuture(ApiException.conflict("application_not_draft"));
          }
          if (category == null || !category.matches("[a-zA-Z]{1,40}([.][a-zA-Z0-9]{1,40})?")) {
            return Future.failedFuture(ApiException.invalid("category", "choose_option"));
          }
          return Future.succeededFuture(application);
        case "message":
          return application.status() == ApplicationStatus.DRAFT
            ? Future.failedFuture(ApiException.conflict("messages_after_submission"))
            : Future.succeededFuture(application);
        case "komplettering":
          return pool.preparedQuery(OPEN_KOMPLETTERING).execute(io.vertx.sqlclient.Tuple.of(applicationId))
            .compose(rows -> rows.iterator().next().getLong(0) > 0 ? Future.succeededFuture(application)
              : Future.failedFuture(ApiException.conflict("komplettering_not_open")));
        default:
          return Future.failedFuture(ApiException.invalid("purpose", "choose_option"));
      }
    });
  }

  /** A draft's attachment may be removed until it is sent; afterwards it is part of the case. */
  public Future<Void> remove(Session session, UUID applicationId, UUID attachmentId) {
    UUID me = session.residentId();
    return pool.withTransaction(tx -> ApplicationRepository.lockVisible(tx, applicationId, session.tenantId(), me)
      .compose(found -> {
        found.orElseThrow(ApiException::notFound);
        return AttachmentRepository.find(tx, applicationId, attachmentId);
      })
      .compose(attachment -> {
        if (attachment.isEmpty() || attachment.get().uploadedBy().filter(me::equals).isEmpty()) {
          return Future.failedFuture(ApiException.notFound());
        }
        return AttachmentRepository.remove(tx, applicationId, attachmentId, clock.instant());
      }))
      .compose(removed -> removed.isEmpty()
        ? Future.failedFuture(ApiException.conflict("attachment_already_sent"))
        : store.delete(removed.get()));
  }

  /** The attachment to hand out, after checking it is the household's; the download is audit-logged. */
  public Future<AttachmentRepository.Attachment> forDownload(Session session, UUID applicationId, UUID attachmentId,
                                                             String requestId) {
    UUID me = session.residentId();
    return ApplicationRepository.findVisible(pool, applicationId, session.tenantId(), me).compose(found -> {
      ApplicationRow application = found.orElseThrow(ApiException::notFound);
      return AttachmentRepository.find(pool, applicationId, attachmentId).compose(attachment -> {
        // The co-applicant asked to sign reads the documents the applicant attached before signing them.
        boolean toSign = application.status() == ApplicationStatus.AWAITING_COSIGNATURE
          && application.isCoApplicant(me) && attachment.map(a -> "application".equals(a.purpose())).orElse(false);
        if (attachment.isEmpty() || !(attachment.get().sentAt().isPresent()
          || attachment.get().uploadedBy().filter(me::equals).isPresent() || toSign)) {
          return Future.failedFuture(ApiException.notFound());
        }
        return AuditLog.record(pool, AuditEntry.by(session, "attachment.read", application.applicantId(),
            applicationId, requestId).withDetail(new JsonObject().put("attachmentId", attachmentId.toString())),
            clock.instant())
          .map(attachment.get());
      });
    });
  }

  public Path path(AttachmentRepository.Attachment attachment) {
    return store.path(attachment.storageKey());
  }

  private static String categoryFor(String purpose, String category) {
    return purpose.equals("application") ? category : purpose;
  }

  /**
   * The name the resident's file had, without any path, without control and format characters (Cc, Cf — bidi
   * overrides and isolates, zero-width characters — and line separators: with U+202E in it, "räkning", U+202E,
   * "fdp.exe" is shown as "räkningexe.pdf"), at most 200 characters, ending in the extension of what the file is.
   */
  static String fileName(String original, FileType type) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1)
      .replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}\"<>|*?:]", "").strip();
    if (name.isEmpty()) {
      return "bilaga." + type.extension();
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean named = lower.endsWith("." + type.extension()) || (type == FileType.JPEG && lower.endsWith(".jpeg"));
    String suffix = named ? "" : "." + type.extension();
    if (name.length() + suffix.length() > 200) {
      name = name.substring(name.length() + suffix.length() - 200);
    }
    return name + suffix;
  }
}
