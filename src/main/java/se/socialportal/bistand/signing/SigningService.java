package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
import se.socialportal.identity.bankid.BankIdOrders;
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

  /**
   * The applicant starts signing a draft; repeated with the same key, the same order is returned.
   *
   * @param sameDevice the BankID app on this device (else a QR code for another one)
   */
  public Future<SignatureStart> startApplicantSign(BankIdOrders.Caller caller, boolean sameDevice, Session session,
                                                   UUID id, String idempotencyKey) {
    var request = new IdempotencyKeys.Request(session.tenantId(), session.residentId(), "sign:" + id, idempotencyKey,
      SignerRole.APPLICANT.code());
    return once(request, () -> drafts.review(pool, session, id).compose(application ->
      start(caller, sameDevice, session, application, SignerRole.APPLICANT)));
  }

  /** The co-applicant starts signing an application that waits for them. */
  public Future<SignatureStart> startCoApplicantSign(BankIdOrders.Caller caller, boolean sameDevice, Session session,
                                                     UUID id, String idempotencyKey) {
    var request = new IdempotencyKeys.Request(session.tenantId(), session.residentId(), "cosign:" + id,
      idempotencyKey, SignerRole.CO_APPLICANT.code());
    return once(request, () -> ApplicationRepository.findVisible(pool, id, session.tenantId(), session.residentId())
      .compose(found -> {
        ApplicationRow application = found.filter(row -> row.isCoApplicant(session.residentId()))
          .orElseThrow(ApiException::notFound);
        if (application.status() != ApplicationStatus.AWAITING_COSIGNATURE
          || !application.cosignDeadline().map(deadline -> deadline.isAfter(clock.instant())).orElse(false)) {
          return Future.failedFuture(ApiException.conflict("cosignature_not_awaited"));
        }
        return start(caller, sameDevice, session, application, SignerRole.CO_APPLICANT);
      }));
  }

  private Future<SignatureStart> once(IdempotencyKeys.Request request,
                                      java.util.function.Supplier<Future<SignatureStart>> work) {
    return IdempotencyKeys.reserve(pool, request).compose(stored -> {
      if (stored.isPresent()) {
        return Future.succeededFuture(SignatureStart.fromJson(stored.get()));
      }
      return work.get()
        .compose(started -> IdempotencyKeys.complete(pool, request, started.toJson()).map(started))
        .recover(failure -> IdempotencyKeys.release(pool, request).compose(v -> Future.failedFuture(failure)));
    });
  }

  private Future<SignatureStart> start(BankIdOrders.Caller caller, boolean sameDevice, Session session,
                                       ApplicationRow application, SignerRole role) {
    ApplicationSignature subject = new ApplicationSignature(application.id(), role, application.contentHash());
    String text = SigningSummary.markdown(application.month(), application.content(), role.code());
    return orders.startSign(caller, sameDevice, session.tenantId(), session.residentId(), subject, text)
      .map(started -> new SignatureStart(application.id(), role, started.orderId(), started.autoStartUrl(),
        started.simulatorUrl(), started.binding()));
  }

  /** Called once per completed signature on an application, in the order's transaction. */
  @Override
  public Future<SigningOutcome> complete(SqlConnection tx, SignedOrder signed) {
    UUID id = signed.signed().applicationId();
    SignerRole role = signed.signed().role();
    String signedHash = signed.signed().contentHash();
    Instant now = clock.instant();
    return ApplicationRepository.lock(tx, id, signed.tenantId()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(SigningOutcome.refused(id, "not_found"));
      }
      ApplicationRow application = found.get();
      if (!application.contentHash().equals(signedHash)) {
        return Future.succeededFuture(SigningOutcome.refused(id, "application_changed"));
      }
      return role == SignerRole.APPLICANT ? completeApplicant(tx, application, signed, now)
        : completeCoApplicant(tx, application, signed, now);
    });
  }

  private Future<SigningOutcome> completeApplicant(SqlConnection tx, ApplicationRow application, SignedOrder signed,
                                               Instant now) {
    if (application.status() != ApplicationStatus.DRAFT || !application.isApplicant(signed.personId())) {
      return Future.succeededFuture(SigningOutcome.refused(application.id(), "application_not_draft"));
    }
    return drafts.fullProblems(tx, application).compose(problems -> {
      if (!problems.isEmpty()) {
        return Future.succeededFuture(SigningOutcome.refused(application.id(), "application_changed"));
      }
      Future<Void> stored = SignatureRepository.insert(tx, signed, application.id(), application.version(),
          SignerRole.APPLICANT.code(), application.contentHash())
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
        .map(v -> SigningOutcome.moved(application.id(), ApplicationStatus.AWAITING_COSIGNATURE));
    });
  }

  private Future<SigningOutcome> completeCoApplicant(SqlConnection tx, ApplicationRow application, SignedOrder signed,
                                                 Instant now) {
    if (application.status() != ApplicationStatus.AWAITING_COSIGNATURE || !application.isCoApplicant(signed.personId())
      || application.cosignDeadline().map(deadline -> !deadline.isAfter(now)).orElse(true)) {
      return Future.succeededFuture(SigningOutcome.refused(application.id(), "cosignature_not_awaited"));
    }
    // The co-applicant joins the household's month now; if they already belong to another application for the
    // month, they are told (and only they: the applicant does not learn about the co-applicant's other application).
    return ApplicationRepository.claimMonth(tx, application.tenantId(), signed.personId(), application.month(),
      application.id()).compose(claimed -> {
        if (!claimed) {
          return Future.succeededFuture(SigningOutcome.refused(application.id(), "co_applicant_has_application"));
        }
        return SignatureRepository.insert(tx, signed, application.id(), application.version(),
            SignerRole.CO_APPLICANT.code(), application.contentHash())
          .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "signed_by_co_applicant",
            null, ApplicationEvent.Actor.resident(signed.personId()),
            new JsonObject().put("version", application.version())), now))
          .compose(v -> submit(tx, application, signed.personId(), now));
      });
  }

  /** Every adult applying has signed: submitted, attachments sent, the robot's job queued — one transaction. */
  private Future<SigningOutcome> submit(SqlConnection tx, ApplicationRow application, UUID actor, Instant now) {
    return submission.submit(tx, application, ApplicationEvent.Actor.resident(actor), now)
      .map(v -> SigningOutcome.moved(application.id(), ApplicationStatus.SUBMITTED));
  }
}
