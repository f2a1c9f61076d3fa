package se.socialportal.identity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Personnummer: Skatteverket's format, check digit and century rules")
class PersonnummerTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "191212121212,   191212121212",   // Skatteverket's well-known test number (Tolvan Tolvansson)
    "19121212-1212,  191212121212",
    "121212-1212,    201212121212",   // 10 digits: the most recent possible century
    "121212+1212,    191212121212",   // '+': 100 years or older
    "200001012384,   200001012384",
    "199001712380,   199001712380"    // samordningsnummer: day 11 + 60
  })
  void parses(String input, String expected) {
    assertEquals(expected, Personnummer.parse(input, TODAY).orElseThrow().value());
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"191212121213", "19121212121", "abcdefghijkl", "199002301234", "", "1912-1212-1212"})
  void refuses(String input) {
    assertTrue(Personnummer.parse(input, TODAY).isEmpty());
  }

  @Test
  @DisplayName("toString never shows the last four digits")
  void masked() {
    Personnummer tolvan = Personnummer.parse("191212121212", TODAY).orElseThrow();
    assertEquals("19121212-****", tolvan.toString());
    assertFalse(String.valueOf(tolvan).contains("1212121212"));
  }

  @Test
  @DisplayName("birth date, age and samordningsnummer")
  void facts() {
    Personnummer samordning = Personnummer.parse("199001712380", TODAY).orElseThrow();
    assertTrue(samordning.isSamordningsnummer());
    assertEquals(LocalDate.of(1990, 1, 11), samordning.birthDate());
    assertEquals(36, samordning.ageOn(TODAY));
  }

  @Test
  @DisplayName("of() takes exactly a valid 12-digit number (no date needed) and refuses anything else")
  void ofTwelveDigits() {
    assertEquals("191212121212", Personnummer.of("191212121212").value());
    for (String bad : new String[] {"191212121213", "19121212-1212", "121212-1212", "191213321212", "", null}) {
      assertThrows(IllegalArgumentException.class, () -> Personnummer.of(bad), String.valueOf(bad));
    }
  }

  @Test
  @DisplayName("the generated check digit makes a valid number")
  void checkDigit() {
    assertEquals(2, Personnummer.checkDigit("121212121"));
    assertEquals("198001019804", Personnummer.of("19800101980" + Personnummer.checkDigit("800101980")).value());
  }
}
