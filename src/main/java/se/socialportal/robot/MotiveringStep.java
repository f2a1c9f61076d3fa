package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Writes the motivering (FL 32 §) from the calculation and the household. */
final class MotiveringStep implements Step {

  @Override
  public String name() {
    return "motivering";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    Calculation calculation = state.calculation().orElseThrow();
    state.motivering = Motivering.write(state.rules().motivering(), state.file().application().month(),
      new Content(state.file().application().content()), calculation);
    return Future.succeededFuture(StepResult.ok(new JsonObject().put("outcome", calculation.outcome()),
      new JsonObject().put("legalBasis", new JsonArray(state.motivering.legalBasis().stream()
        .map(Object.class::cast).toList())).put("characters", state.motivering.text().length())));
  }
}
