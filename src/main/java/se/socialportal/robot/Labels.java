package se.socialportal.robot;

import java.util.Map;

/** Swedish names of the application schema's codes, for warnings and motiveringar read by people. */
public final class Labels {

  private static final Map<String, String> INCOMES = Map.ofEntries(
    Map.entry("salary", "lön efter skatt"), Map.entry("unemploymentBenefit", "a-kassa"),
    Map.entry("sicknessBenefit", "sjukpenning/sjukersättning"),
    Map.entry("activitySupport", "aktivitetsstöd/utvecklingsersättning"),
    Map.entry("establishmentAllowance", "etableringsersättning"),
    Map.entry("childAllowance", "barnbidrag/studiebidrag"), Map.entry("housingAllowance", "bostadsbidrag/bostadstillägg"),
    Map.entry("maintenanceSupport", "underhållsstöd/underhållsbidrag"), Map.entry("parentalBenefit", "föräldrapenning"),
    Map.entry("pension", "pension"), Map.entry("studentAid", "studiemedel"),
    Map.entry("depositsAndSwish", "insättningar och Swish"), Map.entry("other", "annan inkomst"));
  private static final Map<String, String> COSTS = Map.ofEntries(
    Map.entry("rent", "hyra/boendekostnad"), Map.entry("householdElectricity", "hushållsel"),
    Map.entry("homeInsurance", "hemförsäkring"), Map.entry("unionAndUnemploymentFund", "fackavgift och a-kassa"),
    Map.entry("workTravel", "arbetsresor"), Map.entry("childcare", "barnomsorgsavgift"),
    Map.entry("medicalCare", "läkarvård och medicin"), Map.entry("dentalCare", "tandvård"));
  private static final Map<String, String> NEEDS = Map.ofEntries(
    Map.entry("glasses", "glasögon"), Map.entry("dentalTreatment", "tandbehandling"),
    Map.entry("medicalCare", "läkarvård"), Map.entry("furniture", "möbler"),
    Map.entry("householdGoods", "hemutrustning"), Map.entry("clothing", "kläder"), Map.entry("moving", "flytt"),
    Map.entry("other", "annat behov"));

  private Labels() {
  }

  public static String income(String type) {
    return INCOMES.getOrDefault(type, type);
  }

  public static String cost(String type) {
    return COSTS.getOrDefault(type, type);
  }

  public static String need(String type) {
    return NEEDS.getOrDefault(type, type);
  }

  /** "sökande", "medsökande", "barn (Alva)", "annan vuxen (Kim)" for a person key of {@link Content}. */
  public static String person(String key) {
    if (key.equals("applicant")) {
      return "sökande";
    }
    if (key.startsWith("coApplicant")) {
      return "medsökande";
    }
    String[] parts = key.split(":");
    String name = parts.length > 1 ? parts[1] : "";
    return (key.startsWith("child") ? "barn" : "annan vuxen") + (name.isEmpty() ? "" : " (" + name + ")");
  }
}
