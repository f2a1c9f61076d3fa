package se.socialportal.casework.calc;

import java.util.List;

/**
 * Applies a handläggare's adjustments to a proposal's calculation and recomputes what follows. The line-level
 * implementation ({@link LineRecalculation}) sets the adjusted amounts and re-derives every total; an implementation on
 * the norm engine (se.socialportal.norm) plugs in here to re-run the calculation from its input with caps and
 * income rules applied.
 */
@FunctionalInterface
public interface Recalculation {
  Calculation apply(Calculation proposal, List<Adjustment> adjustments);
}
