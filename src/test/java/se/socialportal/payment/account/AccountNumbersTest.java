package se.socialportal.payment.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.platform.http.ApiException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The banks' account-number rules (Bankgirot, "Bankernas kontonummeruppbyggnad"), one row per bank type. The first
 * rows of each group are numbers published as valid (Forex Bank 9420 417 23 85, Handelsbanken 6789 123 456 789,
 * Swedbank 8424-4 983 189 224-6 and 8351-9 392 242 224-5, Nordea personkonto 3300 000620-5124); the rest were worked
 * out by hand from the rules, and each invalid row changes one thing of a valid one.
 */
@DisplayName("Swedish account numbers: clearing ranges, type 1 and 2 check digits, Swedbank 8xxx, personkonto, giro")
class AccountNumbersTest {

  @ParameterizedTest(name = "{0} {1} is a valid {2} account ({3})")
  @DisplayName("valid bank accounts, every type and comment")
  @CsvSource({
    // clearing, number, bank, rule, stored number
    "9420, 417 23 85, Forex Bank, type 1 comment 1, 4172385",
    "5201, 123 456 5, SEB, type 1 comment 1, 1234565",
    "3001, 765 432 7, Nordea, type 1 comment 1, 7654327",
    "7001, 234 567 9, Swedbank, type 1 comment 1, 2345679",
    "9270, 100 200 1, ICA Banken, type 1 comment 1, 1002001",
    "9789, 111 111 3, Klarna Bank, type 1 comment 2, 1111113",
    "4100, 123 456 8, Nordea, type 1 comment 2, 1234568",
    "9180, 123 456 789 7, Danske Bank, type 2 comment 1, 1234567897",
    "9570, 987 654 321 7, Sparbanken Syd, type 2 comment 1, 9876543217",
    "6789, 123 456 789, Handelsbanken, type 2 comment 2, 123456789",
    "6000, 42 424 242 7, Handelsbanken, type 2 comment 2, 424242427",
    "8424-4, 983 189 224-6, Swedbank, type 2 comment 3, 9831892246",
    "8351-9, 392 242 224-5, Swedbank, type 2 comment 3, 3922422245",
    "8129-9, 043 386 711-6, Swedbank, type 2 comment 3, 0433867116",
    "8129-9, 433 867 116, Swedbank, type 2 comment 3 (zero-filled to ten digits), 0433867116",
    "9500, 4567 4, Nordea (Plusgirot), type 2 comment 3, 45674",
    "3300, 000620-5124, Nordea, personkonto, 0006205124",
    "3300, 19000620-5124, Nordea, personkonto written with the century, 0006205124"
  })
  void valid(String clearing, String number, String bank, String rule, String stored) {
    AccountNumbers.Account account = AccountNumbers.bank(clearing, number);
    assertEquals(bank, account.bankName());
    assertEquals(stored, account.number());
    assertEquals(AccountNumbers.Kind.BANK, account.kind());
    assertEquals(clearing.replace("-", ""), account.clearing().orElseThrow());
  }

