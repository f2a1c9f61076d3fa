package se.socialportal.payment.account;

import se.socialportal.platform.text.Luhn;

/** The two check-digit methods of Swedish account numbers, as Bankgirot describes them. */
final class CheckDigits {

  private CheckDigits() {
  }

  /** Modulus 10 (Luhn): from the right, every second digit doubled (its digits summed); the total ends in 0. */
  static boolean mod10(String digits) {
    return Luhn.valid(digits);
  }

  /**
   * Modulus 11: from the right the weights 1, 2, ... 10 and then 1 again (Bankgirot writes them left to right as
   * 1, 10, 9, ... 2, 1); the weighted sum is divisible by 11.
   */
  static boolean mod11(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      sum += digit * (i % 10 + 1);
    }
    return sum % 11 == 0;
  }
}
