package se.socialportal.robot;

import io.vertx.core.Future;

/**
 * One named step of the pipeline. A step reads and adds to the {@link CaseState} and reports what it looked at and
 * what it found; the pipeline times it and writes both to the case's trace. A failed future (or an exception) fails
 * the attempt; the job is retried with backoff.
 */
public interface Step {

  /** The name in the trace, e.g. "identity". Lowercase, stable: casework and docs/robot.md refer to it. */
  String name();

  Future<StepResult> run(CaseState state);
}
