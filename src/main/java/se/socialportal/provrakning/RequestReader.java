package se.socialportal.provrakning;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.CostType;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.norm.HouseholdRole;
import se.socialportal.norm.Income;
import se.socialportal.norm.InputProblem;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormInput;
import se.socialportal.norm.NormRules;
import se.socialportal.platform.http.ApiException.FieldProblem;
import se.socialportal.platform.http.ApiException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a schema-valid provräkning request into {@link NormInput}. The API's roles are {@link HouseholdRole}'s codes:
 * otherAdult and otherChild are both people living in the dwelling outside the economic household, kept apart so a
 * mistaken age can be caught. Jobbstimulans is
 * stated on an income but belongs to the person: it applies to all of that person's income of employment.
 */
final class RequestReader {

  private RequestReader() {
  }

  /** @throws ApiException 400 naming each wrong field, from this API's own checks and the engine's */
  static ProvrakningRequest read(JsonObject body, YearMonth month, NormRules rules) {
    Set<FieldProblem> problems = new LinkedHashSet<>();
    JsonArray persons = body.getJsonArray("persons");
    List<String> roles = new ArrayList<>();
    List<HouseholdMember> members = new ArrayList<>();
    for (int i = 0; i < persons.size(); i++) {
      JsonObject person = persons.getJsonObject(i);
      String role = person.getString("role");
      roles.add(role);
      LocalDate birthDate = birthDate(person.getString("birthDate"), "persons[" + i + "].birthDate", problems);
      if (birthDate == null) {
        birthDate = month.atDay(1);
      } else {
        age(role, birthDate, month, "persons[" + i + "].birthDate", problems);
      }
      members.add(new HouseholdMember(HouseholdRole.fromCode(role).orElseThrow().role(), birthDate,
        person.getBoolean("placed", false), person.getBoolean("lunchOutsideHome", false), person.getInteger("umgangeDays"), false,
        amount(person.getValue("workIncomeEarlierThisYear"))));
    }
    List<Income> incomes = new ArrayList<>();
    JsonArray incomeArray = body.getJsonArray("incomes", new JsonArray());
    for (int i = 0; i < incomeArray.size(); i++) {
      JsonObject income = incomeArray.getJsonObject(i);
      Integer person = income.getInteger("person");
      incomes.add(new Income(person, income.getString("type"), amount(income.getValue("amount"))));
      if (income.getBoolean("jobbstimulans", false)) {
        jobbstimulans(i, income, person, members, rules, problems);
      }
    }
    Map<CostType, BigDecimal> costs = new EnumMap<>(CostType.class);
    JsonObject costObject = body.getJsonObject("costs", new JsonObject());
    for (String name : costObject.fieldNames()) {
      costs.put(CostType.fromJson(name).orElseThrow(), amount(costObject.getValue(name)));
    }
    NormInput input = new NormInput(month, members, costs, incomes);
    Set<String> alreadyWrong = new java.util.HashSet<>();
    problems.forEach(problem -> alreadyWrong.add(problem.field()));
    for (InputProblem problem : NormEngine.problems(input, rules)) {
      // One message per field: a birth date that is no date is not also "not an adult".
      if (!alreadyWrong.contains(problem.field())) {
        problems.add(new FieldProblem(problem.field(), problem.code(), problem.args()));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(new ArrayList<>(problems));
    }
    return new ProvrakningRequest(input, roles);
  }

  /** The schema checks the shape; a date like 2025-02-30 has the shape but no day. */
  private static LocalDate birthDate(String value, String field, Set<FieldProblem> problems) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "invalid_date"));
      return null;
    }
  }

  private static void age(String role, LocalDate birthDate, YearMonth month, String field, Set<FieldProblem> problems) {
    if (birthDate.isAfter(month.atEndOfMonth())) {
      return;
    }
    int age = HouseholdMember.ageIn(birthDate, month);
    if (role.equals(HouseholdRole.OTHER_ADULT.code()) && age < HouseholdRole.ADULT_AGE) {
      problems.add(new FieldProblem(field, "not_adult"));
    } else if (role.equals(HouseholdRole.OTHER_CHILD.code()) && age >= HouseholdRole.ADULT_AGE) {
      problems.add(new FieldProblem(field, "not_child"));
    }
  }

  private static void jobbstimulans(int index, JsonObject income, Integer person, List<HouseholdMember> members,
                                    NormRules rules, Set<FieldProblem> problems) {
    String at = "incomes[" + index + "]";
    if (person == null) {
      problems.add(new FieldProblem(at + ".person", "person_required"));
      return;
    }
    if (person >= members.size()) {
      return;
    }
    var rule = rules.incomes().rule(income.getString("type"));
    if (!members.get(person).isAdultOfTheHousehold()) {
      problems.add(new FieldProblem(at + ".jobbstimulans", "jobbstimulans_adults_only"));
    } else if (rule.isPresent() && !rule.get().employment()) {
      problems.add(new FieldProblem(at + ".jobbstimulans", "jobbstimulans_employment_only"));
    } else {
      members.set(person, members.get(person).withJobbstimulans());
    }
  }

  /** JSON numbers as exact decimals (never through double arithmetic). */
  private static BigDecimal amount(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }
}
