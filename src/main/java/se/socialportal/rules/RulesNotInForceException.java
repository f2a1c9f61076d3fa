package se.socialportal.rules;

import java.time.YearMonth;
import java.util.Optional;

/**
 * No file of a required kind covers the month: next year's riksnorm not published yet, or a tenant that has caps
 * files but none for the month. A normal state around the turn of the year, not an error in the rules: the robot
 * waits for the file, provräkning says the amounts are not decided yet.
 */
public final class RulesNotInForceException extends RuntimeException {

  private final RuleKind kind;
  private final YearMonth month;
  private final String tenant;
  private final boolean notDecidedYet;

  public RulesNotInForceException(RuleKind kind, YearMonth month) {
    this(kind, month, null, false);
  }

  /**
   * @param tenant        the tenant whose file is missing; null for a national kind
   * @param notDecidedYet the month lies after every file of the kind: the rules are still to come (not a month the
   *                      service never had rules for)
   */
  public RulesNotInForceException(RuleKind kind, YearMonth month, String tenant, boolean notDecidedYet) {
    super("no " + kind.key() + " in force for " + month + (tenant == null ? "" : " for tenant " + tenant), null,
      false, false);
    this.kind = kind;
    this.month = month;
    this.tenant = tenant;
    this.notDecidedYet = notDecidedYet;
  }

  /** True when the month comes after every file of the kind: next year's rules, not published or decided yet. */
  public boolean notDecidedYet() {
    return notDecidedYet;
  }

  public RuleKind kind() {
    return kind;
  }

  public YearMonth month() {
    return month;
  }

  /** The tenant whose own file is missing; empty for a national kind. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }
}
