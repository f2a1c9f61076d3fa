package se.socialportal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.ConfigLoader;
import se.socialportal.testing.TestApp;
import se.socialportal.testing.TestClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Startup checks the whole configuration first and names every problem at once")
class ConfigurationCheckTest {

  /** Production with nothing set: what an operator meets on a first try. */
  private static JsonObject bareProduction(Path dataDir) {
    JsonObject config = new JsonObject().put("MODE", "production").put("DATA_DIR", dataDir.toString());
    for (String key : List.of("PUBLIC_URL", "OIDC_ISSUER", "BANKID_URL", "DATABASE_URL", "PGHOST", "METRICS_TOKEN")) {
      config.put(key, "");
    }
    return config;
  }

  @Test
  @DisplayName("bare production: PUBLIC_URL, OIDC_ISSUER, BANKID_URL, DATABASE_URL, METRICS_TOKEN and TLS or a proxy in one message")
  void everyProblemAtOnce(@TempDir Path dataDir) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    try {
      Exception failure = assertThrows(Exception.class, () -> vertx.deployVerticle(
        new MainVerticle(bareProduction(dataDir), false, registry, TestClock.ticking(TestClock.START), List.of())).await(60, TimeUnit.SECONDS));
      String message = Main.describe(failure);
      for (String key : List.of("PUBLIC_URL", "OIDC_ISSUER", "BANKID_URL", "DATABASE_URL", "METRICS_TOKEN",
        "TRUSTED_PROXIES")) {
        assertTrue(message.contains("\n  " + key + ": "), key + " is named:\n" + message);
      }
      assertTrue(message.startsWith("6 configuration problems:"), message);
      assertFalse(message.contains("PGHOST:"), "the database is asked for by its usual name:\n" + message);
      try (var files = Files.list(dataDir)) {
        assertEquals(0, files.count(), "nothing started before the check (no database, no identity provider)");
      }
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("production refuses, in one list: demo-only settings, no metrics token, plain HTTP with no proxy, a database that does not answer (its host named)")
  void unsafeProductionRefused(@TempDir Path dataDir) throws Exception {
    int nobodyListens = TestApp.freePort();
    JsonObject config = new JsonObject().put("MODE", "production").put("DATA_DIR", dataDir.toString())
      .put("PUBLIC_URL", "https://e-tjanster.kommun.example").put("OIDC_ISSUER", "https://idp.kommun.example/realms/x")
      .put("OIDC_CLIENT_ID", "socialportalen")
      .put("BANKID_URL", "https://appapi2.test.bankid.com/rp/v6.0").put("BANKID_RP_CERT", resource("rp.p12"))
      .put("BANKID_RP_CERT_PASSWORD", "qwerty123").put("BANKID_CA", resource("ca.pem"))
      .put("DATABASE_URL", "postgresql://socialportal:secret@127.0.0.1:" + nobodyListens + "/socialportal")
      .put("METRICS_TOKEN", "").put("TLS_CERT", "").put("TRUSTED_PROXIES", "")
      .put("BANKID_SIMULATOR_PORT", "9443").put("OIDC_DEMO_PORT", "9090");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    try {
      Exception failure = assertThrows(Exception.class, () -> vertx.deployVerticle(
        new MainVerticle(config, false, registry, TestClock.ticking(TestClock.START), List.of())).await(60, TimeUnit.SECONDS));
      String message = Main.describe(failure);
      assertTrue(message.startsWith("5 configuration problems:"), message);
      for (String key : List.of("METRICS_TOKEN", "BANKID_SIMULATOR_PORT", "OIDC_DEMO_PORT", "TRUSTED_PROXIES")) {
        assertTrue(message.contains("\n  " + key + ": "), key + " is named:\n" + message);
      }
      assertTrue(message.contains("\n  DATABASE_URL: no PostgreSQL answers at 127.0.0.1:" + nobodyListens), message);
      assertFalse(message.contains("secret"), "the password stays out of the message:\n" + message);
    } finally {
      vertx.close();
    }
  }

  @Test
  @DisplayName("production behind a proxy, or with its own TLS, is not refused for plain HTTP")
  void proxyOrTlsAccepted(@TempDir Path dataDir) {
    JsonObject base = bareProduction(dataDir).put("PUBLIC_URL", "https://e-tjanster.kommun.example");
    List<String> behindProxy = problems(base.copy().put("TRUSTED_PROXIES", "10.0.0.5"));
    assertFalse(behindProxy.contains("TRUSTED_PROXIES"), behindProxy.toString());
    assertTrue(problems(base.copy()).contains("TRUSTED_PROXIES"));
    assertFalse(problems(base.copy().put("MODE", "demo")).contains("TRUSTED_PROXIES"), "demo mode may be plain");
  }

  private static List<String> problems(JsonObject overrides) {
    try {
      ConfigurationCheck.run(new AppConfig(ConfigLoader.defaults().mergeIn(overrides)),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TestClock.stopped(TestClock.START));
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigException::key).toList();
    }
  }

  private static String resource(String name) throws Exception {
    return Path.of(ConfigurationCheckTest.class.getResource("/bankid/simulator/" + name).toURI()).toString();
  }

  @Test
  @DisplayName("malformed values are listed with the missing ones; one problem alone keeps its one-line form")
  void malformedAndSingle(@TempDir Path dataDir) {
    AppConfig config = new AppConfig(ConfigLoader.defaults().mergeIn(bareProduction(dataDir))
      .put("HTTP_PORT", "eighty").put("ROBOT_CONCURRENCY", "0").put("OIDC_ROLE_MAP", "staff"));
    ConfigException all = assertThrows(ConfigException.class, () -> ConfigurationCheck.run(config,
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TestClock.stopped(TestClock.START)));
    List<String> keys = all.problems().stream().map(ConfigException::key).toList();
    assertTrue(keys.containsAll(List.of("HTTP_PORT", "ROBOT_CONCURRENCY", "OIDC_ROLE_MAP", "PUBLIC_URL")), keys.toString());

    AppConfig demo = new AppConfig(ConfigLoader.defaults().put("HTTP_PORT", "eighty"));
    ConfigException one = assertThrows(ConfigException.class, () -> ConfigurationCheck.run(demo,
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TestClock.stopped(TestClock.START)));
    assertEquals("configuration error: HTTP_PORT: must be a whole number, got 'eighty'", Main.describe(one));
  }
}
