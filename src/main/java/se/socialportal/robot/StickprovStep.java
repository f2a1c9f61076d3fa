package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Draws the application for stickprov (Stickprov). The trace shows the inputs of the draw — the rate and the rule
 * version, not the channel, which the draw never reads — and the drawn number.
 */
final class StickprovStep implements Step {

  private final StickprovSeeds seeds;

  StickprovStep(StickprovSeeds seeds) {
    this.seeds = seeds;
  }

  @Override
  public String name() {
    return "stickprov";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    CaseFile.Application application = state.file().application();
    RobotRules rules = state.rules();
    return seeds.seed(application.tenantId()).map(seed -> {
      state.stickprov = Stickprov.draw(seed, application.id(), rules.stickprovPercent(), rules.stickprovVersion(),
        state.file());
      // The channel is not an input of the draw: every channel is drawn alike, whatever a rules file lists.
      JsonObject input = new JsonObject().put("percent", rules.stickprovPercent().toPlainString())
        .put("ruleVersion", rules.stickprovVersion()).put("channels", "all");
      JsonObject output = new JsonObject().put("draw", state.stickprov.value().toPlainString())
        .put("sampled", state.stickprov.sampled()).put("reason", state.stickprov.reason())
        .put("documents", state.stickprov.itemsJson());
      return StepResult.flagged(input, output, state.stickprov.sampled());
    });
  }
}
