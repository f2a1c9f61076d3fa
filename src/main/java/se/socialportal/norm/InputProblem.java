package se.socialportal.norm;

import java.util.List;

/**
 * Something wrong with a {@link NormInput}. {@code field} is a JSON-style path with the same names the provräkning
 * API and the application use ({@code persons[2].umgangeDays}, {@code incomes[0].type}); {@code code} is stable and
 * is also the message key {@code field.<code>}.
 */
public record InputProblem(String field, String code, List<Object> args) {

  public InputProblem(String field, String code, Object... args) {
    this(field, code, List.of(args));
  }
}
