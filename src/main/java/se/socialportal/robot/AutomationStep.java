package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Decides whether the proposal is decided automatically (Automation); the trace lists every reason it is not. */
final class AutomationStep implements Step {

  @Override
  public String name() {
    return "automation";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    state.automation = Automation.decide(state);
    JsonObject input = new JsonObject().put("allowedDecisionTypes",
        new JsonArray(state.rules().automatedDecisionTypes().stream().sorted().map(Object.class::cast).toList()))
      .put("kind", state.file().application().kind()).put("warnings", state.warnings.size());
    JsonObject output = new JsonObject().put("automated", state.automation.automated())
      .put("decisionType", state.automation.decisionType())
      .put("reasons", new JsonArray(state.automation.reasons().stream().map(Object.class::cast).toList()));
    return Future.succeededFuture(StepResult.ok(input, output));
  }
}
