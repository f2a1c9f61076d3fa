package se.socialportal.identity;

import se.socialportal.platform.text.Luhn;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A Swedish personnummer or samordningsnummer in its 12-digit form (YYYYMMDDNNNC), validated (date and Luhn check
 * digit). {@link #toString()} is masked, so a personnummer that reaches a log or an error message by mistake shows
 * only the birth date; {@link #value()} is for the database and BankID only.
 */
public final class Personnummer {

  private final String value;

  private Personnummer(String value) {
    this.value = value;
  }

  /**
   * Parses 12 digits (YYYYMMDDNNNC), 10 digits (YYMMDDNNNC) or either with a '-' (or '+' for 100 years and older)
   * before the last four. A 10-digit number gets its century from {@code today}.
   */
  public static Optional<Personnummer> parse(String input, LocalDate today) {
    if (input == null) {
      return Optional.empty();
    }
    String trimmed = input.trim();
    if (!trimmed.matches("([0-9]{6}|[0-9]{8})[-+]?[0-9]{4}")) {
      return Optional.empty();
    }
    boolean hundredOrOlder = trimmed.contains("+");
    String digits = trimmed.replace("-", "").replace("+", "");
    String full;
    if (digits.length() == 12) {
      full = digits;
    } else {
      int yy = Integer.parseInt(digits.substring(0, 2));
      int century = today.getYear() / 100;
      int year = century * 100 + yy;
      if (year > today.getYear()) {
        year -= 100;
      }
      if (hundredOrOlder) {
        year -= 100;
      }
      full = year + digits.substring(2);
    }
    return checked(full);
  }

  /** For values that are already known to be valid 12-digit numbers (from the database or BankID). */
  public static Personnummer of(String twelveDigits) {
    return Optional.ofNullable(twelveDigits).filter(digits -> digits.matches("[0-9]{12}"))
      .flatMap(Personnummer::checked)
      .orElseThrow(() -> new IllegalArgumentException("not a valid 12-digit personnummer"));
  }

  private static Optional<Personnummer> checked(String twelveDigits) {
    if (!Luhn.valid(twelveDigits.substring(2)) || birthDate(twelveDigits).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Personnummer(twelveDigits));
  }

  /** The check digit that makes YYMMDDNNN valid; used to generate test identities. */
  public static int checkDigit(String nineDigits) {
    return Luhn.checkDigit(nineDigits);
  }

  private static Optional<LocalDate> birthDate(String twelveDigits) {
    int year = Integer.parseInt(twelveDigits.substring(0, 4));
    int month = Integer.parseInt(twelveDigits.substring(4, 6));
    int day = Integer.parseInt(twelveDigits.substring(6, 8));
    if (day > 60) {
      day -= 60; // samordningsnummer: the day plus 60
    }
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  public String value() {
    return value;
  }

  public LocalDate birthDate() {
    return birthDate(value).orElseThrow();
  }

  public boolean isSamordningsnummer() {
    return Integer.parseInt(value.substring(6, 8)) > 60;
  }

  public int ageOn(LocalDate date) {
    return Period.between(birthDate(), date).getYears();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Personnummer && ((Personnummer) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** Masked: the birth date and no more. */
  @Override
  public String toString() {
    return value.substring(0, 8) + "-****";
  }
}
