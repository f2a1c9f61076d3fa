package se.socialportal.robot;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The norm engine's result as the rest of the robot uses it (CalculationStep builds it from NormResult).
 *
 * @param outcome      bifall, delvis_bifall (a cost was capped) or avslag (normöverskott)
 * @param amount       kronor to grant; 0 on avslag
 * @param json         every line and total, stored as beslutsforslag.calculation
 * @param ruleVersions kind → version of every rule used, stored as beslutsforslag.rule_versions
 * @param capped       costs above the tenant's reasonable level (EXPENSE_CAPPED)
 * @param needsReview  incomes whose type a handläggare must judge (UNHANDLED_INCOME)
 * @param jobbstimulans who had jobbstimulans applied ("applicant", "coApplicant")
 */
public record Calculation(String outcome, BigDecimal amount, BigDecimal riksnorm, BigDecimal costs,
                          BigDecimal incomes, BigDecimal normoverskott, JsonObject json,
                          Map<String, String> ruleVersions, List<CappedCost> capped, List<ReviewIncome> needsReview,
                          List<String> jobbstimulans) {

  public Calculation {
    ruleVersions = Map.copyOf(ruleVersions);
    capped = List.copyOf(capped);
    needsReview = List.copyOf(needsReview);
    jobbstimulans = List.copyOf(jobbstimulans);
  }

  /** A cost taken at the tenant's limit instead of what was claimed. */
  public record CappedCost(String costType, BigDecimal claimed, BigDecimal allowed) {
  }

  /** An income counted meanwhile whose treatment needs a person's judgement. */
  public record ReviewIncome(String personRef, String incomeType, BigDecimal amount) {
  }
}
