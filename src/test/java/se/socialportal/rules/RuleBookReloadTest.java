package se.socialportal.rules;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * New rules without a restart: a changed robots/ folder is read and validated exactly as at startup, and swapped in
 * only when valid; a refused file leaves the old book in force; every load is recorded.
 */
@DisplayName("Reloading robots/: valid files swap in, invalid ones are refused and the old rules stay")
class RuleBookReloadTest {

  /** Mid-October 2026: next year's rules are expected from 1 October. */
  private static final Clock OCTOBER = Clock.fixed(Instant.parse("2026-10-15T08:00:00Z"), ZoneOffset.UTC);

  private static Vertx vertx;
  private static Pool pool;
  private RobotsFolder robots;
  private CurrentRuleBook current;
  private RuleBookReloads reloads;
  private RulesVerticle watch;
  private SimpleMeterRegistry registry;
  private final List<RuleBook> heard = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void database() {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
      .connectingTo(TestDatabase.fresh("rulereload").connectOptions()).using(vertx).build();
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @BeforeEach
  void folder() throws Exception {
    robots = RobotsFolder.upTo(2026);
    current = CurrentRuleBook.folder(robots.root());
    current.onReload(heard::add);
    reloads = new RuleBookReloads(vertx, pool, OCTOBER, current);
    registry = new SimpleMeterRegistry();
    // The watch's own timer never fires during the test (an hour); the test asks it to look.
    watch = new RulesVerticle(reloads, OCTOBER, Duration.ofHours(1), registry);
    vertx.deployVerticle(watch).await(20, TimeUnit.SECONDS);
  }

  private boolean check() throws Exception {
    io.vertx.core.Promise<Boolean> checked = io.vertx.core.Promise.promise();
    watch.context().runOnContext(v -> watch.checkForChanges().onComplete(checked));
    return checked.future().await(20, TimeUnit.SECONDS);
  }

  private List<Row> loads(String location) throws Exception {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery("SELECT * FROM rule_book_load WHERE location = $1 ORDER BY id")
      .execute(io.vertx.sqlclient.Tuple.of(location)).await(10, TimeUnit.SECONDS).forEach(rows::add);
    return rows;
  }

  @Test
  @DisplayName("a valid new year's file: seen by the watch, validated, in force, listeners told, recorded")
  void validFileSwapsIn() throws Exception {
    RuleBook before = current.get();
    assertThrows2027(before);
    assertFalse(check(), "nothing changed yet");

    robots.nationalYearLike(2026, 2027);
    assertTrue(check(), "the new files were seen");

    RuleBook after = current.get();
    assertEquals("riksnorm-2027-test", after.inForce("demo", java.time.YearMonth.of(2027, 1)).norm().riksnorm().version());
    assertEquals(List.of(after), heard);
    Row load = loads(robots.root().toString()).get(0);
    assertEquals("loaded", load.getString("outcome"));
    assertEquals("file_change", load.getString("trigger"));
    JsonArray files = (JsonArray) load.getValue("files");
    assertTrue(files.encode().contains("riksnorm-2027-test"), files.encode());
    assertTrue(files.encode().contains("demo-caps-2025.1"), "every file in force is named, with its version");
    assertFalse(check(), "the same files again: no second reload");
  }

  @Test
  @DisplayName("an invalid file is refused with the file, the place and why; the old book stays in force")
  void invalidFileRefused() throws Exception {
    RuleBook before = current.get();
    JsonObject broken = robots.read("riksnorm/riksnorm-2026.json").put("version", "riksnorm-2027-broken")
      .put("effectiveFrom", "2027-01-01").put("effectiveTo", "2027-12-31");
    broken.getJsonObject("personal").put("single", -5);
    robots.write("riksnorm/riksnorm-2027.json", broken.encodePrettily());

    RuleBookReloads.Outcome outcome = reloads.reload(RuleBookReloads.Trigger.FILE_CHANGE, Optional.empty())
      .await(20, TimeUnit.SECONDS);

    assertFalse(outcome.loaded());
    assertSame(before, current.get(), "the rules in force are the old ones");
    assertSame(before, outcome.book());
    RuleProblem problem = outcome.problems().get(0);
    assertTrue(problem.file().endsWith("riksnorm/riksnorm-2027.json"), problem.toString());
    assertTrue(problem.pointer().contains("/personal/single"), problem.toString());
    assertTrue(heard.isEmpty(), "no listener hears of a refused reload");
    Row load = loads(robots.root().toString()).get(0);
    assertEquals("refused", load.getString("outcome"));
    assertTrue(((JsonArray) load.getValue("problems")).encode().contains("riksnorm-2027.json"));
    assertThrows2027(current.get());
  }

  @Test
  @DisplayName("from 1 October, next year's missing riksnorm is on the gauge (and /health's rules report)")
  void missingNextYearIsPublished() {
    Gauge riksnorm = registry.find("socialportal.rules.missing").tag("kind", "riksnorm").tag("month", "2027-01")
      .gauge();
    assertNotNull(riksnorm, "riksnorm for 2027 is missing in October 2026");
    assertEquals(1.0, riksnorm.value());
    JsonObject report = new RulesHealthReport(current, OCTOBER).report();
    assertTrue(report.getJsonArray("missing").encode().contains("riksnorm/riksnorm-2027.json"), report.encode());
    assertTrue(report.getBoolean("reloadable"));
  }

  private static void assertThrows2027(RuleBook book) {
    RulesNotInForceException missing = org.junit.jupiter.api.Assertions.assertThrows(RulesNotInForceException.class,
      () -> book.inForce("demo", java.time.YearMonth.of(2027, 1)));
    assertEquals(RuleKind.RIKSNORM, missing.kind());
    assertTrue(missing.notDecidedYet());
  }
}
