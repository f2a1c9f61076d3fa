package se.socialportal.rules;

import java.util.Set;

/**
 * Which decision types a tenant lets the robot decide without a handläggare. Default: none — a decision taken without
 * delegation has no legal effect (Flen's delegationsordning, docs/sources.md#delegation), so absence of a file means
 * every case goes to a person.
 */
public record AutomationRule(String version, Set<DecisionType> decisionTypes, String source) {

  public AutomationRule {
    decisionTypes = Set.copyOf(decisionTypes);
  }

  public static AutomationRule none() {
    return new AutomationRule("none", Set.of(), "");
  }

  public boolean allows(DecisionType type) {
    return decisionTypes.contains(type);
  }
}
