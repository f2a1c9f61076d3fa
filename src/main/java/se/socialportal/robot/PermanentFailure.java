package se.socialportal.robot;

/**
 * A failure that another attempt cannot fix (e.g. content the norm engine refuses): the job is parked for manual
 * review at once instead of being retried.
 */
public final class PermanentFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PermanentFailure(String message) {
    super(message, null, false, false);
  }
}
