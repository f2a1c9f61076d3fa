package se.socialportal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import se.socialportal.platform.config.ConfigException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The process: flags, logging, metrics, one Vert.x instance, the main verticle, and a one-line failure. */
public final class Main {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private static final String USAGE = String.join("\n",
    "Usage: java -jar socialportal.jar [--fresh]",
    "  --fresh   demo mode: start with an empty embedded database (removes DATA_DIR/postgres)",
    "Configuration comes from environment variables; see README.md.");

  private Main() {
  }

  public static void main(String[] args) {
    boolean fresh = false;
    for (String arg : args) {
      switch (arg) {
        case "--fresh":
          fresh = true;
          break;
        case "--help":
        case "-h":
          System.out.println(USAGE);
          return;
        default:
          System.err.println("Unknown option " + arg + "\n" + USAGE);
          System.exit(2);
      }
    }
    configureLogging();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = newVertx(registry);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(20, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // The process is ending either way.
      }
    }, "shutdown"));
    // The process's one clock: every "now" and "today" in the server comes from it.
    vertx.deployVerticle(new MainVerticle(new JsonObject(), fresh, registry, Clock.system(STOCKHOLM), List.of()))
      .onFailure(failure -> {
        System.err.println("Socialportalen could not start: " + describe(failure));
        vertx.close().onComplete(ignored -> System.exit(1));
      });
  }

  /** The Vert.x instance with Micrometer metrics into the given Prometheus registry; tests build theirs the same way. */
  public static Vertx newVertx(PrometheusMeterRegistry registry) {
    return Vertx.builder()
      .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        // The router records the HTTP server's figures itself (HttpMetrics) at a fraction of the cost per request.
        .setDisabledMetricsCategories(Set.of(MetricsDomain.HTTP_SERVER.toCategory()))
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
      .withMetrics(new MicrometerMetricsFactory(registry))
      .build();
  }

  static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && !(cause instanceof ConfigException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ConfigException) {
      // Several problems come as a list under their own heading.
      return ((ConfigException) cause).problems().size() > 1 ? cause.getMessage()
        : "configuration error: " + cause.getMessage();
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static void configureLogging() {
    setIfAbsent("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "warn");
    // Vert.x registers the same HTTP gauge once per server instance; Micrometer's warning about it is noise.
    setIfAbsent("org.slf4j.simpleLogger.log.io.micrometer.core.instrument.MeterRegistry", "error");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
