package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One net income for the month.
 *
 * @param person index into {@link NormInput#persons()} of the person who receives it; null for an income of the
 *               household as a whole (barnbidrag, bostadsbidrag)
 * @param type   an income type of the {@link IncomeClassification} in force (e.g. "salary", "childAllowance")
 */
public record Income(Integer person, String type, BigDecimal amount) {

  public Income {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
  }

  public static Income of(int person, String type, long kronor) {
    return new Income(person, type, Amounts.kronor(kronor));
  }

  public static Income household(String type, long kronor) {
    return new Income(null, type, Amounts.kronor(kronor));
  }

  public Optional<Integer> personIndex() {
    return Optional.ofNullable(person);
  }
}
