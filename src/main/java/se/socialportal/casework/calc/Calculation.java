package se.socialportal.casework.calc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A calculation: the lines and what follows from them. Totals are always derived from the lines, never stored
 * separately, so an adjusted line can never disagree with the sum. The amount of försörjningsstöd is riksnorm + costs
 * − incomes, rounded to whole kronor half up (the norm engine's rounding, se.socialportal.norm.Amounts), 0 when income
 * covers the need. Needs are decided per decision type beside it.
 */
public record Calculation(List<CalcLine> lines) {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

  public Calculation {
    lines = List.copyOf(lines);
  }

  /** Reads beslutsforslag.calculation: {"lines": [{section, code?, subject?, label, amount, entered?, note?, ...}]}. */
  public static Calculation fromProposal(JsonObject calculation) {
    JsonArray array = calculation.getJsonArray("lines", new JsonArray());
    List<CalcLine> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject line = array.getJsonObject(i);
      CalcLine.Section section = CalcLine.Section.of(line.getString("section"));
      String base = line.getString("key") != null ? line.getString("key") : defaultKey(section, line);
      int count = seen.merge(base, 1, Integer::sum);
      String key = count == 1 ? base : base + "-" + count;
      BigDecimal amount = money(line.getValue("amount"));
      Object entered = line.getValue("entered");
      Optional<DecisionType> type = section == CalcLine.Section.NEED
        ? Optional.of(DecisionType.fromCode(String.valueOf(line.getString("decisionType")))
          .filter(DecisionType::isNeed).orElse(DecisionType.LIVSFORING_OVRIGT))
        : Optional.empty();
      lines.add(new CalcLine(key, section, line.getString("label") != null ? line.getString("label") : key,
        entered == null ? null : money(entered),
        amount, line.getString("note"), type, Optional.empty(), Optional.empty()));
    }
    return new Calculation(lines);
  }

  private static String defaultKey(CalcLine.Section section, JsonObject line) {
    // A key present with a null value (no subject on a riksnorm line) counts as absent.
    String what = line.getString("subject") != null ? line.getString("subject")
      : line.getString("code") != null ? line.getString("code") : "line";
    JsonArray persons = line.getJsonArray("persons", new JsonArray());
    StringBuilder key = new StringBuilder(section.code()).append(':').append(what.replaceAll("[^A-Za-z0-9_.-]", "_"));
    if (!persons.isEmpty()) {
      key.append(':');
      for (int i = 0; i < persons.size(); i++) {
        key.append(i == 0 ? "" : ".").append(persons.getValue(i));
      }
    }
    return key.toString();
  }

  static BigDecimal money(Object value) {
    return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
  }

  public Optional<CalcLine> line(String key) {
    return lines.stream().filter(line -> line.key().equals(key)).findFirst();
  }

  public BigDecimal total(CalcLine.Section section) {
    return lines.stream().filter(line -> line.section() == section).map(CalcLine::amount).reduce(ZERO, BigDecimal::add);
  }

  /** riksnorm + costs − incomes, in öre; negative = normöverskott. */
  public BigDecimal exactResult() {
    return total(CalcLine.Section.RIKSNORM).add(total(CalcLine.Section.COST)).subtract(total(CalcLine.Section.INCOME));
  }

  /** Försörjningsstöd to grant for the month, whole kronor. */
  public BigDecimal forsorjningsstod() {
    BigDecimal exact = exactResult();
    return exact.signum() > 0 ? exact.setScale(0, RoundingMode.HALF_UP) : BigDecimal.ZERO;
  }

  /** Need lines by decision type, in line order. */
  public Map<DecisionType, List<CalcLine>> needs() {
    Map<DecisionType, List<CalcLine>> needs = new LinkedHashMap<>();
    for (CalcLine line : lines) {
      line.decisionType().ifPresent(type -> needs.computeIfAbsent(type, key -> new ArrayList<>()).add(line));
    }
    return needs;
  }

  public boolean anyAdjusted() {
    return lines.stream().anyMatch(CalcLine::adjusted);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    lines.forEach(line -> array.add(line.toJson()));
    JsonObject needs = new JsonObject();
    needs().forEach((type, list) -> needs.put(type.code(), new JsonObject()
      .put("applied", applied(list).toPlainString()).put("granted", granted(list).toPlainString())));
    return new JsonObject().put("lines", array).put("totals", new JsonObject()
      .put("riksnorm", total(CalcLine.Section.RIKSNORM).toPlainString())
      .put("costs", total(CalcLine.Section.COST).toPlainString())
      .put("incomes", total(CalcLine.Section.INCOME).toPlainString())
      .put("exactResult", exactResult().toPlainString())
      .put("forsorjningsstod", forsorjningsstod().toPlainString())
      .put("needs", needs));
  }

  /** What was applied for: the entered amount, or the line's amount when nothing was entered. */
  public static BigDecimal applied(List<CalcLine> lines) {
    return lines.stream().map(line -> line.entered() != null ? line.entered() : line.originalAmount().orElse(line.amount()))
      .reduce(ZERO, BigDecimal::add);
  }

  public static BigDecimal granted(List<CalcLine> lines) {
    return lines.stream().map(CalcLine::amount).reduce(ZERO, BigDecimal::add);
  }
}