  @ParameterizedTest(name = "{0} {1}: {3} ({2})")
  @DisplayName("invalid bank accounts are refused with the field and the reason")
  @CsvSource({
    "9420, 417 23 86, number, account_number_check",
    "5201, 123 456 4, number, account_number_check",
    "9789, 111 111 4, number, account_number_check",
    "4100, 123 456 9, number, account_number_check",
    "9180, 123 456 789 8, number, account_number_check",
    "6789, 123 456 788, number, account_number_check",
    "8424-4, 983 189 224-7, number, account_number_check",
    "3300, 000620-5125, number, account_number_check",
    "9500, 4567 5, number, account_number_check",
    // A type 1 account has seven digits, Danske Bank's 918x ten, Handelsbanken's nine.
    "5201, 123 456, number, account_number_length",
    "9180, 123 456 789, number, account_number_length",
    "6789, 1 234 567, number, account_number_length_range",
    // Swedbank's 8xxx clearing numbers have a fifth digit, a check digit of its own.
    "8424, 983 189 224-6, clearing, account_clearing_five_digits",
    "8424-1, 983 189 224-6, clearing, account_clearing_check",
    "5201-1, 123 456 5, clearing, account_clearing_invalid",
    "999, 123 456 5, clearing, account_clearing_invalid",
    // No bank has 0000–1099, 2100–2299 or 9990–9999.
    "1000, 123 456 5, clearing, account_clearing_unknown",
    "2200, 123 456 5, clearing, account_clearing_unknown",
    "9999, 123 456 5, clearing, account_clearing_unknown",
    "52O1, 123 456 5, clearing, account_digits_only",
    "5201, 123 456 5 kr, number, account_digits_only"
  })
  void invalid(String clearing, String number, String field, String code) {
    ApiException refused = assertThrows(ApiException.class, () -> AccountNumbers.bank(clearing, number));
    assertEquals(400, refused.status());
    assertEquals(1, refused.fields().size());
    assertEquals(field, refused.fields().get(0).field());
    assertEquals(code, refused.fields().get(0).code());
  }

  @ParameterizedTest(name = "Bankgiro {0}: {1}")
  @DisplayName("Bankgiro numbers: seven or eight digits with a modulus 10 check digit")
  @CsvSource({"505-1057, true", "5051057, true", "123-4566, true", "505-1055, false", "123-456, false",
    "1234-56784, false"})
  void bankgiro(String number, boolean valid) {
    if (valid) {
      assertEquals(number.replace("-", ""), AccountNumbers.bankgiro(number).number());
    } else {
      ApiException refused = assertThrows(ApiException.class, () -> AccountNumbers.bankgiro(number));
      assertEquals("bankgiro_invalid", refused.fields().get(0).code());
    }
  }

  @ParameterizedTest(name = "Plusgiro {0}: {1}")
  @DisplayName("Plusgiro numbers: two to eight digits with a modulus 10 check digit")
  @CsvSource({"4711-8, true", "1234567-4, true", "4711-9, false", "1, false", "123456789-4, false"})
  void plusgiro(String number, boolean valid) {
    if (valid) {
      assertEquals(number.replace("-", ""), AccountNumbers.plusgiro(number).number());
    } else {
      ApiException refused = assertThrows(ApiException.class, () -> AccountNumbers.plusgiro(number));
      assertEquals("plusgiro_invalid", refused.fields().get(0).code());
    }
  }

  @Test
  @DisplayName("staff see the bank and the last four digits; a personkonto shows no digits at all")
  void masked() {
    assertEquals("Swedbank ****2246", AccountNumbers.bank("8424-4", "983 189 224-6").masked());
    AccountNumbers.Account personkonto = AccountNumbers.bank("3300", "000620-5124");
    assertTrue(personkonto.personkonto());
    assertEquals("Nordea, personkonto", personkonto.masked());
    assertFalse(personkonto.masked().contains("5124"));
    assertEquals("Bankgiro ****1057", AccountNumbers.bankgiro("505-1057").masked());
  }

  @Test
  @DisplayName("every clearing range is four digits, ranges do not overlap, and each rule is used")
  void rangesAreConsistent() {
    var ranges = Banks.all();
    for (int i = 0; i < ranges.size(); i++) {
      Banks.Range range = ranges.get(i);
      assertTrue(range.from() >= 1000 && range.to() <= 9999 && range.from() <= range.to(), range.toString());
      for (int j = i + 1; j < ranges.size(); j++) {
        Banks.Range other = ranges.get(j);
        assertTrue(range.to() < other.from() || other.to() < range.from(), range + " overlaps " + other);
      }
    }
    for (Banks.Rule rule : Banks.Rule.values()) {
      assertTrue(ranges.stream().anyMatch(range -> range.rule() == rule), rule.name());
    }
  }
}
