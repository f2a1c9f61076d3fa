package se.socialportal.rules;

import java.time.YearMonth;

/** No file of a required kind covers the month (e.g. no riksnorm for 2024, which the project does not have). */
public final class RulesNotInForceException extends RuntimeException {

  private final RuleKind kind;
  private final YearMonth month;

  public RulesNotInForceException(RuleKind kind, YearMonth month) {
    super("no " + kind.key() + " in force for " + month, null, false, false);
    this.kind = kind;
    this.month = month;
  }

  public RuleKind kind() {
    return kind;
  }

  public YearMonth month() {
    return month;
  }
}
