package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterPayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns what the steps found into the warnings a handläggare must acknowledge (Sundsvall's warning types,
 * docs/sources.md#sundsvall, plus DECLARED_VS_REGISTER_MISMATCH, PROTECTED_IDENTITY and STICKPROV). Thresholds come
 * from the tenant's warning rules in robots/. Pure.
 */
public final class CaseWarnings {

  /** Which agency reports which income type (what SSBTEK can confirm). */
  static final Map<String, Agency> REPORTED_BY = Map.ofEntries(
    Map.entry("salary", Agency.SKATTEVERKET), Map.entry("unemploymentBenefit", Agency.A_KASSA),
    Map.entry("sicknessBenefit", Agency.FORSAKRINGSKASSAN), Map.entry("childAllowance", Agency.FORSAKRINGSKASSAN),
    Map.entry("housingAllowance", Agency.FORSAKRINGSKASSAN), Map.entry("maintenanceSupport", Agency.FORSAKRINGSKASSAN),
    Map.entry("parentalBenefit", Agency.FORSAKRINGSKASSAN), Map.entry("activitySupport", Agency.FORSAKRINGSKASSAN),
    Map.entry("establishmentAllowance", Agency.FORSAKRINGSKASSAN), Map.entry("pension", Agency.PENSIONSMYNDIGHETEN),
    Map.entry("studentAid", Agency.CSN));
  /** Paid to one parent for the household: compared whoever in the household the application names. */
  private static final Set<String> HOUSEHOLD_INCOMES = Set.of("childAllowance", "housingAllowance", "maintenanceSupport");

  private CaseWarnings() {
  }

  public static List<RaisedWarning> evaluate(CaseState state) {
    List<RaisedWarning> warnings = new ArrayList<>();
    RobotRules rules = state.rules();
    if (state.isProtected()) {
      warnings.add(new RaisedWarning("PROTECTED_IDENTITY", "Någon i hushållet har skyddade personuppgifter. Ärendet "
        + "handläggs manuellt av särskilt utsedd personal och beslutas aldrig automatiskt.",
        new JsonObject().put("roles", state.protectedRoles)));
    }
    if (!state.missingAgencies.isEmpty()) {
      String agencies = state.missingAgencies.stream().map(Agency::displayName).collect(Collectors.joining(", "));
      warnings.add(new RaisedWarning("MISSING_EXTERNAL_DATA", "Uppgifter saknas från " + agencies
        + ". Kontrollera dem innan beslut.", new JsonObject().put("agencies",
        state.missingAgencies.stream().map(Agency::name).toList())));
    }
    declaredVersusRegister(state, rules, warnings);
    state.calculation().ifPresent(calculation -> {
      for (Calculation.ReviewIncome income : calculation.needsReview()) {
        warnings.add(new RaisedWarning("UNHANDLED_INCOME", Labels.income(income.incomeType()) + " "
          + Kronor.format(income.amount()) + " (" + Labels.person(income.personRef()) + ") är en inkomst som ska "
          + "bedömas av handläggare. Den är medräknad i förslaget tills vidare.",
          new JsonObject().put("person", income.personRef()).put("type", income.incomeType())
            .put("amount", income.amount().toPlainString())));
      }
      for (Calculation.CappedCost cost : calculation.capped()) {
        warnings.add(new RaisedWarning("EXPENSE_CAPPED", capitalized(Labels.cost(cost.costType())) + " "
          + Kronor.format(cost.claimed()) + " är högre än kommunens skälighetsnivå. Förslaget räknar med "
          + Kronor.format(cost.allowed()) + ".", new JsonObject().put("costType", cost.costType())
          .put("claimed", cost.claimed().toPlainString()).put("allowed", cost.allowed().toPlainString())));
      }
    });
    comparison(state.comparison(), rules, warnings);
    if (state.stickprov != null && state.stickprov.sampled()) {
      warnings.add(new RaisedWarning("STICKPROV", "Ansökan har valts ut till stickprov (" + state.stickprov.reason()
        + "). Hushållet har ombetts skicka kontoutdrag och underlag för kostnaderna.",
        new JsonObject().put("draw", state.stickprov.value().toPlainString())
          .put("percent", state.stickprov.percent().toPlainString())));
    }
    return warnings;
  }

  private static void comparison(Comparison comparison, RobotRules rules, List<RaisedWarning> warnings) {
    for (Comparison.Change change : comparison.changes()) {
      switch (change.kind()) {
        case INCOME_NEW -> warnings.add(amountWarning("NEW_INCOME", "Ny inkomst: " + change.text() + " "
          + Kronor.format(change.current()) + ".", change));
        case INCOME_DROPPED -> warnings.add(amountWarning("INCOME_DROPPED", "Inkomsten " + change.text()
          + " fanns förra månaden (" + Kronor.format(change.previous()) + ") men saknas nu.", change));
        case INCOME_CHANGED -> {
          BigDecimal difference = change.current().subtract(change.previous());
          BigDecimal percent = difference.abs().multiply(BigDecimal.valueOf(100))
            .divide(change.previous(), 0, RoundingMode.HALF_UP);
          if (difference.abs().compareTo(rules.incomeChangeKronor()) >= 0
              && percent.compareTo(rules.incomeChangePercent()) >= 0) {
            warnings.add(amountWarning("INCOME_CHANGE", capitalized(change.text()) + " har "
              + (difference.signum() > 0 ? "ökat" : "minskat") + " från " + Kronor.format(change.previous())
              + " till " + Kronor.format(change.current()) + " (" + (difference.signum() > 0 ? "+" : "−") + percent
              + " %).", change));
          }
        }
        case COST_NEW -> warnings.add(amountWarning("NEW_EXPENSE", "Ny kostnad: " + change.text() + " "
          + Kronor.format(change.current()) + ".", change));
        case NEED -> warnings.add(amountWarning("NEW_EXPENSE", "Ansökan om " + change.text() + " "
          + Kronor.format(change.current()) + " (livsföring i övrigt) ska bedömas av handläggare.", change));
        case PERSON_NEW -> warnings.add(new RaisedWarning("NEW_PERSON", "Ny person i hushållet: "
          + change.text() + ".", new JsonObject().put("key", change.key())));
        case PERSON_GONE, PERSON_CHANGED, HOUSING_CHANGED -> warnings.add(new RaisedWarning("HOUSEHOLD_CHANGE",
          "Hushållet har ändrats: " + change.text() + ".", new JsonObject().put("key", change.key())));
        case COST_CHANGED, COST_DROPPED -> {
          // Shown in the comparison; a changed cost is capped or checked by the norm engine, not a warning type.
        }
      }
    }
  }

  /** What the household declared against what the registers report, per income type, household-wide. */
  private static void declaredVersusRegister(CaseState state, RobotRules rules, List<RaisedWarning> warnings) {
    Map<String, BigDecimal> registered = new TreeMap<>();
    Set<Agency> complete = EnumSet.allOf(Agency.class);
    for (RegisterAnswer answer : state.registers.values()) {
      for (AgencyAnswer agency : answer.agencies()) {
        if (agency.status() != AgencyAnswer.Status.COMPLETE) {
          complete.remove(agency.agency());
        }
      }
      for (RegisterPayment payment : answer.payments()) {
        registered.merge(payment.incomeType(), payment.amount(), BigDecimal::add);
      }
    }
    if (state.registers.isEmpty()) {
      return;
    }
    Map<String, BigDecimal> declared = new TreeMap<>();
    for (Object item : new Content(state.file().application().content()).incomes()) {
      JsonObject income = (JsonObject) item;
      String type = income.getString("type");
      String person = income.getString("person");
      boolean adult = "applicant".equals(person) || "coApplicant".equals(person);
      if (adult || HOUSEHOLD_INCOMES.contains(type)) {
        declared.merge(type, Kronor.of(income.getValue("amount")), BigDecimal::add);
      }
    }
    for (Map.Entry<String, Agency> covered : REPORTED_BY.entrySet()) {
      if (!complete.contains(covered.getValue())) {
        continue;
      }
      String type = covered.getKey();
      BigDecimal inRegister = registered.getOrDefault(type, BigDecimal.ZERO);
      BigDecimal inApplication = declared.getOrDefault(type, BigDecimal.ZERO);
      if (inRegister.subtract(inApplication).abs().compareTo(rules.mismatchKronor()) > 0) {
        warnings.add(new RaisedWarning("DECLARED_VS_REGISTER_MISMATCH", capitalized(Labels.income(type))
          + ": ansökan anger " + Kronor.format(inApplication) + ", " + covered.getValue().displayName() + " anger "
          + Kronor.format(inRegister) + ".", new JsonObject().put("type", type).put("agency", covered.getValue().name())
          .put("declared", inApplication.toPlainString()).put("register", inRegister.toPlainString())));
      }
    }
  }

  private static RaisedWarning amountWarning(String type, String message, Comparison.Change change) {
    return new RaisedWarning(type, message, new JsonObject().put("key", change.key())
      .put("previous", change.previous().toPlainString()).put("current", change.current().toPlainString()));
  }

  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
