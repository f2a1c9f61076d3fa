package se.socialportal.rules;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.platform.config.ConfigException;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reloads the rule book and keeps the record of every load in {@code rule_book_load} (V4): which files and versions
 * are in force since when, or why new files were refused. Startup's own load is recorded too, so the record has no
 * gaps.
 */
public final class RuleBookReloads {

  private static final Logger LOG = LoggerFactory.getLogger(RuleBookReloads.class);
  private static final String INSERT = "INSERT INTO rule_book_load (at, instance, trigger, actor_staff_id, outcome, "
    + "location, files, problems) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

  /** What started a load. */
  public enum Trigger { STARTUP, FILE_CHANGE, ADMIN }

  /** How a reload ended: the new book in force, or the problems that kept the old one. */
  public record Outcome(boolean loaded, RuleBook book, List<RuleProblem> problems) {
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final CurrentRuleBook current;
  private final String instance = ManagementFactory.getRuntimeMXBean().getName();

  public RuleBookReloads(Vertx vertx, Pool pool, Clock clock, CurrentRuleBook current) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.current = current;
  }

  public CurrentRuleBook current() {
    return current;
  }

  /** Records the book startup loaded. */
  public Future<Void> recordStartup() {
    RuleBook book = current.get();
    return record(Trigger.STARTUP, Optional.empty(), "loaded", book.location(), files(book), new JsonArray());
  }

  /**
   * Reads robots/ again (on a worker), swaps the book in if it is valid and tells the listeners; records the load
   * either way. A refused reload completes successfully with {@code loaded = false}: the server goes on with the
   * rules it had.
   */
  public Future<Outcome> reload(Trigger trigger, Optional<UUID> staffId) {
    String location = current.folder().map(Object::toString).orElse(current.get().location());
    return vertx.executeBlocking(() -> {
      try {
        return new Outcome(true, current.reloadBlocking(), List.of());
      } catch (RuleBookException e) {
        return new Outcome(false, current.get(), e.problems());
      } catch (ConfigException e) {
        return new Outcome(false, current.get(), List.of(new RuleProblem(location, "", e.getMessage())));
      }
    }, false).compose(outcome -> {
      if (outcome.loaded()) {
        LOG.info("Rules reloaded from {} ({}): {} files, tenants {}", location, key(trigger),
          outcome.book().files().size(), outcome.book().tenants());
        current.notifyReloaded(outcome.book());
        return record(trigger, staffId, "loaded", location, files(outcome.book()), new JsonArray()).map(outcome);
      }
      LOG.error("New rules in {} were refused; the rules in force stay as they were. {} problem(s), the first: {}",
        location, outcome.problems().size(), outcome.problems().get(0));
      JsonArray problems = new JsonArray();
      outcome.problems().forEach(problem -> problems.add(problem.toJson()));
      return record(trigger, staffId, "refused", location, new JsonArray(), problems).map(outcome);
    });
  }

  /** The files of a book as the record and the admin page show them. */
  public static JsonArray files(RuleBook book) {
    JsonArray files = new JsonArray();
    book.files().forEach(file -> files.add(new JsonObject().put("file", file.name()).put("kind", file.kind().key())
      .put("tenant", file.tenant()).put("version", file.version())
      .put("effectiveFrom", file.period().from().toString())
      .put("effectiveTo", file.period().end().map(Object::toString).orElse(null))));
    return files;
  }

  private Future<Void> record(Trigger trigger, Optional<UUID> staffId, String outcome, String location,
                              JsonArray files, JsonArray problems) {
    return pool.preparedQuery(INSERT).execute(Tuple.from(java.util.Arrays.asList(
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), instance, key(trigger), staffId.orElse(null),
        outcome, location, files, problems)))
      .<Void>mapEmpty()
      .onFailure(failure -> LOG.error("The rule book load could not be recorded: {}", failure.getMessage()));
  }

  private static String key(Trigger trigger) {
    return trigger.name().toLowerCase(java.util.Locale.ROOT);
  }
}
