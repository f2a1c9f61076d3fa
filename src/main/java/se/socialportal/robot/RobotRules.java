package se.socialportal.robot;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The rules the robot itself applies (besides the norm engine's), for one tenant and month, from robots/.
 *
 * @param incomeChangePercent   INCOME_CHANGE when an income changes by at least this share ...
 * @param incomeChangeKronor    ... and at least this many kronor
 * @param mismatchKronor        DECLARED_VS_REGISTER_MISMATCH when declared and register differ by more than this
 * @param stickprovPercent      share of applications drawn for stickprov, 0–100
 * @param automatedDecisionTypes decision types the nämnd lets the robot decide (KL 6 kap. 37 §); empty = none
 * @param automationSource      the delegation an automated decision rests on (the nämnd's decision, as robots/ cites it)
 * @param versions              kind → version of each of these rules, stored with the proposal
 */
public record RobotRules(BigDecimal incomeChangePercent, BigDecimal incomeChangeKronor, BigDecimal mismatchKronor,
                         BigDecimal stickprovPercent, String stickprovVersion, Set<String> automatedDecisionTypes,
                         String automationSource, Map<String, String> versions) {

  public RobotRules {
    automatedDecisionTypes = Set.copyOf(automatedDecisionTypes);
    versions = Map.copyOf(versions);
  }
}
