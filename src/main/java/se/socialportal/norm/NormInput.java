package se.socialportal.norm;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the calculation needs for one household and month: who lives in the dwelling, the month's costs (as claimed;
 * caps are applied by the engine) and incomes.
 */
public record NormInput(YearMonth month, List<HouseholdMember> persons, Map<CostType, BigDecimal> costs,
                        List<Income> incomes) {

  public NormInput {
    Objects.requireNonNull(month, "month");
    persons = List.copyOf(persons);
    EnumMap<CostType, BigDecimal> copy = new EnumMap<>(CostType.class);
    copy.putAll(costs);
    costs = Collections.unmodifiableMap(copy);
    incomes = List.copyOf(incomes);
  }

  public HouseholdMember person(int index) {
    return persons.get(index);
  }
}
