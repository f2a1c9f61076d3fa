package se.socialportal.rules;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * /health's "rules" entry: where the rules come from, how many files are in force, and what will soon be missing
 * ({@link RuleGaps}). Always UP: a missing riksnorm makes applications wait, it does not stop the server.
 */
public final class RulesHealthReport implements Handler<Promise<Status>> {

  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

  /** The report for one rule book on one day: it changes only when the rules are reloaded or the day turns. */
  private record Report(RuleBook book, LocalDate day, JsonObject json) {
  }

  private final CurrentRuleBook current;
  private final Clock clock;
  private volatile Report last;

  public RulesHealthReport(CurrentRuleBook current, Clock clock) {
    this.current = current;
    this.clock = clock;
  }

  @Override
  public void handle(Promise<Status> promise) {
    promise.tryComplete(Status.OK(report()));
  }

  /** Built once per rule book and day (/health asks on every request); a copy, so no caller can change the kept one. */
  JsonObject report() {
    RuleBook book = current.get();
    LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
    Report kept = last;
    if (kept == null || kept.book() != book || !kept.day().equals(today)) {
      kept = new Report(book, today, build(book, today));
      last = kept;
    }
    return kept.json().copy();
  }

  private JsonObject build(RuleBook book, LocalDate today) {
    JsonArray missing = new JsonArray();
    RuleGaps.ahead(book, today).forEach(gap -> missing.add(json(gap)));
    return new JsonObject().put("location", book.location()).put("files", book.files().size())
      .put("reloadable", current.folder().isPresent()).put("missing", missing);
  }

  static JsonObject json(RuleGap gap) {
    return new JsonObject().put("kind", gap.kind().key()).put("tenant", gap.tenant())
      .put("month", gap.month().toString()).put("file", gap.suggestedFile());
  }
}
