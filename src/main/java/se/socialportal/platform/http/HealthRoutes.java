package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /health/live answers while the process serves requests; /health (and /health/ready) also require the database to
 * answer within two seconds, so a load balancer stops sending residents to an instance that cannot save their work.
 * Rooms add checks of their own (the robot reports its queue and its last claim). Load balancers ask often: the
 * checks run side by side under one two-second timer per request, and the answer is written directly, in the form
 * of Vert.x's health check handler ({@code status}, {@code checks} with {@code id}, {@code status}, {@code data},
 * {@code outcome}).
 */
public final class HealthRoutes implements RoutesModule {

  private static final long DATABASE_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final Map<String, Handler<Promise<Status>>> checks = new LinkedHashMap<>();

  /** @param checks further readiness checks by name, each answering within the same two seconds */
  public HealthRoutes(Vertx vertx, Pool pool, Map<String, Handler<Promise<Status>>> checks) {
    this.vertx = vertx;
    this.checks.put("database", promise -> pool.query("SELECT 1").execute()
      .onComplete(rows -> promise.tryComplete(rows.succeeded() ? Status.OK() : Status.KO())));
    this.checks.putAll(checks);
  }

  @Override
  public void mount(Router router) {
    router.get("/health/live").handler(HealthCheckHandler.create(vertx));
    router.get("/health/ready").handler(this::ready);
    router.get("/health").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    List<String> names = new ArrayList<>(checks.keySet());
    List<Promise<Status>> answers = new ArrayList<>(names.size());
    List<Future<Status>> futures = new ArrayList<>(names.size());
    for (Handler<Promise<Status>> check : checks.values()) {
      Promise<Status> answer = Promise.promise();
      answers.add(answer);
      futures.add(answer.future());
      try {
        check.handle(answer);
      } catch (RuntimeException e) {
        answer.tryComplete(Status.KO(new JsonObject().put("procedure-execution-failure", true)
          .put("cause", String.valueOf(e.getMessage()))));
      }
    }
    long timer = vertx.setTimer(DATABASE_TIMEOUT_MS, id -> answers.forEach(answer -> answer.tryComplete(
      Status.KO(new JsonObject().put("procedure-execution-failure", true).put("cause", "Timeout")))));
    Future.join(futures).onComplete(done -> {
      vertx.cancelTimer(timer);
      boolean up = true;
      JsonArray results = new JsonArray();
      for (int i = 0; i < names.size(); i++) {
        Future<Status> answer = answers.get(i).future();
        Status status = answer.succeeded() && answer.result() != null ? answer.result() : Status.KO();
        up &= status.isOk();
        JsonObject result = new JsonObject().put("id", names.get(i)).put("status", status.isOk() ? "UP" : "DOWN");
        if (status.getData() != null && !status.getData().isEmpty()) {
          result.put("data", status.getData());
        }
        results.add(result);
      }
      String outcome = up ? "UP" : "DOWN";
      Responses.json(ctx, up ? 200 : 503, new JsonObject().put("status", outcome).put("checks", results)
        .put("outcome", outcome));
    });
  }
}
