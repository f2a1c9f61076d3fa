package se.socialportal.robot;

import java.time.YearMonth;

/** The robot's rules in force for a tenant and month (from robots/, through the RuleBook). */
public interface RobotRulesSource {

  /** @throws RuntimeException when the tenant has no rules or none are in force for the month */
  RobotRules rules(String tenantId, YearMonth month);
}
