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
  @DisplayName("bare production: PUBLIC_URL, OIDC_ISSUER, BANKID_URL, DATABASE_URL and METRICS_TOKEN in one message")
  void everyProblemAtOnce(@TempDir Path dataDir) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    try {
      Exception failure = assertThrows(Exception.class, () -> vertx.deployVerticle(
        new MainVerticle(bareProduction(dataDir), false, registry, TestClock.ticking(TestClock.START), List.of())).await(60, TimeUnit.SECONDS));
      String message = Main.describe(failure);
      for (String key : List.of("PUBLIC_URL", "OIDC_ISSUER", "BANKID_URL", "DATABASE_URL", "METRICS_TOKEN")) {
        assertTrue(message.contains("\n  " + key + ": "), key + " is named:\n" + message);
      }
      assertTrue(message.startsWith("5 configuration problems:"), message);
      assertFalse(message.contains("PGHOST:"), "the database is asked for by its usual name:\n" + message);
      try (var files = Files.list(dataDir)) {
        assertEquals(0, files.count(), "nothing started before the check (no database, no identity provider)");
      }
    } finally {
      vertx.close();
    }
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
