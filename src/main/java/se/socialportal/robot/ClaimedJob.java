package se.socialportal.robot;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A robot_job row as a worker holds it. {@code claimedBy} + {@code attempts} are the fencing token: every write that
 * finishes the job checks both, so a worker whose lease ran out (and whose job someone else took over) can write
 * nothing.
 *
 * @param failures  failed attempts so far, including workers that stopped while holding the job
 * @param lastError why the previous attempt failed, if it did
 */
public record ClaimedJob(long id, String tenantId, UUID applicationId, int applicationVersion, int attempts,
                         int failures, Instant submittedAt, Optional<String> lastError, String claimedBy) {
}
