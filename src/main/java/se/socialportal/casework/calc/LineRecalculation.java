package se.socialportal.casework.calc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adjustments as line overrides: the latest adjustment of a line wins; an adjustment of a line the proposal does not
 * have adds it (a new need, e.g. a skuld the handläggare classifies). Totals follow from the lines.
 */
public final class LineRecalculation implements Recalculation {

  @Override
  public Calculation apply(Context context, Calculation proposal, List<Adjustment> adjustments) {
    Map<String, Adjustment> latest = new LinkedHashMap<>();
    adjustments.forEach(adjustment -> latest.put(adjustment.lineKey(), adjustment));
    List<CalcLine> lines = new ArrayList<>();
    for (CalcLine line : proposal.lines()) {
      Adjustment adjustment = latest.remove(line.key());
      lines.add(adjustment == null ? line : line.adjustedTo(adjustment.newAmount(), adjustment.reason()));
    }
    for (Adjustment added : latest.values()) {
      lines.add(new CalcLine(added.lineKey(), added.section(), added.label(), added.newAmount(), added.newAmount(), null,
        added.decisionType(), Optional.of(java.math.BigDecimal.ZERO.setScale(2)), Optional.of(added.reason())));
    }
    return new Calculation(lines);
  }
}
