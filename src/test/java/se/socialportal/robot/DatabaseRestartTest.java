package se.socialportal.robot;

import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.identity.session.SessionCookies;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.db.Migrations;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;
import static se.socialportal.testing.Futures.await;

/**
 * The server's own PostgreSQL (not the shared test one) is stopped and started again on the same port and data
 * directory while the server runs. The robot sweeps only once an hour here, so only its LISTEN, subscribed again,
 * can wake it for a job submitted after the restart.
 */
@DisplayName("PostgreSQL stopped and started under a running server: 503 meanwhile, recovers by itself, loses nothing")
class DatabaseRestartTest {

  private static Path dataDirectory;
  private static int port;
  private static EmbeddedPostgres postgres;
  private static TestApp app;
  private static RobotFixtures fixtures;

  @BeforeAll
  static void start() throws IOException {
    dataDirectory = Files.createTempDirectory("restarted-pg").resolve("data");
    port = TestApp.freePort();
    postgres = startPostgres();
    DatabaseSettings database = new DatabaseSettings("localhost", port, "postgres", "postgres", "postgres", "disable");
    Migrations.migrate(database);
    app = TestApp.start("dbrestart", new JsonObject()
      .put("DATABASE_URL", "postgresql://postgres:postgres@localhost:" + port + "/postgres")
      .put("ROBOT_ENABLED", "true")
      .put("ROBOT_SWEEP_SECONDS", "3600"));
    fixtures = new RobotFixtures(app.services().pool(), app.clock());
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName("/health 503 with the database DOWN, API calls a prompt 503 JSON, then UP again, the robot listening")
  void stopAndStart() throws IOException {
    UUID demo = fixtures.person(RobotFixtures.DEMO);
    UUID before = fixtures.submit(demo, Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
      RobotFixtures.workedExample());
    eventually("a proposal before the stop", () -> proposals(before) == 1);
    WebClientSession resident = login(demo);
    HttpResponse<Buffer> created = send(resident.post(app.port(), "127.0.0.1", "/api/v1/applications")
      .putHeader("X-CSRF-Token", csrf).putHeader("Idempotency-Key", "key-" + UUID.randomUUID()), new JsonObject()
      .put("month", app.clock().thisMonth().toString()));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String draft = created.bodyAsJsonObject().getString("id");
    assertEquals(200, health().statusCode());
    eventually("the robot listening", () -> listening() == 1);

    long stopped = System.nanoTime();
    postgres.close();

    HttpResponse<Buffer> down = until("/health 503", DatabaseRestartTest::health, r -> r.statusCode() == 503);
    long noticed = System.nanoTime();
    assertTrue(down.bodyAsString().contains("\"database\"") && down.bodyAsString().contains("DOWN"),
      down.bodyAsString());
    long refusing = System.nanoTime();
    HttpResponse<Buffer> refused = send(resident.get(app.port(), "127.0.0.1", "/api/v1/applications/" + draft), null);
    long refusedIn = System.nanoTime() - refusing;
    assertEquals(503, refused.statusCode(), refused.bodyAsString());
    JsonObject body = refused.bodyAsJsonObject();
    assertEquals("unavailable", body.getString("error"));
    assertEquals("Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.", body.getString("message"));
    assertTrue(body.getString("requestId") != null);

    long restarting = System.nanoTime();
    postgres = startPostgres();
    long restarted = System.nanoTime();

    until("/health 200", DatabaseRestartTest::health, r -> r.statusCode() == 200);
    long healthy = System.nanoTime();
    eventually("the robot listening again", () -> listening() == 1);
    long listeningAgain = System.nanoTime();
    UUID after = fixtures.submit(demo, Optional.empty(), YearMonth.of(2025, 11), "new", "digital",
      RobotFixtures.workedExample());
    long submitted = System.nanoTime();
    eventually("a proposal for the application submitted after the restart", () -> proposals(after) == 1);
    long proposed = System.nanoTime();
    assertEquals(1, proposals(before), "what was done before the stop is still there, once");
    HttpResponse<Buffer> kept = send(resident.get(app.port(), "127.0.0.1", "/api/v1/applications/" + draft), null);
    assertEquals(200, kept.statusCode(), kept.bodyAsString());
    // Figures for the operations notes, not assertions (timing is the machine's, not the code's).
    System.out.printf(java.util.Locale.ROOT, "Database restart: /health 503 %d ms after the stop; an API call answered "
        + "503 in %d ms; PostgreSQL start %d ms; /health 200 %d ms after it; LISTEN again %d ms after it; "
        + "proposal for a job submitted after the restart in %d ms%n", ms(noticed - stopped), ms(refusedIn),
      ms(restarted - restarting), ms(healthy - restarted), ms(listeningAgain - restarted), ms(proposed - submitted));
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static String csrf;

  private static WebClientSession login(UUID person) {
    var pool = app.services().pool();
    var session = await(app.services().identity().sessions().store().createResident(pool, "demo", person, "Demo"));
    csrf = session.session().csrfToken();
    WebClientSession client = WebClientSession.create(app.client());
    DefaultCookie cookie = new DefaultCookie(SessionCookies.NAME, session.token());
    cookie.setDomain("127.0.0.1");
    cookie.setPath("/");
    client.cookieStore().put(cookie);
    return client;
  }

  private static long proposals(UUID application) {
    return fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", application);
  }

  private static long listening() {
    return fixtures.count("SELECT count(*) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%robot_job%' "
      + "AND datname = current_database()");
  }

  private static HttpResponse<Buffer> health() {
    return send(app.client().get("/health"), null);
  }

  /** Each answer within 10 s (no hang), the wanted one within 30 s. */
  private static HttpResponse<Buffer> send(io.vertx.ext.web.client.HttpRequest<Buffer> request, JsonObject body) {
    try {
      request.timeout(10_000);
      return (body == null ? request.send() : request.sendJsonObject(body)).await(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no answer within 10 s: " + e, e);
    }
  }

  private static HttpResponse<Buffer> until(String what, java.util.function.Supplier<HttpResponse<Buffer>> call,
                                            Predicate<HttpResponse<Buffer>> wanted) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      HttpResponse<Buffer> answer = call.get();
      if (wanted.test(answer)) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within 30 s: " + what + "; last answer " + answer.statusCode() + " "
          + answer.bodyAsString());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
      .setServerConfig("fsync", "off").start();
  }
}
