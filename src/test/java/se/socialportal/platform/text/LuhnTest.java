package se.socialportal.platform.text;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Modulus 10 (Luhn), as Skatteverket and Bankgirot compute it")
class LuhnTest {

  @ParameterizedTest(name = "{0} valid: {1} ({2})")
  @CsvSource({
    "1212121212, true, Tolvan Tolvansson's personnummer YYMMDDNNNC",
    "1212121213, false, the same with a wrong check digit",
    "8001019804, true, Testa Testsson",
    "7992739871, false, a changed digit",
    "79927398713, true, the textbook example (odd length)",
    "50501055, true, a Bankgiro number (5050-1055)",
    "50501056, false, the same with a wrong check digit"})
  void valid(String digits, boolean valid, String what) {
    assertEquals(valid, Luhn.valid(digits), what);
  }

  @ParameterizedTest(name = "check digit of {0} is {1}")
  @CsvSource({"121212121, 2", "800101980, 4", "7992739871, 3"})
  void checkDigit(String digits, int expected) {
    assertEquals(expected, Luhn.checkDigit(digits));
  }
}
