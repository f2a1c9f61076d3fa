package se.socialportal.robot;

import io.vertx.core.json.JsonObject;

import se.socialportal.rules.RuleKind;

import java.time.YearMonth;
import java.util.Optional;

/**
 * What a step reports: a summary of its input and its output for the trace (no personnummer, no address), whether it
 * found something a handläggare should look at, and whether the pipeline stops here.
 */
public record StepResult(JsonObject input, JsonObject output, boolean warning, Optional<Stop> stop) {

  /** Why the pipeline ends before a proposal. */
  public sealed interface Stop permits WaitForData, WaitForRules, NothingToDo {
  }

  /** Register data is not complete yet: the job waits and the whole pipeline runs again later. */
  public record WaitForData(String reason) implements Stop {
  }

  /**
   * No rules are in force for the application's month yet (next year's riksnorm before it is published, or a tenant's
   * caps for a year not yet decided): the job waits, without counting as a failure, until a rule book that covers the
   * month is loaded.
   */
  public record WaitForRules(RuleKind kind, YearMonth month, Optional<String> tenant) implements Stop {

    /** What robot_job.waiting_for stores and readers turn into words. */
    public JsonObject json() {
      return new JsonObject().put("kind", kind.key()).put("month", month.toString()).put("tenant", tenant.orElse(null));
    }
  }

  /** The job needs no proposal any more (application withdrawn, or a newer version is queued). */
  public record NothingToDo(String reason) implements Stop {
  }

  public static StepResult ok(JsonObject input, JsonObject output) {
    return new StepResult(input, output, false, Optional.empty());
  }

  public static StepResult flagged(JsonObject input, JsonObject output, boolean warning) {
    return new StepResult(input, output, warning, Optional.empty());
  }

  public static StepResult stop(JsonObject input, JsonObject output, Stop stop) {
    return new StepResult(input, output, false, Optional.of(stop));
  }
}
