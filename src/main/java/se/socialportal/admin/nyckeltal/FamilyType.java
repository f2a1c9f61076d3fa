package se.socialportal.admin.nyckeltal;

import se.socialportal.identity.Personnummer;

/**
 * The household's family type as the nämnd's statistics group it, from the application's household: sammanboende when
 * the application has a co-applicant (sambo, make/maka, registrerad partner), med barn when at least one child lives
 * in the household full time or part of the month (a child placed elsewhere is not part of it, SoF 12 kap.). A single
 * parent is woman or man by the applicant's personnummer: the second-to-last digit is odd for a man and even for a
 * woman. A personnummer that cannot be read (it fails the check digit, or is missing) gives ENSAMSTAENDE_MED_BARN_OKANT
 * — counted, never guessed.
 */
public enum FamilyType {
  ENSAMSTAENDE_UTAN_BARN("ensamstaende_utan_barn"),
  ENSAMSTAENDE_KVINNA_MED_BARN("ensamstaende_kvinna_med_barn"),
  ENSAMSTAENDE_MAN_MED_BARN("ensamstaende_man_med_barn"),
  ENSAMSTAENDE_MED_BARN_OKANT("ensamstaende_med_barn_okant_kon"),
  SAMMANBOENDE_UTAN_BARN("sammanboende_utan_barn"),
  SAMMANBOENDE_MED_BARN("sammanboende_med_barn");

  private final String code;

  FamilyType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public enum Gender { WOMAN, MAN, UNKNOWN }

  public static FamilyType of(boolean coApplicant, int childrenAtHome, Gender applicant) {
    if (coApplicant) {
      return childrenAtHome > 0 ? SAMMANBOENDE_MED_BARN : SAMMANBOENDE_UTAN_BARN;
    }
    if (childrenAtHome == 0) {
      return ENSAMSTAENDE_UTAN_BARN;
    }
    return switch (applicant) {
      case WOMAN -> ENSAMSTAENDE_KVINNA_MED_BARN;
      case MAN -> ENSAMSTAENDE_MAN_MED_BARN;
      case UNKNOWN -> ENSAMSTAENDE_MED_BARN_OKANT;
    };
  }

  /** The gender digit of a 12-digit personnummer (or samordningsnummer): YYYYMMDDNNGC, G odd = man, even = woman. */
  public static Gender genderOf(String personnummer) {
    try {
      String digits = Personnummer.of(personnummer).value();
      return (digits.charAt(10) - '0') % 2 == 1 ? Gender.MAN : Gender.WOMAN;
    } catch (IllegalArgumentException e) {
      return Gender.UNKNOWN;
    }
  }
}
