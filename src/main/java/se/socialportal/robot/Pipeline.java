package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs the named steps in order on one case, timing each and recording it in the trace. Ends when every step ran
 * (a proposal can be written), when a step stops it (waiting for data, nothing to do), or when a step fails.
 */
public final class Pipeline {

  /** How one run ended; the trace holds every step that ran, the failed one last. */
  public sealed interface Result permits Completed, Stopped, Failed {
    TraceRecorder trace();
  }

  public record Completed(CaseState state, TraceRecorder trace) implements Result {
  }

  public record Stopped(StepResult.Stop stop, CaseState state, TraceRecorder trace) implements Result {
  }

  public record Failed(String step, Throwable cause, TraceRecorder trace) implements Result {
  }

  private final List<Step> steps;
  private final Clock clock;

  public Pipeline(List<Step> steps, Clock clock) {
    this.steps = List.copyOf(steps);
    this.clock = clock;
  }

  public Future<Result> run(CaseState state) {
    return next(0, state, new TraceRecorder());
  }

  private Future<Result> next(int index, CaseState state, TraceRecorder trace) {
    if (index == steps.size()) {
      return Future.succeededFuture(new Completed(state, trace));
    }
    Step step = steps.get(index);
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    Future<StepResult> running;
    try {
      running = step.run(state);
    } catch (RuntimeException e) {
      running = Future.failedFuture(e);
    }
    return running.transform(done -> {
      long micros = (System.nanoTime() - start) / 1_000;
      if (done.failed()) {
        trace.add(new TraceEntry(step.name(), startedAt, micros, "failed", new JsonObject(),
          new JsonObject().put("error", FailureText.of(done.cause()))));
        return Future.succeededFuture(new Failed(step.name(), done.cause(), trace));
      }
      StepResult result = done.result();
      Optional<StepResult.Stop> stop = result.stop();
      String outcome = stop.isPresent() && stop.get() instanceof StepResult.WaitForData ? "retry"
        : stop.isPresent() && stop.get() instanceof StepResult.WaitForRules ? "waiting"
        : result.warning() ? "warning" : "ok";
      trace.add(new TraceEntry(step.name(), startedAt, micros, outcome, result.input(), result.output()));
      if (stop.isPresent()) {
        return Future.succeededFuture(new Stopped(stop.get(), state, trace));
      }
      return next(index + 1, state, trace);
    });
  }
}
