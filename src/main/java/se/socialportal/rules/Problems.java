package se.socialportal.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem in robots/, so an operator sees them all at once rather than one per restart. */
final class Problems {

  private final List<RuleProblem> problems = new ArrayList<>();

  void add(String file, String pointer, String problem) {
    // One line each: parser messages can span lines, and Main prints the first problem as one line.
    problems.add(new RuleProblem(file, pointer, problem.replaceAll("\\s+", " ").trim()));
  }

  void add(RuleFile file, String pointer, String problem) {
    add(file.name(), pointer, problem);
  }

  int count() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new RuleBookException(problems);
    }
  }
}
