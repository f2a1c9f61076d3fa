package se.socialportal.testing;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import se.socialportal.Main;
import se.socialportal.MainVerticle;
import se.socialportal.Services;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.demo.DemoWiring;
import se.socialportal.platform.db.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole server, as a resident would reach it, on a fresh database and free ports. Start one per test class
 * ({@code @BeforeAll}) and close it in {@code @AfterAll}. The server's clock is a {@link TestClock} that starts at
 * {@link TestClock#START} and runs at real speed (or one the test brings): take "now", "today" and "this month" from
 * {@link #clock()}, never from the real date.
 */
public final class TestApp implements AutoCloseable {

  private final Vertx vertx;
  private final int port;
  private final Services services;
  private final DatabaseSettings database;
  private final TestClock clock;

  private TestApp(Vertx vertx, int port, Services services, DatabaseSettings database, TestClock clock) {
    this.vertx = vertx;
    this.port = port;
    this.services = services;
    this.database = database;
    this.clock = clock;
  }

  public static TestApp start(String name) {
    return start(name, new JsonObject());
  }

  /**
   * @param overrides configuration on top of the test defaults (demo mode, own database, free port, one instance,
   *                  robot off)
   */
  public static TestApp start(String name, JsonObject overrides) {
    return start(name, overrides, TestClock.ticking(TestClock.START));
  }

  /** With a clock of the test's own, e.g. {@code TestClock.ticking(anotherStart)}. */
  public static TestApp start(String name, JsonObject overrides, TestClock clock) {
    return startOn(TestDatabase.fresh(name), overrides, clock);
  }

  /**
   * A server on a database another server already uses (the first server's {@link #database()}): several servers
   * behind a municipality's proxy share one PostgreSQL and nothing else.
   */
  public static TestApp startOn(DatabaseSettings database, JsonObject overrides, TestClock clock) {
    int port = freePort();
    JsonObject config = new JsonObject()
      .put("MODE", "demo")
      .put("DATABASE_URL", "postgresql://" + database.user() + ":" + database.password() + "@" + database.host()
        + ":" + database.port() + "/" + database.database())
      .put("HTTP_HOST", "127.0.0.1")
      .put("HTTP_PORT", String.valueOf(port))
      .put("HTTP_INSTANCES", "1")
      .put("DB_POOL_SIZE", "4")
      .put("DATA_DIR", tempDir())
      // The robot would turn every submitted application into a proposal while a test looks at it; tests of the
      // robot switch it on (RobotWiringTest).
      .put("ROBOT_ENABLED", "false")
      .mergeIn(overrides);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    AtomicReference<Services> services = new AtomicReference<>();
    try {
      vertx.deployVerticle(new MainVerticle(config, false, registry, clock, List.of(services::set)))
        .await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("The test server did not start: " + e.getMessage(), e);
    }
    return new TestApp(vertx, port, services.get(), database, clock);
  }

  public Vertx vertx() {
    return vertx;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Services services() {
    return services;
  }

  /** The BankID simulator the server started (demo mode without BANKID_URL), found through its demo wiring. */
  public Optional<BankIdSimulator> bankIdSimulator() {
    return services.demo().flatMap(demo -> ((DemoWiring) demo).bankIdSimulator());
  }

  public DatabaseSettings database() {
    return database;
  }

  /** The server's clock (the same object as {@code services().clock()}). */
  public TestClock clock() {
    return clock;
  }

  /** A client that does not follow redirects and keeps no cookies (use WebClientSession for a browser-like one). */
  public WebClient client() {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
      .setFollowRedirects(false));
  }

  @Override
  public void close() {
    try {
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("socialportal-test").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
