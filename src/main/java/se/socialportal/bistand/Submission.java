package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.notify.Notifier;

import java.time.Instant;

/**
 * The one way an application becomes submitted, whatever the channel: status and time, attachments sent, the robot's
 * job queued, the history event and the household told — in the caller's transaction. The e-tjänst calls it when every
 * adult has signed with BankID; casework when a handläggare registers a paper or assisted application.
 */
public final class Submission {

  private final Notifier notifier;
  private final SubmissionQueue queue;

  /** @param queue the robot's job queue (the composition root's RobotJobs::enqueue) */
  public Submission(Notifier notifier, SubmissionQueue queue) {
    this.notifier = notifier;
    this.queue = queue;
  }

  /** @param actor who submitted: the resident who signed last, or the handläggare who registered it */
  public Future<Void> submit(SqlConnection tx, ApplicationRow application, ApplicationEvent.Actor actor, Instant now) {
    JsonObject data = new JsonObject().put("version", application.version()).put("kind", application.kind())
      .put("channel", application.channel());
    return ApplicationRepository.markSubmitted(tx, application, now)
      .compose(v -> AttachmentRepository.sendWithApplication(tx, application.id(), now))
      .compose(v -> queue.enqueue(tx, application.tenantId(), application.id(), application.version(), now))
      .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "submitted",
        ApplicationStatus.SUBMITTED, actor, data), now))
      .compose(v -> notifier.notify(tx, application.tenantId(), application.applicantId(), Notifier.SUBMITTED,
        application.id(), new JsonObject()))
      .compose(v -> application.coApplicantId().map(co -> notifier.notify(tx, application.tenantId(), co,
        Notifier.SUBMITTED, application.id(), new JsonObject())).orElse(Future.succeededFuture()));
  }
}
