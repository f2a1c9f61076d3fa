package se.socialportal.casework.delegation;

import java.util.List;

/** robots/ files for casework are malformed: the message lists every problem as "file pointer: problem". */
public final class CaseworkRulesException extends RuntimeException {

  private final List<String> problems;

  public CaseworkRulesException(String problem) {
    this(List.of(problem));
  }

  public CaseworkRulesException(List<String> problems) {
    super("casework rules in robots/ are not valid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
