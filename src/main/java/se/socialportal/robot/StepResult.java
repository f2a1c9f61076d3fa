package se.socialportal.robot;

import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * What a step reports: a summary of its input and its output for the trace (no personnummer, no address), whether it
 * found something a handläggare should look at, and whether the pipeline stops here.
 */
public record StepResult(JsonObject input, JsonObject output, boolean warning, Optional<Stop> stop) {

  /** Why the pipeline ends before a proposal. */
  public sealed interface Stop permits WaitForData, NothingToDo {
  }

  /** Register data is not complete yet: the job waits and the whole pipeline runs again later. */
  public record WaitForData(String reason) implements Stop {
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
