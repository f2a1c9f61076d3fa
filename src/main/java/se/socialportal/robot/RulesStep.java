package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RulesNotInForceException;

import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Finds the tenant's rules in force for the application's month, all from the rule book in force now (one book per
 * attempt, even if robots/ is reloaded meanwhile); their versions go into the trace and the proposal. A month no
 * rules cover yet stops the pipeline to wait for them.
 */
final class RulesStep implements Step {

  private final Supplier<RuleBook> book;

  RulesStep(Supplier<RuleBook> book) {
    this.book = book;
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    CaseFile.Application application = state.file().application();
    JsonObject input = new JsonObject().put("tenant", application.tenantId())
      .put("month", application.month().toString());
    try {
      state.rules = RobotRules.of(book.get().inForce(application.tenantId(), application.month()));
    } catch (RulesNotInForceException missing) {
      StepResult.WaitForRules wait = new StepResult.WaitForRules(missing.kind(), missing.month(), missing.tenant());
      return Future.succeededFuture(StepResult.stop(input, new JsonObject().put("waitingFor", wait.json()), wait));
    }
    return Future.succeededFuture(StepResult.ok(input,
      new JsonObject().put("versions", new JsonObject(new TreeMap<String, Object>(state.rules.versions())))));
  }
}
