package se.socialportal.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule file applies: whole months, from the first day of {@code from}'s month to the last day of {@code to}'s
 * month (open-ended when {@code to} is null). Calculations are monthly, so a rule never changes within a month.
 */
public record EffectivePeriod(LocalDate from, LocalDate to) {

  public EffectivePeriod {
    Objects.requireNonNull(from, "from");
  }

  public Optional<LocalDate> end() {
    return Optional.ofNullable(to);
  }

  public boolean covers(YearMonth month) {
    return !month.atDay(1).isBefore(from) && (to == null || !month.atEndOfMonth().isAfter(to));
  }

  public boolean overlaps(EffectivePeriod other) {
    return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
  }

  @Override
  public String toString() {
    return from + " – " + (to == null ? "" : to);
  }
}
