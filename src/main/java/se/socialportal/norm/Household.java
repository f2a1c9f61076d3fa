package se.socialportal.norm;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Who of the people in the dwelling forms the economic household this month (SOSFS 2013:1; R4–R5,
 * docs/sources.md#computation-rules), and how many live in the dwelling (12 kap. 3 § SoF).
 */
final class Household {

  enum Membership {
    /** Applicant or sambo. */
    ADULT,
    /** A child under 21 living here full time or part of the month (umgänge). */
    CHILD,
    /** Placed in a family home or institution: neither in the household nor in the dwelling (R5). */
    PLACED,
    /** A "child" who has turned 21: an adult outside the household (FB 7 kap. 1 § support ends at 21 at the latest). */
    ADULT_CHILD,
    /** Lives in the dwelling outside the household. */
    OTHER
  }

  private final List<Membership> memberships;
  private final int adults;
  private final int children;
  private final int umgangeChildren;
  private final int othersInDwelling;

  private Household(List<Membership> memberships, int adults, int children, int umgangeChildren, int othersInDwelling) {
    this.memberships = memberships;
    this.adults = adults;
    this.children = children;
    this.umgangeChildren = umgangeChildren;
    this.othersInDwelling = othersInDwelling;
  }

  static Household of(NormInput input) {
    YearMonth month = input.month();
    List<Membership> memberships = new ArrayList<>();
    int adults = 0;
    int children = 0;
    int umgange = 0;
    int others = 0;
    for (HouseholdMember person : input.persons()) {
      Membership membership = membership(person, month);
      memberships.add(membership);
      switch (membership) {
        case ADULT -> adults++;
        case CHILD -> {
          children++;
          if (person.umgange().isPresent()) {
            umgange++;
          }
        }
        // An adult child counts in the dwelling only when living there; one who just visits does not share it.
        case ADULT_CHILD -> others += person.umgange().isPresent() ? 0 : 1;
        case OTHER -> others++;
        case PLACED -> {
          // Not in the household and not living in the dwelling.
        }
      }
    }
    return new Household(List.copyOf(memberships), adults, children, umgange, others);
  }

  private static Membership membership(HouseholdMember person, YearMonth month) {
    switch (person.role()) {
      case APPLICANT:
      case SAMBO:
        return Membership.ADULT;
      case CHILD:
        if (person.placed()) {
          return Membership.PLACED;
        }
        return person.ageIn(month) > Riksnorm.OLDEST_HOUSEHOLD_CHILD ? Membership.ADULT_CHILD : Membership.CHILD;
      default:
        return Membership.OTHER;
    }
  }

  Membership membership(int person) {
    return memberships.get(person);
  }

  boolean inHousehold(int person) {
    Membership membership = memberships.get(person);
    return membership == Membership.ADULT || membership == Membership.CHILD;
  }

  int adults() {
    return adults;
  }

  int children() {
    return children;
  }

  int umgangeChildren() {
    return umgangeChildren;
  }

  /** The economic household: adults and children, umgänge children counted in full (R4). */
  int size() {
    return adults + children;
  }

  int dwellingSize() {
    return size() + othersInDwelling;
  }
}
