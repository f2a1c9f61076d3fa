package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules written out in the test from the sources themselves (2025: SoF 2025:468 12 kap. 2 §; 2026: the table derived
 * from it, docs/sources.md#riksnorm-2026-derived), independent of robots/. RuleBookTest checks that robots/ holds the
 * same tables.
 */
final class NormTestRules {

  private NormTestRules() {
  }

  static Riksnorm riksnorm2025() {
    return new Riksnorm("riksnorm-2025", kr(3910), kr(7050), List.of(
      band(0, 0, 2720, 2540), band(1, 2, 3030, 2780), band(3, 3, 2700, 2480), band(4, 6, 3030, 2700),
      band(7, 10, 3790, null), band(11, 14, 4350, null), band(15, 18, 4920, null), band(19, 20, 4960, null)),
      List.of(kr(1270), kr(1400), kr(1770), kr(2010), kr(2310), kr(2620), kr(2810)));
  }

  static Riksnorm riksnorm2026() {
    return new Riksnorm("riksnorm-2026", kr(3940), kr(7100), List.of(
      band(0, 0, 2740, 2560), band(1, 2, 3050, 2800), band(3, 3, 2720, 2500), band(4, 6, 3050, 2720),
      band(7, 10, 3820, null), band(11, 14, 4380, null), band(15, 18, 4950, null), band(19, 20, 4990, null)),
      List.of(kr(1280), kr(1410), kr(1780), kr(2020), kr(2330), kr(2640), kr(2830)));
  }

  static IncomeClassification incomes() {
    Map<String, IncomeRule> types = new LinkedHashMap<>();
    types.put("salary", rule("salary", IncomeTreatment.COUNTED, true));
    types.put("childAllowance", rule("childAllowance", IncomeTreatment.COUNTED, false));
    types.put("maintenanceSupport", rule("maintenanceSupport", IncomeTreatment.COUNTED, false));
    types.put("housingAllowance", rule("housingAllowance", IncomeTreatment.COUNTED, false));
    types.put("disabilityCompensation", rule("disabilityCompensation", IncomeTreatment.NOT_COUNTED, false));
    types.put("other", rule("other", IncomeTreatment.REVIEW, false));
    return new IncomeClassification("incomes-test", types, JobbstimulansRule.statutory());
  }

  static NormRules rules2025() {
    return new NormRules(riksnorm2025(), new Prisbasbelopp("pbb-2025", 2025, kr(58800)), CostCaps.none(), incomes());
  }

  static NormRules rules2026() {
    return new NormRules(riksnorm2026(), new Prisbasbelopp("pbb-2026", 2026, kr(59200)), CostCaps.none(), incomes());
  }

  static NormRules withCaps(NormRules rules, CostCaps caps) {
    return new NormRules(rules.riksnorm(), rules.prisbasbelopp(), caps, rules.incomes());
  }

  static BigDecimal kr(long kronor) {
    return Amounts.kronor(kronor);
  }

  static BigDecimal kr(String kronor) {
    return Amounts.kronor(new BigDecimal(kronor));
  }

  private static ChildBand band(int from, int to, long amount, Integer withoutLunch) {
    return new ChildBand(from, to, kr(amount), withoutLunch == null ? null : kr(withoutLunch));
  }

  private static IncomeRule rule(String type, IncomeTreatment treatment, boolean employment) {
    return new IncomeRule(type, treatment, employment, Map.of("sv", type, "en", type), "test");
  }
}
