package se.socialportal.robot;

/**
 * The worker no longer holds the job (its lease ran out and another worker took it over). The transaction that tried
 * to finish the job is rolled back, so nothing of this attempt is kept; the other worker's result counts.
 */
public final class LostClaimException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LostClaimException(long jobId) {
    super("robot job " + jobId + " is no longer held by this worker", null, false, false);
  }
}
