package se.socialportal.identity.staff;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of socialtjänstens staff, from the lowest delegation level up. The code is what tokens and sessions
 * carry; the label is what people read. Delegation rules (robots/) name these codes.
 */
public enum StaffRole {
  HANDLAGGARE("Handläggare"),
  SOCIALSEKRETERARE("Socialsekreterare"),
  FAMILJERATTSSEKRETERARE("Familjerättssekreterare"),
  GRUPPLEDARE("Gruppledare"),
  ENHETSCHEF("Enhetschef"),
  ATTESTANT("Attestant"),
  UTSKOTT("Utskott (socialutskottet)"),
  ADMIN("Administratör");

  private final String label;

  StaffRole(String label) {
    this.label = label;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<StaffRole> fromCode(String code) {
    for (StaffRole role : values()) {
      if (role.code().equals(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
