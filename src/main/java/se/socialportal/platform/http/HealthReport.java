package se.socialportal.platform.http;

import io.vertx.core.json.JsonObject;

/**
 * Something a room wants operators to see on /health without making the instance unready: it is reported as UP with
 * its data (e.g. which rules are missing for next year — the server still serves residents meanwhile).
 */
public interface HealthReport {

  String name();

  /** Cheap and non-blocking: called on the event loop for every /health request. */
  JsonObject report();
}
