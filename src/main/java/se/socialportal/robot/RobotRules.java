package se.socialportal.robot;

import se.socialportal.norm.NormRules;
import se.socialportal.rules.DecisionType;
import se.socialportal.rules.RobotMotivering;
import se.socialportal.rules.RulesInForce;
import se.socialportal.rules.WarningRule;
import se.socialportal.rules.WarningType;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules the robot applies for one tenant and month, all from one rule book: the norm engine's, and its own —
 * warning thresholds, stickprov rate and the decision types the tenant lets the robot decide. A stickprov file must
 * list every channel (the rule book refuses one that leaves a channel out) and the draw never looks at the channel —
 * drawing by channel is exactly the unequal treatment a municipality's audit found between digital and paper
 * applicants.
 *
 * @param norm                  what the norm engine calculates with (riksnorm, prisbasbelopp, caps, incomes)
 * @param incomeChangePercent   INCOME_CHANGE when an income changes by at least this share ...
 * @param incomeChangeKronor    ... and at least this many kronor
 * @param mismatchKronor        DECLARED_VS_REGISTER_MISMATCH when declared and register differ by more than this
 * @param stickprovPercent      share of applications drawn for stickprov, 0–100
 * @param automatedDecisionTypes decision types the nämnd lets the robot decide (KL 6 kap. 37 §); empty = none
 * @param automationSource      the delegation an automated decision rests on (the nämnd's decision, as robots/ cites it)
 * @param versions              kind → version of each of these rules, stored with the proposal
 * @param motivering            the wording of the motivering (robots/robot-motivering.json)
 */
public record RobotRules(NormRules norm, BigDecimal incomeChangePercent, BigDecimal incomeChangeKronor,
                         BigDecimal mismatchKronor, BigDecimal stickprovPercent, String stickprovVersion,
                         Set<String> automatedDecisionTypes, String automationSource, Map<String, String> versions,
                         RobotMotivering motivering) {

  public RobotRules {
    automatedDecisionTypes = Set.copyOf(automatedDecisionTypes);
    versions = Map.copyOf(versions);
  }

  static RobotRules of(RulesInForce rules) {
    WarningRule change = rules.warnings().rule(WarningType.INCOME_CHANGE);
    WarningRule mismatch = rules.warnings().rule(WarningType.DECLARED_VS_REGISTER_MISMATCH);
    Set<String> automated = rules.automation().decisionTypes().stream().map(DecisionType::key)
      .collect(Collectors.toSet());
    return new RobotRules(rules.norm(), threshold(change, "percent"), threshold(change, "minimumKronor"),
      threshold(mismatch, "kronor"), rules.stickprov().percent(), rules.stickprov().version(), automated,
      rules.automation().source(),
      Map.of("warningRules", rules.warnings().version(), "stickprov", rules.stickprov().version(),
        "automation", rules.automation().version(), "motivering", rules.motivering().version()),
      rules.motivering());
  }

  private static BigDecimal threshold(WarningRule rule, String name) {
    if (rule == null) {
      throw new PermanentFailure("Varningsreglerna saknar en regel som roboten behöver.");
    }
    return rule.threshold(name).orElseThrow(() -> new PermanentFailure("Varningsregeln " + rule.type()
      + " saknar tröskeln " + name + "."));
  }
}
