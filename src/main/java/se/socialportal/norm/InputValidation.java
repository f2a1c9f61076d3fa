package se.socialportal.norm;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks that a {@link NormInput} describes a household the rules can be applied to. */
final class InputValidation {

  static final int ADULT_AGE = 18;

  private InputValidation() {
  }

  static List<InputProblem> problems(NormInput input, NormRules rules) {
    List<InputProblem> problems = new ArrayList<>();
    persons(input, problems);
    costs(input, problems);
    incomes(input, rules, problems);
    return problems;
  }

  private static void persons(NormInput input, List<InputProblem> problems) {
    if (input.persons().isEmpty()) {
      problems.add(new InputProblem("persons", "required"));
      return;
    }
    YearMonth month = input.month();
    boolean applicantSeen = false;
    boolean samboSeen = false;
    for (int i = 0; i < input.persons().size(); i++) {
      HouseholdMember person = input.person(i);
      String at = "persons[" + i + "]";
      if (person.role() == Role.APPLICANT) {
        if (applicantSeen) {
          problems.add(new InputProblem(at + ".role", "one_applicant"));
        }
        applicantSeen = true;
      }
      if (person.role() == Role.SAMBO) {
        if (samboSeen) {
          problems.add(new InputProblem(at + ".role", "one_sambo"));
        }
        samboSeen = true;
      }
      if (person.birthDate().isAfter(month.atEndOfMonth())) {
        problems.add(new InputProblem(at + ".birthDate", "born_after_month", month.toString()));
      } else if (person.isAdultOfTheHousehold() && person.ageIn(month) < ADULT_AGE) {
        // Younger parents exist, but their support is a matter for a handläggare, not for the table.
        problems.add(new InputProblem(at + ".birthDate", "not_adult"));
      }
      if (person.jobbstimulans() && !person.isAdultOfTheHousehold()) {
        problems.add(new InputProblem(at + ".jobbstimulans", "jobbstimulans_adults_only"));
      }
      if (person.role() == Role.CHILD) {
        child(person, at, month, problems);
      } else {
        childOnlyFields(person, at, problems);
      }
    }
    if (!applicantSeen) {
      problems.add(new InputProblem("persons", "applicant_required"));
    }
  }

  private static void child(HouseholdMember child, String at, YearMonth month, List<InputProblem> problems) {
    if (child.umgangeDays() != null) {
      if (child.placed()) {
        // A placed child's visits are paid by the placing authority, not by the parents' försörjningsstöd (R5).
        problems.add(new InputProblem(at + ".umgangeDays", "placed_with_umgange"));
      } else if (child.umgangeDays() < 1) {
        problems.add(new InputProblem(at + ".umgangeDays", "too_small", 1));
      } else if (child.umgangeDays() > month.lengthOfMonth()) {
        problems.add(new InputProblem(at + ".umgangeDays", "umgange_days_exceed_month", month.lengthOfMonth()));
      }
    }
    amount(child.workIncomeEarlierThisYear(), at + ".workIncomeEarlierThisYear", problems);
  }

  private static void childOnlyFields(HouseholdMember person, String at, List<InputProblem> problems) {
    if (person.placed()) {
      problems.add(new InputProblem(at + ".placed", "only_for_children"));
    }
    if (person.lunchOutsideHome()) {
      problems.add(new InputProblem(at + ".lunchOutsideHome", "only_for_children"));
    }
    if (person.umgangeDays() != null) {
      problems.add(new InputProblem(at + ".umgangeDays", "only_for_children"));
    }
    if (person.workIncomeEarlierThisYear().signum() != 0) {
      problems.add(new InputProblem(at + ".workIncomeEarlierThisYear", "only_for_children"));
    }
  }

  private static void costs(NormInput input, List<InputProblem> problems) {
    for (Map.Entry<CostType, BigDecimal> cost : input.costs().entrySet()) {
      amount(cost.getValue(), "costs." + cost.getKey().jsonName(), problems);
    }
  }

  private static void incomes(NormInput input, NormRules rules, List<InputProblem> problems) {
    for (int i = 0; i < input.incomes().size(); i++) {
      Income income = input.incomes().get(i);
      String at = "incomes[" + i + "]";
      amount(income.amount(), at + ".amount", problems);
      Integer person = income.person();
      if (person != null && (person < 0 || person >= input.persons().size())) {
        problems.add(new InputProblem(at + ".person", "unknown_person", person));
      }
      var rule = rules.incomes().rule(income.type());
      if (rule.isEmpty()) {
        problems.add(new InputProblem(at + ".type", "unknown_income_type", income.type()));
      } else if (rule.get().employment() && person == null) {
        // Jobbstimulans and the children's allowance depend on whose work it is.
        problems.add(new InputProblem(at + ".person", "person_required"));
      }
    }
  }

  private static void amount(BigDecimal amount, String field, List<InputProblem> problems) {
    if (amount.signum() < 0) {
      problems.add(new InputProblem(field, "negative"));
    } else if (!Amounts.hasAtMostOre(amount)) {
      problems.add(new InputProblem(field, "too_many_decimals"));
    }
  }
}
