package se.socialportal;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.rules.RuleBook;

import java.time.Clock;

/**
 * The shared, thread-safe clients built once per process and handed to every verticle instance and route module.
 * Rooms add their long-lived clients here (never per-request state).
 */
public record Services(Vertx vertx, AppConfig config, Clock clock, Pool pool, HttpSettings http, RuleBook rules) {
}
