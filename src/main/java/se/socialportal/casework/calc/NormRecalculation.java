package se.socialportal.casework.calc;

import se.socialportal.robot.NormInputJson;

import io.vertx.core.json.JsonObject;
import se.socialportal.norm.CostType;
import se.socialportal.norm.Income;
import se.socialportal.norm.InvalidNormInputException;
import se.socialportal.norm.Line;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormInput;
import se.socialportal.norm.NormResult;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RulesNotInForceException;
import se.socialportal.rules.UnknownTenantException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recomputes an adjusted calculation with the norm engine: an adjustment of a cost line ({@code cost:<type>}) changes
 * the claimed cost and an adjustment of an income line ({@code income:<type>[:<person>]}) the income, in the input the
 * robot stored with the proposal; the engine then applies the tenant's caps and the income rules of the month, exactly
 * as for the proposal. Adjustments of riksnorm lines and need lines (outside the engine) are line overrides. A
 * proposal without a stored input, or a month without rules, is recomputed line by line.
 */
public final class NormRecalculation implements Recalculation {

  private final Supplier<RuleBook> book;
  private final LineRecalculation lines = new LineRecalculation();

  public NormRecalculation(Supplier<RuleBook> book) {
    this.book = book;
  }

  @Override
  public Calculation apply(Context context, Calculation proposal, List<Adjustment> adjustments) {
    JsonObject stored = context.calculation().getJsonObject("input");
    // Nothing adjusted: the proposal is what the engine computed; showing it as stored keeps the robot's words.
    if (adjustments.isEmpty()) {
      return proposal;
    }
    if (stored == null) {
      return lines.apply(context, proposal, adjustments);
    }
    NormInput input = NormInputJson.read(stored);
    Map<CostType, BigDecimal> costs = new EnumMap<>(CostType.class);
    costs.putAll(input.costs());
    List<Income> incomes = new ArrayList<>(input.incomes());
    List<Adjustment> overrides = new ArrayList<>();
    for (Adjustment adjustment : adjustments) {
      if (!adjustInput(adjustment, costs, incomes)) {
        overrides.add(adjustment);
      }
    }
    NormResult result;
    try {
      result = NormEngine.calculate(new NormInput(input.month(), input.persons(), costs, incomes),
        book.get().normRules(context.tenant(), input.month()));
    } catch (RulesNotInForceException | UnknownTenantException e) {
      return lines.apply(context, proposal, adjustments);
    } catch (InvalidNormInputException e) {
      throw ApiException.invalid("amount", "adjustment_invalid");
    }
    Map<String, String> reasons = new HashMap<>();
    adjustments.forEach(adjustment -> reasons.put(adjustment.lineKey(), adjustment.reason()));
    List<CalcLine> recomputed = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Line line : result.lines()) {
      String base = line.key();
      int count = seen.merge(base, 1, Integer::sum);
      String key = count == 1 ? base : base + "-" + count;
      Optional<CalcLine> before = proposal.line(key);
      CalcLine fresh = new CalcLine(key, CalcLine.Section.of(line.section().name().toLowerCase(java.util.Locale.ROOT)),
        before.map(CalcLine::label).orElse(key), line.entered(), line.amount(), before.map(CalcLine::note).orElse(null),
        Optional.empty(), Optional.empty(), Optional.empty());
      if (before.isPresent() && reasons.containsKey(key) && before.get().amount().compareTo(line.amount()) != 0) {
        fresh = new CalcLine(key, fresh.section(), fresh.label(), fresh.entered(), fresh.amount(), fresh.note(),
          Optional.empty(), Optional.of(before.get().amount()), Optional.of(reasons.get(key)));
      }
      recomputed.add(fresh);
    }
    proposal.lines().stream().filter(line -> line.section() == CalcLine.Section.NEED).forEach(recomputed::add);
    return lines.apply(context, new Calculation(recomputed), overrides);
  }

  /** True when the adjustment changed the engine's input (a cost or an income); false for a line override. */
  private static boolean adjustInput(Adjustment adjustment, Map<CostType, BigDecimal> costs, List<Income> incomes) {
    String[] parts = adjustment.lineKey().split(":");
    if (adjustment.section() == CalcLine.Section.COST && parts.length >= 2) {
      Optional<CostType> type = CostType.fromJson(parts[1]);
      type.ifPresent(cost -> costs.put(cost, adjustment.newAmount()));
      return type.isPresent();
    }
    if (adjustment.section() == CalcLine.Section.INCOME && parts.length >= 2) {
      Integer person = parts.length >= 3 ? Integer.valueOf(parts[2].split("-")[0]) : null;
      for (int i = 0; i < incomes.size(); i++) {
        Income income = incomes.get(i);
        if (income.type().equals(parts[1]) && java.util.Objects.equals(income.person(), person)) {
          incomes.set(i, new Income(income.person(), income.type(), adjustment.newAmount()));
          return true;
        }
      }
    }
    return false;
  }
}
