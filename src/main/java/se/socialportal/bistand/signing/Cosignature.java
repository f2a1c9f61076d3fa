package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.notify.Notifier;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The wait for the co-applicant's signature: reminders while they have not signed, and when the deadline passes (or
 * they decline) the application goes back to draft — the applicant's signature no longer counts, the applicant is told
 * and can change the application (e.g. apply alone) and sign again. Run periodically by {@code BistandVerticle};
 * each application is handled in its own transaction with its row locked, so several instances never act twice.
 */
public final class Cosignature {

  /** What one run did. */
  public record Run(int reminded, int expired) {
  }

  private final Pool pool;
  private final Clock clock;
  private final Notifier notifier;
  private final Duration reminderInterval;

  public Cosignature(Pool pool, Clock clock, Notifier notifier, Duration reminderInterval) {
    this.pool = pool;
    this.clock = clock;
    this.notifier = notifier;
    this.reminderInterval = reminderInterval;
  }

  public Future<Run> run() {
    Instant now = clock.instant();
    return ApplicationRepository.cosignDue(pool, now, now.minus(reminderInterval)).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      List<String> results = new ArrayList<>();
      for (Tuple item : due) {
        chain = chain.compose(v -> pool.withTransaction(tx -> handle(tx, item.getUUID(0), item.getString(1), now))
          .map(result -> {
            results.add(result);
            return (Void) null;
          }));
      }
      return chain.map(v -> new Run((int) results.stream().filter("reminded"::equals).count(),
        (int) results.stream().filter("expired"::equals).count()));
    });
  }

  private Future<String> handle(SqlConnection tx, UUID id, String tenantId, Instant now) {
    return ApplicationRepository.lock(tx, id, tenantId).compose(found -> {
      if (found.isEmpty() || found.get().status() != ApplicationStatus.AWAITING_COSIGNATURE) {
        return Future.succeededFuture("none");
      }
      ApplicationRow application = found.get();
      if (!application.cosignDeadline().orElseThrow().isAfter(now)) {
        return returnToDraft(tx, application, "cosignature_expired", Notifier.COSIGN_EXPIRED, null, now)
          .map("expired");
      }
      Instant last = application.cosignLastReminderAt().orElse(application.cosignRequestedAt().orElseThrow());
      if (last.plus(reminderInterval).isAfter(now)) {
        return Future.succeededFuture("none");
      }
      UUID coApplicant = application.coApplicantId().orElseThrow();
      return ApplicationRepository.reminded(tx, id, now)
        .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "cosignature_reminder", null,
          ApplicationEvent.Actor.system(), new JsonObject().put("reminder", application.cosignReminders() + 1)), now))
        .compose(v -> notifier.notify(tx, tenantId, coApplicant, Notifier.COSIGN_REMINDER, id,
          new JsonObject().put("deadline", application.cosignDeadline().get().toString())))
        .map("reminded");
    });
  }

  /** The co-applicant says no: the application goes back to the applicant as a draft. */
  public Future<JsonObject> decline(Session session, UUID id) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> ApplicationRepository.lockVisible(tx, id, session.tenantId(),
      session.residentId()).compose(found -> {
        ApplicationRow application = found.filter(row -> row.isCoApplicant(session.residentId()))
          .orElseThrow(ApiException::notFound);
        if (application.status() != ApplicationStatus.AWAITING_COSIGNATURE) {
          return Future.failedFuture(ApiException.conflict("cosignature_not_awaited"));
        }
        return returnToDraft(tx, application, "cosignature_declined", Notifier.COSIGN_DECLINED,
          session.residentId(), now).map(v -> new JsonObject().put("id", id.toString())
          .put("status", ApplicationStatus.DRAFT.db()));
      }));
  }

  private Future<Void> returnToDraft(SqlConnection tx, ApplicationRow application, String event, String notification,
                                     UUID actor, Instant now) {
    return ApplicationRepository.backToDraft(tx, application, now)
      .compose(v -> SignatureRepository.supersede(tx, application.id(), now))
      .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, event, ApplicationStatus.DRAFT,
        actor == null ? ApplicationEvent.Actor.system() : ApplicationEvent.Actor.resident(actor), new JsonObject()),
        now))
      .compose(v -> notifier.notify(tx, application.tenantId(), application.applicantId(), notification,
        application.id(), new JsonObject()));
  }
}
