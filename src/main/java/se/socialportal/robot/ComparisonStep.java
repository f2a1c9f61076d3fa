package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Compares with last month's application of the household (LastMonthComparison). */
final class ComparisonStep implements Step {

  @Override
  public String name() {
    return "comparison";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    state.comparison = LastMonthComparison.compare(state.file());
    JsonObject input = new JsonObject().put("earlierApplications", state.file().earlier().size())
      .put("baseline", state.comparison.baseline().map(Object::toString).orElse(null));
    JsonObject output = new JsonObject().put("changes", state.comparison.changes().size())
      .put("note", state.comparison.note());
    return Future.succeededFuture(StepResult.flagged(input, output, !state.comparison.changes().isEmpty()));
  }
}
