package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.notify.Notifier;
import se.socialportal.bistand.signing.SigningSummary;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mina sidor: every case of the resident and their household, one case in full (timeline, signatures, attachments,
 * komplettering, messages, decision, payments), and withdrawal. A case is the resident's when they are its applicant,
 * or its co-applicant once it has left draft; anything else is "not found".
 */
public final class CaseService {

  private static final String BASE = "/api/v1/cases/";

  private final Pool pool;
  private final Clock clock;
  private final Notifier notifier;
  private final MessageThread messages;
  private final Komplettering komplettering;
  private final CasePage page;
  private final CaseContact contact;

  public CaseService(Pool pool, Clock clock, Notifier notifier, MessageThread messages, Komplettering komplettering,
                     DecisionsAndPayments decisions, CaseContact contact) {
    this.contact = contact;
    this.pool = pool;
    this.clock = clock;
    this.notifier = notifier;
    this.messages = messages;
    this.komplettering = komplettering;
    this.page = new CasePage(decisions);
  }

  public Future<JsonObject> list(Session session) {
    UUID me = session.residentId();
    return CaseList.of(pool, session.tenantId(), me).map(lines -> {
      JsonArray cases = new JsonArray();
      for (CaseList.Line line : lines) {
        cases.add(new JsonObject().put("id", line.id().toString())
          .put("month", line.month().toString()).put("kind", line.kind())
          .put("status", line.status().db()).put("role", line.roleOf(me))
          .put("updatedAt", line.updatedAt().toString())
          .put("submittedAt", line.submittedAt().map(Instant::toString).orElse(null))
          .put("openKompletteringar", line.openKompletteringar())
          .put("unreadMessages", line.unreadMessages())
          .put("waitingForRules", CalculationWait.waitingFor(line.version(), line.robotWait()).orElse(null))
          .put("actions", actions(line.status(), line.applicantId().equals(me),
            line.coApplicantId().filter(me::equals).isPresent(), line.cosignDeadline())));
      }
      return new JsonObject().put("cases", cases).put("contact", contact.tenant(session.tenantId()));
    });
  }

  public Future<JsonObject> get(Session session, UUID id) {
    UUID me = session.residentId();
    return page.read(pool, id, session.tenantId(), me).compose(found -> {
      CasePage.Read read = found.orElseThrow(ApiException::notFound);
      MessageThread.Read thread = MessageThread.thread(read.messages(), me, read.attachments());
      JsonObject json = json(read, me, thread.messages());
      // The household has now seen the staff's messages.
      return thread.unread() ? messages.markRead(pool, id).map(json) : Future.succeededFuture(json);
    });
  }

  private JsonObject json(CasePage.Read read, UUID me, JsonArray thread) {
    ApplicationRow application = read.application();
    String id = application.id().toString();
    Map<UUID, String> people = new HashMap<>();
    people.put(application.applicantId(), read.applicantName());
    // The co-applicant's name is theirs: the applicant named them by personnummer and learns no more.
    if (!application.isApplicant(me)) {
      application.coApplicantId().ifPresent(co -> people.put(co, read.coApplicantName()));
    }
    boolean awaitingMe = awaitingSignatureOf(application, me);
    JsonObject json = new JsonObject().put("id", id)
      .put("month", application.month().toString()).put("kind", application.kind())
      .put("channel", application.channel()).put("status", application.status().db())
      .put("role", application.roleOf(me).orElseThrow()).put("version", application.version())
      .put("submittedAt", application.submittedAt().map(Instant::toString).orElse(null))
      .put("applicant", person(application.applicantId(), people))
      .put("coApplicant", application.coApplicantId().map(co -> person(co, people)).orElse(null))
      .put("cosignDeadline", application.cosignDeadline().map(Instant::toString).orElse(null))
      .put("steps", Timeline.steps(application, read.events()))
      .put("history", Timeline.history(read.events()))
      .put("waitingForRules", CalculationWait.of(application, read.events()).orElse(null))
      .put("signatures", new JsonArray(read.signatures().stream().map(signature -> new JsonObject()
        .put("role", signature.role()).put("name", people.get(signature.personId()))
        .put("signedAt", signature.signedAt().toString())
        .put("receipt", BASE + id + "/receipts/" + signature.role())).toList()))
      .put("totals", SigningSummary.totals(read.totalsParts()).toJson())
      .put("attachments", new JsonArray(read.attachments().stream()
        .filter(a -> a.sentAt().isPresent() || a.uploadedBy().filter(me::equals).isPresent()
          || awaitingMe && "application".equals(a.purpose()))
        .map(AttachmentRepository.Attachment::toJson).toList()))
      .put("kompletteringar", komplettering.list(read.kompletteringar()))
      .put("messages", thread)
      .put("actions", actions(application, me));
    if (awaitingMe) {
      // The co-applicant signs the whole application: they read every figure of it first.
      json.put("content", application.content());
    }
    json.mergeIn(read.outcome());
    json.put("contact", contact.forCase(application, read.handlaggare()));
    json.put("previousDecisions", read.previousDecisions());
    return json;
  }

