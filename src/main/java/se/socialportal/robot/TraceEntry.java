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
}
