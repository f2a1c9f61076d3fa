package se.socialportal.rules;

import java.util.List;

/**
 * robots/ cannot be used. The message is one line naming the first problem (Main prints it and the server does not
 * start); {@link #problems()} has them all.
 */
public final class RuleBookException extends RuntimeException {

  private final transient List<RuleProblem> problems;

  public RuleBookException(List<RuleProblem> problems) {
    super(message(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }

  private static String message(List<RuleProblem> problems) {
    String first = "robots/ rules are invalid: " + problems.get(0);
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
  }
}
