package se.socialportal.norm;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The riksnorm part of the need: personal costs per person and the household's common costs (12 kap. 2–3 §§ SoF). */
final class RiksnormLines {

  private RiksnormLines() {
  }

  static List<Line> of(NormInput input, Household household, Riksnorm riksnorm) {
    List<Line> lines = new ArrayList<>();
    Integer sambo = indexOf(input, Role.SAMBO);
    for (int i = 0; i < input.persons().size(); i++) {
      HouseholdMember person = input.person(i);
      switch (household.membership(i)) {
        case ADULT -> {
          if (person.role() == Role.APPLICANT) {
            lines.add(sambo == null
              ? line(LineCode.SINGLE, List.of(i), List.of(), riksnorm.single(), List.of())
              // The sambo amount is for the couple together; it is shown once, where the applicant is.
              : line(LineCode.COUPLE, List.of(i, sambo), List.of(), riksnorm.couple(), List.of()));
          }
        }
        case CHILD -> lines.add(child(i, person, input.month(), riksnorm));
        case PLACED -> lines.add(line(LineCode.PLACED_CHILD, List.of(i), List.of(), Amounts.ZERO, List.of()));
        case ADULT_CHILD -> lines.add(line(LineCode.ADULT_CHILD, List.of(i), List.of(), Amounts.ZERO,
          List.of(new Note(NoteCode.AGE, person.ageIn(input.month())))));
        case OTHER -> lines.add(line(LineCode.OTHER_RESIDENT, List.of(i), List.of(), Amounts.ZERO, List.of()));
      }
    }
    lines.add(common(household, riksnorm));
    return lines;
  }

  private static Line child(int index, HouseholdMember child, YearMonth month, Riksnorm riksnorm) {
    int age = child.ageIn(month);
    ChildBand band = riksnorm.bandFor(age);
    List<Note> notes = new ArrayList<>();
    notes.add(new Note(NoteCode.AGE, age));
    BigDecimal full = band.amount();
    if (child.lunchOutsideHome()) {
      if (band.lunchVariant().isPresent()) {
        full = band.lunchVariant().get();
        notes.add(new Note(NoteCode.WITHOUT_LUNCH));
      } else {
        notes.add(new Note(NoteCode.LUNCH_NOT_APPLICABLE));
      }
    }
    BigDecimal amount = full;
    if (child.umgange().isPresent()) {
      // SOSFS 2013:1 (R4): during umgänge the child's personal costs are computed per day of presence.
      int days = child.umgange().get();
      amount = Amounts.fraction(full, days, month.lengthOfMonth());
      notes.add(new Note(NoteCode.UMGANGE, days, month.lengthOfMonth(), full));
    }
    return line(LineCode.CHILD, List.of(index), List.of(band.label()), amount, notes);
  }

  /**
   * Common costs by size (12 kap. 2 § SoF), extended beyond seven persons by R2. When others share the dwelling,
   * the amount is the one for everyone living there, and the household bears its members' share (12 kap. 3 §: the
   * common costs ÷ the number of people, per household member). Umgänge children count in full: SOSFS 2013:1 says the
   * child counts in both homes (R4), and a home must be kept for the child whether it is there 10 or 30 days.
   */
  private static Line common(Household household, Riksnorm riksnorm) {
    int size = household.size();
    int dwelling = household.dwellingSize();
    BigDecimal forDwelling = riksnorm.common(dwelling);
    List<Note> notes = new ArrayList<>();
    if (dwelling > Riksnorm.LARGEST_TABULATED_HOUSEHOLD) {
      notes.add(new Note(NoteCode.LARGE_HOUSEHOLD, riksnorm.commonForSeven(),
        dwelling - Riksnorm.LARGEST_TABULATED_HOUSEHOLD, riksnorm.extraPerPersonBeyondSeven()));
    }
    BigDecimal amount = forDwelling;
    if (dwelling > size) {
      amount = Amounts.fraction(forDwelling, size, dwelling);
      notes.add(new Note(NoteCode.DWELLING_SHARE, forDwelling, dwelling, size));
    }
    if (household.umgangeChildren() > 0) {
      notes.add(new Note(NoteCode.UMGANGE_CHILDREN_COUNTED, household.umgangeChildren()));
    }
    return line(LineCode.COMMON, List.of(), List.of(size), amount, notes);
  }

  private static Line line(LineCode code, List<Integer> persons, List<Object> args, BigDecimal amount, List<Note> notes) {
    return new Line(Section.RIKSNORM, code, persons, null, args, null, amount, notes);
  }

  private static Integer indexOf(NormInput input, Role role) {
    for (int i = 0; i < input.persons().size(); i++) {
      if (input.person(i).role() == role) {
        return i;
      }
    }
    return null;
  }
}
