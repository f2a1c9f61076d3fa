package se.socialportal.robot;

import se.socialportal.rules.DecisionType;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RulesInForce;
import se.socialportal.rules.WarningRule;
import se.socialportal.rules.WarningType;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The robot's rules from the RuleBook (robots/): warning thresholds, stickprov rate and the decision types the tenant
 * lets the robot decide. A stickprov file must list every channel (RuleBook refuses one that leaves a channel out) and
 * the draw never looks at the channel — drawing by channel is exactly the unequal treatment Norrtälje reported
 * (municipal-sources.md §1.4).
 */
public final class RuleBookRobotRules implements RobotRulesSource {

  private final RuleBook book;

  public RuleBookRobotRules(RuleBook book) {
    this.book = book;
  }

  @Override
  public RobotRules rules(String tenantId, YearMonth month) {
    RulesInForce rules = book.inForce(tenantId, month);
    WarningRule change = rules.warnings().rule(WarningType.INCOME_CHANGE);
    WarningRule mismatch = rules.warnings().rule(WarningType.DECLARED_VS_REGISTER_MISMATCH);
    Set<String> automated = rules.automation().decisionTypes().stream().map(DecisionType::key)
      .collect(Collectors.toSet());
    return new RobotRules(threshold(change, "percent"), threshold(change, "minimumKronor"),
      threshold(mismatch, "kronor"), rules.stickprov().percent(), rules.stickprov().version(), automated,
      rules.automation().source(),
      java.util.Map.of("warningRules", rules.warnings().version(), "stickprov", rules.stickprov().version(),
        "automation", rules.automation().version()));
  }

  private static BigDecimal threshold(WarningRule rule, String name) {
    if (rule == null) {
      throw new PermanentFailure("Varningsreglerna saknar en regel som roboten behöver.");
    }
    return rule.threshold(name).orElseThrow(() -> new PermanentFailure("Varningsregeln " + rule.type()
      + " saknar tröskeln " + name + "."));
  }
}
