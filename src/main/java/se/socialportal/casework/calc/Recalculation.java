package se.socialportal.casework.calc;

import io.vertx.core.json.JsonObject;

import java.time.YearMonth;
import java.util.List;

/**
 * Applies a handläggare's adjustments to a proposal's calculation and recomputes what follows.
 * {@link NormRecalculation} re-runs the norm engine on the proposal's stored input (caps and income rules apply to the
 * adjusted amounts); {@link LineRecalculation} overrides lines and re-derives the totals where there is no input.
 */
@FunctionalInterface
public interface Recalculation {

  /** Which case: the tenant and month (for the rules in force) and the proposal's stored calculation JSON. */
  record Context(String tenant, YearMonth month, JsonObject calculation) {
  }

  Calculation apply(Context context, Calculation proposal, List<Adjustment> adjustments);
}
