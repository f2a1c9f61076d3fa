package se.socialportal.admin.nyckeltal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Family type from the household, gender from the personnummer's second-to-last digit")
class FamilyTypeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // Tolvan: 19121212-1212, gender digit 1 (odd): a man.
    "'single man with a child', false, 1, 191212121212, ENSAMSTAENDE_MAN_MED_BARN",
    // Testa: 19800101-9804, gender digit 0 (even): a woman.
    "'single woman with children', false, 2, 198001019804, ENSAMSTAENDE_KVINNA_MED_BARN",
    "'single without children', false, 0, 198001019804, ENSAMSTAENDE_UTAN_BARN",
    "'couple without children', true, 0, 191212121212, SAMMANBOENDE_UTAN_BARN",
    "'couple with children', true, 3, 198001019804, SAMMANBOENDE_MED_BARN",
    // A wrong check digit: the gender is not read from a number that is not a personnummer.
    "'single parent, unreadable personnummer', false, 1, 191212121213, ENSAMSTAENDE_MED_BARN_OKANT",
  })
  void familyType(String name, boolean coApplicant, int children, String personnummer, FamilyType expected) {
    assertEquals(expected, FamilyType.of(coApplicant, children, FamilyType.genderOf(personnummer)), name);
  }
}
