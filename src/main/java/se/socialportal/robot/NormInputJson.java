package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.CostType;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.norm.HouseholdRole;
import se.socialportal.norm.Income;
import se.socialportal.norm.NormInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The norm engine's input as JSON, as a beslutsförslag stores it under {@code calculation.input} so that a
 * handläggare's adjustment can be recomputed by the engine (docs/casework.md). Persons by role ({@link HouseholdRole},
 * the provräkning API's codes) and birth date only — never a personnummer.
 * <pre>{"month": "2026-03", "persons": [{"role": "applicant", "birthDate": "1985-04-12", "placed": false,
 *   "lunchOutsideHome": false, "umgangeDays": null, "jobbstimulans": false, "workIncomeEarlierThisYear": 0}],
 *  "costs": {"rent": 6500}, "incomes": [{"person": 0, "type": "salary", "amount": 4200}]}</pre>
 */
public final class NormInputJson {

  private NormInputJson() {
  }

  public static NormInput read(JsonObject json) {
    List<HouseholdMember> persons = new ArrayList<>();
    JsonArray people = json.getJsonArray("persons", new JsonArray());
    for (int i = 0; i < people.size(); i++) {
      JsonObject person = people.getJsonObject(i);
      String role = person.getString("role");
      persons.add(new HouseholdMember(HouseholdRole.engineRole(role)
          .orElseThrow(() -> new IllegalArgumentException("unknown role " + role)),
        LocalDate.parse(person.getString("birthDate")),
        person.getBoolean("placed", false), person.getBoolean("lunchOutsideHome", false),
        person.getInteger("umgangeDays"), person.getBoolean("jobbstimulans", false),
        money(person.getValue("workIncomeEarlierThisYear", 0))));
    }
    Map<CostType, BigDecimal> costs = new EnumMap<>(CostType.class);
    json.getJsonObject("costs", new JsonObject()).forEach(entry -> costs.put(CostType.fromJson(entry.getKey())
      .orElseThrow(() -> new IllegalArgumentException("unknown cost type " + entry.getKey())), money(entry.getValue())));
    List<Income> incomes = new ArrayList<>();
    JsonArray list = json.getJsonArray("incomes", new JsonArray());
    for (int i = 0; i < list.size(); i++) {
      JsonObject income = list.getJsonObject(i);
      incomes.add(new Income(income.getInteger("person"), income.getString("type"), money(income.getValue("amount"))));
    }
    return new NormInput(YearMonth.parse(json.getString("month")), persons, costs, incomes);
  }

  public static JsonObject write(NormInput input) {
    JsonArray persons = new JsonArray();
    for (HouseholdMember person : input.persons()) {
      persons.add(new JsonObject().put("role", HouseholdRole.of(person, input.month()).code())
        .put("birthDate", person.birthDate().toString())
        .put("placed", person.placed()).put("lunchOutsideHome", person.lunchOutsideHome())
        .put("umgangeDays", person.umgangeDays()).put("jobbstimulans", person.jobbstimulans())
        .put("workIncomeEarlierThisYear", person.workIncomeEarlierThisYear().toPlainString()));
    }
    JsonObject costs = new JsonObject();
    input.costs().forEach((type, amount) -> costs.put(type.jsonName(), amount.toPlainString()));
    JsonArray incomes = new JsonArray();
    for (Income income : input.incomes()) {
      incomes.add(new JsonObject().put("person", income.person()).put("type", income.type())
        .put("amount", income.amount().toPlainString()));
    }
    return new JsonObject().put("month", input.month().toString()).put("persons", persons).put("costs", costs)
      .put("incomes", incomes);
  }

  private static BigDecimal money(Object value) {
    return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.UNNECESSARY);
  }
}
