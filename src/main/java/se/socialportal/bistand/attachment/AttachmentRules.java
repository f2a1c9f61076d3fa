package se.socialportal.bistand.attachment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which documents an application needs, decided by one rule set for every channel. The input has no channel on
 * purpose: a paper, assisted or digital application with the same facts needs the same documents (likabehandling,
 * Norrtälje's socialtjänstrapport 2023). The rules:
 * <ul>
 *   <li>first application: kontoutdrag for every adult applying, the housing cost when there is one, a pay slip or
 *       statement for incomes that no register reports (lön, other), a receipt for every cost claimed;</li>
 *   <li>re-application: a receipt for every cost (and the housing cost) that is new or higher than last month;</li>
 *   <li>every application: a quote or receipt for every need (livsföring i övrigt);</li>
 *   <li>stickprov drawn by the robot: kontoutdrag for every adult and receipts for every cost.</li>
 * </ul>
 * Incomes from Försäkringskassan, Arbetsförmedlingen, CSN and Pensionsmyndigheten are fetched from the registers and
 * never asked for.
 */
public final class AttachmentRules {

  /** One document asked for. {@code id} is what an upload names as its category (e.g. "costReceipt.dentalCare"). */
  public record Requirement(String id, String category, String subject, String reason) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("category", category).put("subject", subject).put("reason", reason);
    }
  }

  /** The facts the rules read. Deliberately no channel. */
  public record Facts(String kind, JsonObject content, JsonObject previousContent, boolean stickprov) {
  }

  private static final Set<String> UNREPORTED_INCOMES = Set.of("salary", "other");
  private static final List<String> COSTS = List.of("homeInsurance", "unionAndUnemploymentFund", "workTravel",
    "childcare", "medicalCare", "dentalCare");

  private AttachmentRules() {
  }

  public static List<Requirement> required(Facts facts) {
    Map<String, Requirement> required = new LinkedHashMap<>();
    JsonObject content = facts.content() == null ? new JsonObject() : facts.content();
    boolean first = "new".equals(facts.kind());
    JsonObject household = object(content, "household");
    boolean coApplicant = household.getValue("coApplicant") instanceof JsonObject;
    JsonObject housing = object(content, "housing");
    JsonObject previousHousing = facts.previousContent() == null ? null : object(facts.previousContent(), "housing");
    JsonObject costs = object(content, "costs");
    JsonObject previousCosts = facts.previousContent() == null ? null : object(facts.previousContent(), "costs");

    if (first || facts.stickprov()) {
      String reason = first ? "first_application" : "stickprov";
      add(required, "bankStatements", "applicant", reason);
      if (coApplicant) {
        add(required, "bankStatements", "coApplicant", reason);
      }
    }
    BigDecimal housingNow = amount(housing, "rent").add(amount(housing, "householdElectricity"));
    if (housingNow.signum() > 0) {
      if (first) {
        add(required, "housingCost", "housing", "first_application");
      } else if (previousHousing != null && housingNow.compareTo(
        amount(previousHousing, "rent").add(amount(previousHousing, "householdElectricity"))) > 0) {
        add(required, "housingCost", "housing", "changed_cost");
      } else if (facts.stickprov()) {
        add(required, "housingCost", "housing", "stickprov");
      }
    }
    if (first) {
      JsonArray incomes = array(content, "incomes");
      for (int i = 0; i < incomes.size(); i++) {
        JsonObject income = incomes.getValue(i) instanceof JsonObject ? incomes.getJsonObject(i) : new JsonObject();
        if (UNREPORTED_INCOMES.contains(income.getString("type")) && amount(income, "amount").signum() > 0) {
          add(required, "incomeStatement", income.getString("type"), "first_application");
        }
      }
    }
    for (String cost : COSTS) {
      BigDecimal now = amount(costs, cost);
      if (now.signum() <= 0) {
        continue;
      }
      if (first) {
        add(required, "costReceipt", cost, "first_application");
      } else if (previousCosts == null || now.compareTo(amount(previousCosts, cost)) > 0) {
        add(required, "costReceipt", cost, "changed_cost");
      } else if (facts.stickprov()) {
        add(required, "costReceipt", cost, "stickprov");
      }
    }
    JsonArray needs = array(content, "needs");
    for (int i = 0; i < needs.size(); i++) {
      add(required, "needQuote", String.valueOf(i), "need");
    }
    return new ArrayList<>(required.values());
  }

  /** The requirements no attachment covers yet, given the categories of the attachments sent with the application. */
  public static List<Requirement> missing(List<Requirement> required, Set<String> attachedCategories) {
    return required.stream().filter(requirement -> !attachedCategories.contains(requirement.id())).toList();
  }

  private static void add(Map<String, Requirement> required, String category, String subject, String reason) {
    String id = category + "." + subject;
    required.putIfAbsent(id, new Requirement(id, category, subject, reason));
  }

  private static BigDecimal amount(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    return value instanceof Number ? new BigDecimal(value.toString()) : BigDecimal.ZERO;
  }

  private static JsonObject object(JsonObject parent, String key) {
    Object value = parent == null ? null : parent.getValue(key);
    return value instanceof JsonObject ? (JsonObject) value : new JsonObject();
  }

  private static JsonArray array(JsonObject parent, String key) {
    Object value = parent == null ? null : parent.getValue(key);
    return value instanceof JsonArray ? (JsonArray) value : new JsonArray();
  }
}
