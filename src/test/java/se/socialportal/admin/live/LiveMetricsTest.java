package se.socialportal.admin.live;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;
import se.socialportal.testing.TestClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /metrics carries the dashboard's figures for every municipality once they are refreshed (the timer's work, run here
 * directly), with the values the figures have; and every series the alert rules and the Grafana dashboard in deploy/
 * name is one the server exports.
 */
@DisplayName("/metrics: the dashboard's figures as Prometheus series, the ones deploy/ alerts and charts on")
class LiveMetricsTest {

  private static final Pattern SERIES = Pattern.compile("\\bsocialportal_[a-z_]+");
  private static final String DECIDE_ONE = "INSERT INTO decision (tenant_id, application_id, application_version, "
    + "decision_set, type, outcome, amount, delegation_amount, motivering, decided_by_kind, decided_by_name, "
    + "decided_by_title, delegation_valid, decided_at) SELECT tenant_id, id, version, gen_random_uuid(), "
    + "'forsorjningsstod', 'avslag', 0, 0, 'M', 'automated', 'Roboten', 'Automatiserat beslut', false, "
    + "submitted_at + interval '2 hours' FROM application a WHERE tenant_id = 'demo' AND submitted_at IS NOT NULL "
    + "AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.application_id = a.id) LIMIT 1";
  private static TestApp app;
  private static TestClock clock;
  private static String scrape;

  @BeforeAll
  static void start() throws Exception {
    // December: next year's rules are not in robots/ yet (socialportal_rules_missing has rows).
    clock = TestClock.ticking(Instant.parse("2026-12-10T09:00:00Z"));
    app = TestApp.start("livemetrics", new JsonObject(), clock);
    // A decided application of the demo municipality, so the lead-time histogram has an observation.
    var pool = app.services().pool();
    Futures.await(pool.query(DECIDE_ONE).execute());
    // A job the robot finished a minute ago, so its latency has a median and a 90th percentile.
    Futures.await(pool.preparedQuery("INSERT INTO robot_job (tenant_id, application_id, application_version, status, "
      + "submitted_at, finished_at) SELECT tenant_id, id, 99, 'done', $1, $2 FROM application WHERE tenant_id = 'demo' "
      + "LIMIT 1").execute(Tuple.of(offset(app.clock().instant().minusSeconds(70)),
      offset(app.clock().instant().minusSeconds(60)))));
    // The server's first refresh at start may have made the lead-time pass already, before the decision.
    clock.advance(LiveMetrics.LEAD_TIMES_EVERY);
    Futures.await(app.services().live().metrics().refresh());
    scrape = app.client().get("/metrics").send().await(20, TimeUnit.SECONDS).bodyAsString();
  }

  private static java.time.OffsetDateTime offset(Instant instant) {
    return instant.atOffset(java.time.ZoneOffset.UTC);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("queue lengths per municipality and queue are the figures' counts")
  void queues() {
    for (String tenant : new String[] {"demo", "grannkommun"}) {
      JsonObject figures = Futures.await(app.services().live().figures(tenant));
      for (String queue : LiveFigures.QUEUES) {
        long count = figures.getJsonObject("queue").getJsonObject(queue).getLong("count");
        assertTrue(scrape.contains("socialportal_queue{queue=\"" + queue + "\",tenant=\"" + tenant + "\"} " + count
          + ".0"), tenant + " " + queue + " = " + count);
      }
    }
    long submitted = Futures.await(app.services().pool().preparedQuery("SELECT count(*) FROM application "
      + "WHERE tenant_id = $1 AND status = 'submitted'").execute(Tuple.of("demo"))).iterator().next().getLong(0);
    assertTrue(scrape.contains("socialportal_queue{queue=\"submitted\",tenant=\"demo\"} " + submitted + ".0"), scrape);
  }

  @Test
  @DisplayName("the decision lead-time histogram counts the decision in its bucket (2 hours: from le=14400 up)")
  void leadTimeHistogram() {
    assertTrue(scrape.contains("socialportal_decision_lead_time_seconds_bucket{level=\"automated\",tenant=\"demo\",le=\"3600.0\"} 0"),
      scrape);
    assertTrue(scrape.contains("socialportal_decision_lead_time_seconds_bucket{level=\"automated\",tenant=\"demo\",le=\"14400.0\"} 1"),
      scrape);
    assertTrue(scrape.contains("socialportal_decision_lead_time_seconds_count{level=\"automated\",tenant=\"demo\"} 1"),
      scrape);
  }

  @Test
  @DisplayName("the lead-time pass over every decision runs once per period, not at every refresh")
  void leadTimesOncePerPeriod() throws Exception {
    Futures.await(app.services().pool().query(DECIDE_ONE).execute());
    Futures.await(app.services().live().metrics().refresh());
    assertTrue(scrape().contains(automatedCount(1)), "within the period the histogram stands");
    clock.advance(LiveMetrics.LEAD_TIMES_EVERY);
    Futures.await(app.services().live().metrics().refresh());
    assertTrue(scrape().contains(automatedCount(2)), "after it, the new decision is counted");
  }

  private static String automatedCount(int count) {
    return "socialportal_decision_lead_time_seconds_count{level=\"automated\",tenant=\"demo\"} " + count + "\n";
  }

  private static String scrape() throws Exception {
    return app.client().get("/metrics").send().await(20, TimeUnit.SECONDS).bodyAsString();
  }

  @Test
  @DisplayName("every series deploy/prometheus/alerts.yml and the Grafana dashboard use is exported")
  void deployNamesExportedSeries() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path file : new Path[] {Path.of("deploy/prometheus/alerts.yml"),
      Path.of("deploy/grafana/dashboards/socialportal.json")}) {
      Matcher matcher = SERIES.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (matcher.find()) {
        used.add(matcher.group());
      }
    }
    assertTrue(used.size() >= 8, used.toString());
    Set<String> missing = new TreeSet<>();
    for (String name : used) {
      if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(scrape).find()) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "series deploy/ names that /metrics does not have");
  }
}
