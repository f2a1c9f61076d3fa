package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.DraftService;
import se.socialportal.bistand.IdempotencyKeys;
import se.socialportal.bistand.Submission;
import se.socialportal.bistand.notify.Notifier;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signing and submission. The applicant signs a checked draft with BankID; with a co-applicant the application then
 * waits for the co-applicant's own signature (on their Mina sidor, by a deadline); when every adult applying has signed
 * it is submitted. The completion runs in the transaction in which the order service marks the BankID order used, so
 * the signature, the new status, the attachments and the robot's job are stored together or not at all, exactly once.
 */
public final class SigningService implements SignatureCompletion {

  public static final String SUBJECT_PREFIX = "application:";

  private final Pool pool;
  private final Clock clock;
  private final DraftService drafts;
  private final Notifier notifier;
  private final Submission submission;
  private final Duration cosignDeadline;
  private final SignatureOrders orders;

  public SigningService(Pool pool, Clock clock, DraftService drafts, Notifier notifier, Submission submission,
                        Duration cosignDeadline, SignatureOrders orders) {
    this.pool = pool;
    this.clock = clock;
    this.drafts = drafts;
    this.notifier = notifier;
    this.submission = submission;
    this.cosignDeadline = cosignDeadline;
    this.orders = orders;
  }

  /** The applicant starts signing a draft; repeated with the same key, the same order is returned. */
  public Future<JsonObject> startApplicantSign(RoutingContext ctx, Session session, UUID id, String idempotencyKey) {
    var request = new IdempotencyKeys.Request(session.tenantId(), session.residentId(), "sign:" + id, idempotencyKey,
      "applicant");
    return once(request, () -> drafts.review(pool, session, id).compose(application ->
      start(ctx, session, application, "applicant")));
  }

  /** The co-applicant starts signing an application that waits for them. */
  public Future<JsonObject> startCoApplicantSign(RoutingContext ctx, Session session, UUID id, String idempotencyKey) {
    var request = new IdempotencyKeys.Request(session.tenantId(), session.residentId(), "cosign:" + id,
      idempotencyKey, "coApplicant");
    return once(request, () -> ApplicationRepository.findVisible(pool, id, session.tenantId(), session.residentId())
      .compose(found -> {
        ApplicationRow application = found.filter(row -> row.isCoApplicant(session.residentId()))
          .orElseThrow(ApiException::notFound);
        if (application.status() != ApplicationStatus.AWAITING_COSIGNATURE
          || !application.cosignDeadline().map(deadline -> deadline.isAfter(clock.instant())).orElse(false)) {
          return Future.failedFuture(ApiException.conflict("cosignature_not_awaited"));
        }
        return start(ctx, session, application, "coApplicant");
      }));
  }

  private Future<JsonObject> once(IdempotencyKeys.Request request, java.util.function.Supplier<Future<JsonObject>> work) {
    return IdempotencyKeys.reserve(pool, request).compose(stored -> {
      if (stored.isPresent()) {
        return Future.succeededFuture(stored.get());
      }
      return work.get()
        .compose(answer -> IdempotencyKeys.complete(pool, request, answer).map(answer))
        .recover(failure -> IdempotencyKeys.release(pool, request).compose(v -> Future.failedFuture(failure)));
    });
  }

  private Future<JsonObject> start(RoutingContext ctx, Session session, ApplicationRow application, String role) {
    String subject = SUBJECT_PREFIX + application.id() + ":" + role + ":" + application.contentHash();
    String text = SigningSummary.markdown(application.month(), application.content(), role);
    return orders.startSign(ctx, session.tenantId(), session.residentId(), subject, text)
      .map(started -> started.toJson().put("applicationId", application.id().toString()).put("role", role));
  }

