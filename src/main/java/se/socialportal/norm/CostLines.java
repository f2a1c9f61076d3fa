package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reasonable costs, each capped at the municipality's limit for the household type
 * (docs/sources.md#reasonable-costs-and-caps).
 */
final class CostLines {

  private CostLines() {
  }

  static List<Line> of(NormInput input, Household household, CostCaps caps) {
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<CostType, BigDecimal> cost : input.costs().entrySet()) {
      BigDecimal entered = cost.getValue();
      if (entered.signum() == 0) {
        continue;
      }
      BigDecimal claimed = Amounts.kronor(entered);
      // Household type as the municipalities publish it: adults and children of the household (placed children
      // and others in the dwelling excluded; umgänge children included, the home must have room for them).
      Optional<CapLimit> limit = caps.limitFor(cost.getKey(), household.adults(), household.children());
      List<Note> notes = new ArrayList<>();
      BigDecimal approved = claimed;
      if (limit.isPresent() && claimed.compareTo(limit.get().amount()) > 0) {
        approved = Amounts.kronor(limit.get().amount());
        notes.add(new Note(NoteCode.CAPPED, approved, claimed, caps.version()));
      }
      lines.add(new Line(Section.COST, LineCode.COST, List.of(), cost.getKey().jsonName(), List.of(), claimed,
        approved, notes));
    }
    return lines;
  }
}
