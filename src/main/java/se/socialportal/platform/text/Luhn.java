package se.socialportal.platform.text;

/**
 * The modulus 10 check digit (Luhn) that Skatteverket uses for personnummer and Bankgirot for Bankgiro and many
 * account numbers: from the right, every second digit is doubled (a two-digit product counts as the sum of its
 * digits), and the total of a valid number ends in 0. (The BankID client keeps its own copy: it depends on nothing
 * else in the project.)
 */
public final class Luhn {

  private Luhn() {
  }

  /** Whether the digits, check digit last, pass the check; digits only (callers strip separators first). */
  public static boolean valid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /** The check digit that makes {@code digits} followed by it valid. */
  public static int checkDigit(String digits) {
    for (int candidate = 0; candidate <= 9; candidate++) {
      if (valid(digits + candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("every digit string has a Luhn check digit");
  }
}
