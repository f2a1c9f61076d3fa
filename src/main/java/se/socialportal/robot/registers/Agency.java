package se.socialportal.robot.registers;

/**
 * The agencies behind SSBTEK (sammansatt bastjänst för ekonomiskt bistånd, docs/sources.md#register-data-ssbtek). Each
 * answers separately and may be late: a-kassan and Försäkringskassan report some payments only when they are made.
 */
public enum Agency {
  FORSAKRINGSKASSAN("Försäkringskassan"),
  PENSIONSMYNDIGHETEN("Pensionsmyndigheten"),
  CSN("CSN"),
  ARBETSFORMEDLINGEN("Arbetsförmedlingen"),
  A_KASSA("Arbetslöshetskassan"),
  SKATTEVERKET("Skatteverket"),
  MIGRATIONSVERKET("Migrationsverket");

  private final String displayName;

  Agency(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
