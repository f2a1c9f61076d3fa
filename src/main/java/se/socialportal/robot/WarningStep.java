package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The warnings a handläggare must acknowledge (CaseWarnings), including STICKPROV when the draw picked the case. */
final class WarningStep implements Step {

  @Override
  public String name() {
    return "warnings";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    state.warnings.addAll(CaseWarnings.evaluate(state));
    JsonArray types = new JsonArray();
    state.warnings.forEach(warning -> types.add(warning.type()));
    return Future.succeededFuture(StepResult.flagged(new JsonObject()
        .put("thresholds", new JsonObject().put("incomeChangePercent", state.rules().incomeChangePercent().toPlainString())
          .put("incomeChangeKronor", state.rules().incomeChangeKronor().toPlainString())
          .put("mismatchKronor", state.rules().mismatchKronor().toPlainString())),
      new JsonObject().put("types", types), !state.warnings.isEmpty()));
  }
}
