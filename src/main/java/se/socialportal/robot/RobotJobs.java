package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.UUID;

/**
 * Queues an application version for the robot. Call it on the connection of the transaction that submits (or
 * changes) the application, so the job exists exactly when the submission does. Queuing the same version twice is a
 * no-op, which makes retried submissions harmless. The e-tjänst reaches it as its SubmissionQueue (the composition root
 * hands it {@code RobotJobs::enqueue}).
 */
public final class RobotJobs {

  // Both times from the application's clock: the queue compares available_at with it, and the wait for register
  // data counts from submitted_at.
  private static final String ENQUEUE = "INSERT INTO robot_job (tenant_id, application_id, application_version, "
    + "submitted_at, available_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (application_id, application_version) "
    + "DO NOTHING";

  private RobotJobs() {
  }

  public static Future<Void> enqueue(SqlClient transaction, String tenantId, UUID applicationId, int version,
                                     Instant submitted) {
    return transaction.preparedQuery(ENQUEUE).execute(Tuple.of(tenantId, applicationId, version,
      JobQueue.time(submitted))).mapEmpty();
  }
}
