package se.socialportal.robot;

import se.socialportal.bankid.PersonalNumbers;

/**
 * A failure as one line for robot_job.last_error and the trace: the exception's class and message, cut to a
 * readable length, with anything that looks like a personnummer removed (a database error can quote a row).
 */
final class FailureText {

  private static final int MAX = 500;

  private FailureText() {
  }

  static String of(Throwable failure) {
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    String text = PersonalNumbers.redact(failure.getClass().getSimpleName() + message);
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }
}
