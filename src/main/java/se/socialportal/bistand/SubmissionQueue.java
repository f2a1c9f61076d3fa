package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Instant;
import java.util.UUID;

/**
 * Who takes a submitted application version on from here — the robot's job queue — told in the submitting
 * transaction, so the job exists exactly when the submission does. The e-tjänst knows only this interface; the
 * composition root hands it the robot's (RobotJobs::enqueue). Telling it twice about the same version changes nothing.
 */
@FunctionalInterface
public interface SubmissionQueue {

  Future<Void> enqueue(SqlClient transaction, String tenantId, UUID applicationId, int version, Instant submitted);
}
