package se.socialportal.payment.account;

import se.socialportal.platform.http.ApiException;

import java.util.Optional;

/**
 * Reads what a resident types as their payout account and checks it by the banks' published rules ({@link Banks}):
 * clearing number and account number, or a Bankgiro or Plusgiro number. Spaces, dashes, dots and commas are
 * separators. A refusal names the field and what is wrong in words a resident can act on; nothing is guessed.
 */
public final class AccountNumbers {

  /** A bank account, or a Bankgiro or Plusgiro number. */
  public enum Kind {
    BANK("bank"), BANKGIRO("bankgiro"), PLUSGIRO("plusgiro");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Kind of(String code) {
      for (Kind kind : values()) {
        if (kind.code.equals(code)) {
          return kind;
        }
      }
      throw ApiException.invalid("kind", "account_kind_invalid");
    }
  }

  /**
   * A checked account: its kind, clearing number (bank accounts; Swedbank's 8xxx with its fifth digit), the account
   * number as the bank writes it, the bank's name, and whether it is a Nordea personkonto (the number is then the
   * holder's personnummer, so it is never shown in part).
   */
  public record Account(Kind kind, Optional<String> clearing, String number, String bankName, boolean personkonto) {

    /** What staff and lists show: the bank and the last four digits, never a personnummer. */
    public String masked() {
      if (personkonto) {
        return bankName + ", personkonto";
      }
      String tail = number.length() <= 4 ? number : number.substring(number.length() - 4);
      return bankName + " ****" + tail;
    }
  }

  private AccountNumbers() {
  }

  /** A bank account: clearing number and account number in two fields. */
  public static Account bank(String clearingInput, String numberInput) {
    String clearing = digits(clearingInput, "clearing");
    String number = digits(numberInput, "number");
    if (clearing.length() != 4 && clearing.length() != 5) {
      throw ApiException.invalid("clearing", "account_clearing_invalid");
    }
    Banks.Range range = Banks.of(Integer.parseInt(clearing.substring(0, 4)))
      .orElseThrow(() -> ApiException.invalid("clearing", "account_clearing_unknown"));
    boolean swedbank8 = range.from() >= 8000 && range.to() <= 8999;
    if (swedbank8 && clearing.length() != 5) {
      throw ApiException.invalid("clearing", "account_clearing_five_digits");
    }
    if (swedbank8 && !CheckDigits.mod10(clearing)) {
      throw ApiException.invalid("clearing", "account_clearing_check");
    }
    if (!swedbank8 && clearing.length() != 4) {
      throw ApiException.invalid("clearing", "account_clearing_invalid");
    }
    String account = switch (range.rule()) {
      case TYPE1_COMMENT1, TYPE1_COMMENT2 -> length(number, 7, 7, range);
      case TYPE2_COMMENT1 -> range.personkonto() && number.length() == 12 ? number.substring(2) : length(number, 10, 10, range);
      case TYPE2_COMMENT2 -> zeroFilled(length(number, 8, 9, range), 9);
      case TYPE2_COMMENT3 -> swedbank8 ? zeroFilled(length(number, 1, 10, range), 10) : length(number, 1, 10, range);
    };
    boolean valid = switch (range.rule()) {
      case TYPE1_COMMENT1 -> CheckDigits.mod11(clearing.substring(1, 4) + account);
      case TYPE1_COMMENT2 -> CheckDigits.mod11(clearing.substring(0, 4) + account);
      case TYPE2_COMMENT1, TYPE2_COMMENT3 -> CheckDigits.mod10(account);
      case TYPE2_COMMENT2 -> CheckDigits.mod11(account);
    };
    if (!valid) {
      throw ApiException.invalid("number", "account_number_check", range.bank());
    }
    return new Account(Kind.BANK, Optional.of(clearing), account, range.bank(), range.personkonto());
  }

  /** A Bankgiro number: seven or eight digits, the last a modulus 10 check digit. */
  public static Account bankgiro(String input) {
    String number = digits(input, "number");
    if (number.length() < 7 || number.length() > 8 || !CheckDigits.mod10(number)) {
      throw ApiException.invalid("number", "bankgiro_invalid");
    }
    return new Account(Kind.BANKGIRO, Optional.empty(), number, "Bankgiro", false);
  }

  /** A Plusgiro number: two to eight digits, the last a modulus 10 check digit. */
  public static Account plusgiro(String input) {
    String number = digits(input, "number");
    if (number.length() < 2 || number.length() > 8 || !CheckDigits.mod10(number)) {
      throw ApiException.invalid("number", "plusgiro_invalid");
    }
    return new Account(Kind.PLUSGIRO, Optional.empty(), number, "Plusgirot", false);
  }

  private static String digits(String input, String field) {
    if (input == null || input.isBlank()) {
      throw ApiException.invalid(field, "required");
    }
    String stripped = input.strip().replaceAll("[\\s.,-]", "");
    if (!stripped.matches("[0-9]{1,16}")) {
      throw ApiException.invalid(field, "account_digits_only");
    }
    return stripped;
  }

  /** Leading zeros beyond the bank's length are padding, not digits. */
  private static String length(String number, int min, int max, Banks.Range range) {
    String trimmed = number;
    while (trimmed.length() > max && trimmed.charAt(0) == '0') {
      trimmed = trimmed.substring(1);
    }
    if (trimmed.length() < min || trimmed.length() > max) {
      throw min == max ? ApiException.invalid("number", "account_number_length", range.bank(), min)
        : ApiException.invalid("number", "account_number_length_range", range.bank(), min, max);
    }
    return trimmed;
  }

  private static String zeroFilled(String number, int length) {
    return "0".repeat(length - number.length()) + number;
  }
}
