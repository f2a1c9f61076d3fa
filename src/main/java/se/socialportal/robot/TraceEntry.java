package se.socialportal.robot;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One row of robot_trace: a step, when it started, how long it took, how it ended.
 *
 * @param outcome ok, warning, retry (waiting for data or retried after a failure), failed, manual (parked)
 */
public record TraceEntry(String step, Instant startedAt, long durationMicros, String outcome, JsonObject input,
                         JsonObject output) {

  /** Every outcome a step can have (the staff pages have a text for each). */
  public static final java.util.List<String> OUTCOMES = java.util.List.of("ok", "warning", "retry", "failed", "manual");
}
