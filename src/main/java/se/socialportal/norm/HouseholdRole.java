package se.socialportal.norm;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's role as programs and stored data name it: the provräkning API, the beslutsförslag's stored
 * calculation input and the line texts ("norm.person.&lt;code&gt;") all use these codes. The engine needs only {@link Role}; the two
 * kinds of people outside the economic household are kept apart here so an age can be checked and a person named
 * ("annan vuxen 1", "annat barn 1").
 */
public enum HouseholdRole {
  APPLICANT("applicant", Role.APPLICANT),
  SAMBO("sambo", Role.SAMBO),
  CHILD("child", Role.CHILD),
  /** 18 or older, living in the dwelling outside the economic household (an adult child, a relative, a lodger). */
  OTHER_ADULT("otherAdult", Role.OTHER_RESIDENT),
  /** Under 18, living in the dwelling outside the economic household (e.g. a lodger's child). */
  OTHER_CHILD("otherChild", Role.OTHER_RESIDENT);

  /** Adult as far as telling the other residents apart is concerned (FB 9 kap. 1 §: myndig at 18). */
  public static final int ADULT_AGE = 18;

  /**
   * What calculation inputs stored before the two kinds of other resident were told apart call them; read, never
   * written.
   */
  private static final String EARLIER_OTHER_RESIDENT = "otherResident";

  private final String code;
  private final Role role;

  HouseholdRole(String code, Role role) {
    this.code = code;
    this.role = role;
  }

  public String code() {
    return code;
  }

  /** The engine's role. */
  public Role role() {
    return role;
  }

  public static Optional<HouseholdRole> fromCode(String code) {
    for (HouseholdRole value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The engine's role for a code, including the one earlier stored inputs use for any other resident. */
  public static Optional<Role> engineRole(String code) {
    return EARLIER_OTHER_RESIDENT.equals(code) ? Optional.of(Role.OTHER_RESIDENT)
      : fromCode(code).map(HouseholdRole::role);
  }

  /** The role of a member of a calculation for the month: someone outside the household by their age that month. */
  public static HouseholdRole of(HouseholdMember member, YearMonth month) {
    switch (member.role()) {
      case APPLICANT:
        return APPLICANT;
      case SAMBO:
        return SAMBO;
      case CHILD:
        return CHILD;
      default:
        return member.ageIn(month) < ADULT_AGE ? OTHER_CHILD : OTHER_ADULT;
    }
  }

  /** Every person's code, in the input's order. */
  public static List<String> codes(NormInput input) {
    List<String> codes = new ArrayList<>();
    input.persons().forEach(member -> codes.add(of(member, input.month()).code()));
    return codes;
  }

  /** Every code, in the order a form offers them. */
  public static List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (HouseholdRole value : values()) {
      codes.add(value.code);
    }
    return codes;
  }
}