  /** Called once per completed order whose subject starts with {@value #SUBJECT_PREFIX}, in the order's transaction. */
  @Override
  public Future<JsonObject> complete(SqlConnection tx, SignedOrder signed) {
    String[] parts = signed.subject().split(":");
    if (parts.length != 4 || !parts[0].equals("application")) {
      return Future.failedFuture(new IllegalArgumentException("not an application signature subject"));
    }
    UUID id = UUID.fromString(parts[1]);
    String role = parts[2];
    String signedHash = parts[3];
    Instant now = clock.instant();
    return ApplicationRepository.lock(tx, id, signed.tenantId()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(refused(id, "not_found"));
      }
      ApplicationRow application = found.get();
      if (!application.contentHash().equals(signedHash)) {
        return Future.succeededFuture(refused(id, "application_changed"));
      }
      if (role.equals("applicant")) {
        return completeApplicant(tx, application, signed, now);
      }
      if (role.equals("coApplicant")) {
        return completeCoApplicant(tx, application, signed, now);
      }
      return Future.succeededFuture(refused(id, "not_found"));
    });
  }

  private Future<JsonObject> completeApplicant(SqlConnection tx, ApplicationRow application, SignedOrder signed,
                                               Instant now) {
    if (application.status() != ApplicationStatus.DRAFT || !application.isApplicant(signed.personId())) {
      return Future.succeededFuture(refused(application.id(), "application_not_draft"));
    }
    return drafts.fullProblems(tx, application).compose(problems -> {
      if (!problems.isEmpty()) {
        return Future.succeededFuture(refused(application.id(), "application_changed"));
      }
      Future<Void> stored = SignatureRepository.insert(tx, signed, application.id(), application.version(), "applicant",
          application.contentHash())
        .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "signed_by_applicant", null,
          ApplicationEvent.Actor.resident(signed.personId()), new JsonObject().put("version", application.version())),
          now));
      if (application.coApplicantId().isEmpty()) {
        return stored.compose(v -> submit(tx, application, signed.personId(), now));
      }
      UUID coApplicant = application.coApplicantId().get();
      Instant deadline = now.plus(cosignDeadline);
      return stored
        .compose(v -> ApplicationRepository.askCosignature(tx, application, now, deadline))
        .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "cosignature_requested",
          ApplicationStatus.AWAITING_COSIGNATURE, ApplicationEvent.Actor.system(),
          new JsonObject().put("deadline", deadline.toString())), now))
        .compose(v -> notifier.notify(tx, application.tenantId(), coApplicant, Notifier.COSIGN_REQUESTED,
          application.id(), new JsonObject().put("deadline", deadline.toString())))
        .map(v -> outcome(application.id(), ApplicationStatus.AWAITING_COSIGNATURE.db()));
    });
  }

  private Future<JsonObject> completeCoApplicant(SqlConnection tx, ApplicationRow application, SignedOrder signed,
                                                 Instant now) {
    if (application.status() != ApplicationStatus.AWAITING_COSIGNATURE || !application.isCoApplicant(signed.personId())
      || application.cosignDeadline().map(deadline -> !deadline.isAfter(now)).orElse(true)) {
      return Future.succeededFuture(refused(application.id(), "cosignature_not_awaited"));
    }
    // The co-applicant joins the household's month now; if they already belong to another application for the
    // month, they are told (and only they: the applicant does not learn about the co-applicant's other application).
    return ApplicationRepository.claimMonth(tx, application.tenantId(), signed.personId(), application.month(),
      application.id()).compose(claimed -> {
        if (!claimed) {
          return Future.succeededFuture(refused(application.id(), "co_applicant_has_application"));
        }
        return SignatureRepository.insert(tx, signed, application.id(), application.version(), "coApplicant",
            application.contentHash())
          .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "signed_by_co_applicant",
            null, ApplicationEvent.Actor.resident(signed.personId()),
            new JsonObject().put("version", application.version())), now))
          .compose(v -> submit(tx, application, signed.personId(), now));
      });
  }

  /** Every adult applying has signed: submitted, attachments sent, the robot's job queued — one transaction. */
  private Future<JsonObject> submit(SqlConnection tx, ApplicationRow application, UUID actor, Instant now) {
    return submission.submit(tx, application, ApplicationEvent.Actor.resident(actor), now)
      .map(v -> outcome(application.id(), ApplicationStatus.SUBMITTED.db()));
  }

  private static JsonObject outcome(UUID id, String status) {
    return new JsonObject().put("applicationId", id.toString()).put("outcome", status).put("applicationStatus", status)
      .put("redirect", "/mina-sidor/arende/?id=" + id);
  }

  private static JsonObject refused(UUID id, String reason) {
    return new JsonObject().put("applicationId", id.toString()).put("outcome", "refused").put("reason", reason)
      .put("redirect", "/mina-sidor/arende/?id=" + id);
  }
}
