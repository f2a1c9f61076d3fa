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

  private final CurrentRuleBook current;
  private final Clock clock;

  public RulesHealthReport(CurrentRuleBook current, Clock clock) {
    this.current = current;
    this.clock = clock;
  }

  @Override
  public void handle(Promise<Status> promise) {
    promise.tryComplete(Status.OK(report()));
  }

  JsonObject report() {
    RuleBook book = current.get();
    JsonArray missing = new JsonArray();
    RuleGaps.ahead(book, LocalDate.now(clock.withZone(SWEDEN))).forEach(gap -> missing.add(json(gap)));
    return new JsonObject().put("location", book.location()).put("files", book.files().size())
      .put("reloadable", current.folder().isPresent()).put("missing", missing);
  }

  static JsonObject json(RuleGap gap) {
    return new JsonObject().put("kind", gap.kind().key()).put("tenant", gap.tenant())
      .put("month", gap.month().toString()).put("file", gap.suggestedFile());
  }
}