  /** The applicant withdraws the application (a draft is discarded the same way); the month is free again. */
  public Future<JsonObject> withdraw(Session session, UUID id) {
    UUID me = session.residentId();
    Instant now = clock.instant();
    return pool.withTransaction(tx -> ApplicationRepository.lockVisible(tx, id, session.tenantId(), me)
      .compose(found -> {
        ApplicationRow application = found.orElseThrow(ApiException::notFound);
        if (!application.isApplicant(me)) {
          return Future.failedFuture(ApiException.forbidden("withdraw_applicant_only"));
        }
        if (!ApplicationStatus.WITHDRAWABLE.contains(application.status())) {
          return Future.failedFuture(ApiException.conflict("application_not_withdrawable"));
        }
        return ApplicationRepository.withdraw(tx, application, now)
          .compose(v -> ApplicationRepository.releaseMonth(tx, id))
          .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "withdrawn",
            ApplicationStatus.WITHDRAWN, ApplicationEvent.Actor.resident(me),
            new JsonObject().put("from", application.status().db())), now))
          .compose(v -> application.coApplicantId().filter(co -> application.status() != ApplicationStatus.DRAFT)
            .map(co -> notifier.notify(tx, application.tenantId(), co, Notifier.WITHDRAWN, id, new JsonObject()))
            .orElse(Future.succeededFuture()))
          .map(v -> new JsonObject().put("id", id.toString()).put("status", ApplicationStatus.WITHDRAWN.db()));
      }));
  }

  private boolean awaitingSignatureOf(ApplicationRow application, UUID me) {
    return awaitingSignature(application.status(), application.isCoApplicant(me), application.cosignDeadline());
  }

  private boolean awaitingSignature(ApplicationStatus status, boolean coApplicant, Optional<Instant> cosignDeadline) {
    return status == ApplicationStatus.AWAITING_COSIGNATURE && coApplicant
      && cosignDeadline.map(deadline -> deadline.isAfter(clock.instant())).orElse(false);
  }

  private JsonObject actions(ApplicationRow application, UUID me) {
    return actions(application.status(), application.isApplicant(me), application.isCoApplicant(me),
      application.cosignDeadline());
  }

  private JsonObject actions(ApplicationStatus status, boolean applicant, boolean coApplicant,
                             Optional<Instant> cosignDeadline) {
    boolean awaitingMe = awaitingSignature(status, coApplicant, cosignDeadline);
    return new JsonObject()
      .put("edit", applicant && status == ApplicationStatus.DRAFT)
      .put("cosign", awaitingMe)
      .put("declineCosign", awaitingMe)
      .put("withdraw", applicant && ApplicationStatus.WITHDRAWABLE.contains(status))
      .put("message", status != ApplicationStatus.DRAFT);
  }

  private static JsonObject person(UUID id, Map<UUID, String> names) {
    String name = names.get(id);
    return new JsonObject().put("name", name == null || name.isEmpty() ? null : name);
  }
}
