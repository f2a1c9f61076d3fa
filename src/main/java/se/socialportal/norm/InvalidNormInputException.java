package se.socialportal.norm;

import java.util.List;

/** The input cannot be calculated; {@link #problems()} says what, field by field. */
public final class InvalidNormInputException extends IllegalArgumentException {

  private final transient List<InputProblem> problems;

  public InvalidNormInputException(List<InputProblem> problems) {
    super("invalid norm input: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<InputProblem> problems() {
    return problems;
  }
}
