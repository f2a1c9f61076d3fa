package se.socialportal.bankid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The twelve-digit personal identity numbers BankID uses (YYYYMMDDNNNC), and the redaction that keeps them out of
 * log lines and exception messages.
 */
public final class PersonalNumbers {

  /** Ten or twelve digits, optionally with the - or + separator, not part of a longer digit run. */
  private static final Pattern ANYWHERE_IN_TEXT = Pattern.compile("(?<!\\d)(\\d{2})?\\d{6}[-+]?\\d{4}(?!\\d)");
  private static final String REDACTED = "[personnummer]";
  /** Samordningsnummer carry the day of birth plus 60. */
  private static final int COORDINATION_NUMBER_DAY_OFFSET = 60;

  private PersonalNumbers() {
  }

  /**
   * Twelve digits, a real date of birth (or a samordningsnummer's day + 60) and a correct Luhn check digit.
   */
  public static boolean isValid(String personalNumber) {
    if (personalNumber == null || !personalNumber.matches("\\d{12}")) {
      return false;
    }
    int year = Integer.parseInt(personalNumber.substring(0, 4));
    int month = Integer.parseInt(personalNumber.substring(4, 6));
    int day = Integer.parseInt(personalNumber.substring(6, 8));
    if (day > COORDINATION_NUMBER_DAY_OFFSET) {
      day -= COORDINATION_NUMBER_DAY_OFFSET;
    }
    try {
      LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return false;
    }
    return luhnValid(personalNumber.substring(2));
  }

  /** The Luhn check over the ten digits YYMMDDNNNC, as Skatteverket computes it. */
  static boolean luhnValid(String tenDigits) {
    int sum = 0;
    for (int i = 0; i < tenDigits.length(); i++) {
      int digit = tenDigits.charAt(i) - '0';
      int weighted = i % 2 == 0 ? digit * 2 : digit;
      sum += weighted > 9 ? weighted - 9 : weighted;
    }
    return sum % 10 == 0;
  }

  /** The check digit that makes the nine digits YYMMDDNNN a valid number (used to build test identities). */
  public static int checkDigit(String nineDigits) {
    for (int candidate = 0; candidate <= 9; candidate++) {
      if (luhnValid(nineDigits + candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no Luhn check digit exists");
  }

  /** The text with everything that looks like a personal number replaced, for logs and exception messages. */
  public static String redact(String text) {
    return text == null ? null : ANYWHERE_IN_TEXT.matcher(text).replaceAll(REDACTED);
  }
}
