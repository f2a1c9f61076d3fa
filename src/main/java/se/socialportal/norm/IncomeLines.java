package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Incomes: counted, not counted, or counted with an exemption — each with its reason (docs/sources.md#incomes,
 * #jobbstimulans).
 */
final class IncomeLines {

  private IncomeLines() {
  }

  static List<Line> of(NormInput input, Household household, NormRules rules) {
    List<Line> lines = new ArrayList<>();
    // A child's work income already used against this year's prisbasbelopp, per child, in the order given.
    Map<Integer, BigDecimal> childWorkIncomeSoFar = new HashMap<>();
    for (Income income : input.incomes()) {
      IncomeRule rule = rules.incomes().rule(income.type())
        .orElseThrow(() -> new IllegalArgumentException("unknown income type " + income.type()));
      BigDecimal entered = Amounts.kronor(income.amount());
      List<Integer> persons = income.personIndex().map(List::of).orElse(List.of());
      List<Note> notes = new ArrayList<>();
      BigDecimal counted = counted(input, household, rules, income, rule, entered, notes, childWorkIncomeSoFar);
      lines.add(new Line(Section.INCOME, LineCode.INCOME, persons, income.type(), List.of(), entered, counted, notes));
    }
    return lines;
  }

  private static BigDecimal counted(NormInput input, Household household, NormRules rules, Income income,
                                    IncomeRule rule, BigDecimal entered, List<Note> notes,
                                    Map<Integer, BigDecimal> childWorkIncomeSoFar) {
    Integer person = income.person();
    if (person != null && !household.inHousehold(person)) {
      notes.add(new Note(NoteCode.OUTSIDE_HOUSEHOLD));
      return Amounts.ZERO;
    }
    switch (rule.treatment()) {
      case NOT_COUNTED:
        notes.add(new Note(NoteCode.INCOME_NOT_COUNTED));
        return Amounts.ZERO;
      case REVIEW:
        notes.add(new Note(NoteCode.INCOME_NEEDS_REVIEW));
        return entered;
      default:
        break;
    }
    if (!rule.employment() || person == null) {
      return entered;
    }
    HouseholdMember earner = input.person(person);
    if (household.membership(person) == Household.Membership.CHILD) {
      return childWorkIncome(person, earner, entered, rules.prisbasbelopp(), notes, childWorkIncomeSoFar);
    }
    if (earner.jobbstimulans()) {
      JobbstimulansRule jobbstimulans = rules.incomes().jobbstimulans();
      BigDecimal notCounted = Amounts.percent(entered, jobbstimulans.percent());
      notes.add(new Note(NoteCode.JOBBSTIMULANS, notCounted, jobbstimulans.percent()));
      return entered.subtract(notCounted);
    }
    return entered;
  }

  /**
   * Prop. 2012/13:94: a child's or school youth's own work income is not counted up to one prisbasbelopp per calendar
   * year; what exceeds it counts in full.
   */
  private static BigDecimal childWorkIncome(int person, HouseholdMember child, BigDecimal entered, Prisbasbelopp pbb,
                                            List<Note> notes, Map<Integer, BigDecimal> soFar) {
    BigDecimal before = soFar.getOrDefault(person, Amounts.kronor(child.workIncomeEarlierThisYear()));
    BigDecimal left = pbb.amount().subtract(before).max(Amounts.ZERO);
    BigDecimal notCounted = entered.min(left);
    soFar.put(person, before.add(entered));
    notes.add(new Note(NoteCode.CHILD_WORK_INCOME, Amounts.kronor(notCounted), Amounts.kronor(pbb.amount()), before));
    return entered.subtract(notCounted);
  }
}
