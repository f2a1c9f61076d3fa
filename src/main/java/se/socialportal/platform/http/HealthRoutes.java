package se.socialportal.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.sqlclient.Pool;

import java.util.Map;

/**
 * /health/live answers while the process serves requests; /health (and /health/ready) also require the database to
 * answer within two seconds, so a load balancer stops sending residents to an instance that cannot save their work.
 * Rooms add checks of their own (the robot reports its queue and its last claim).
 */
public final class HealthRoutes implements RoutesModule {

  private static final long DATABASE_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final Map<String, Handler<Promise<Status>>> checks;

  /** @param checks further readiness checks by name, each answering within the same two seconds */
  public HealthRoutes(Vertx vertx, Pool pool, Map<String, Handler<Promise<Status>>> checks) {
    this.vertx = vertx;
    this.pool = pool;
    this.checks = Map.copyOf(checks);
  }

  @Override
  public void mount(Router router) {
    HealthChecks readiness = HealthChecks.create(vertx)
      .register("database", DATABASE_TIMEOUT_MS, promise -> pool.query("SELECT 1").execute()
        .onSuccess(rows -> promise.complete(Status.OK()))
        .onFailure(err -> promise.complete(Status.KO())));
    checks.forEach((name, check) -> readiness.register(name, DATABASE_TIMEOUT_MS, check));
    HealthCheckHandler ready = HealthCheckHandler.createWithHealthChecks(readiness);
    HealthCheckHandler live = HealthCheckHandler.create(vertx);
    router.get("/health/live").handler(live);
    router.get("/health/ready").handler(ready);
    router.get("/health").handler(ready);
  }
}
