package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.TreeMap;

/** Finds the tenant's rules in force for the application's month; their versions go into the trace and the proposal. */
final class RulesStep implements Step {

  private final RobotRulesSource source;

  RulesStep(RobotRulesSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    CaseFile.Application application = state.file().application();
    state.rules = source.rules(application.tenantId(), application.month());
    return Future.succeededFuture(StepResult.ok(
      new JsonObject().put("tenant", application.tenantId()).put("month", application.month().toString()),
      new JsonObject().put("versions", new JsonObject(new TreeMap<String, Object>(state.rules.versions())))));
  }
}
