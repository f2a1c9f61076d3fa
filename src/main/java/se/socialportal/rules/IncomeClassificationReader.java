package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.IncomeRule;
import se.socialportal.norm.IncomeTreatment;
import se.socialportal.norm.JobbstimulansRule;

import java.util.LinkedHashMap;
import java.util.Map;

/** The income classification: every type once, and only counted income can be income of employment. */
final class IncomeClassificationReader {

  private IncomeClassificationReader() {
  }

  static IncomeClassification classification(RuleFile file, Problems problems) {
    JsonObject json = file.json();
    JsonObject jobbstimulans = json.getJsonObject("jobbstimulans");
    JobbstimulansRule rule = new JobbstimulansRule(RuleValues.number(jobbstimulans, "percent"),
      jobbstimulans.getInteger("qualifyingMonths"), jobbstimulans.getInteger("durationMonths"));
    Map<String, IncomeRule> types = new LinkedHashMap<>();
    JsonArray array = json.getJsonArray("types");
    for (int i = 0; i < array.size(); i++) {
      JsonObject type = array.getJsonObject(i);
      String name = type.getString("type");
      IncomeTreatment treatment = treatment(type.getString("treatment"));
      boolean employment = type.getBoolean("employment", false);
      if (types.containsKey(name)) {
        problems.add(file, "/types/" + i + "/type", "'" + name + "' appears twice");
        continue;
      }
      if (employment && treatment != IncomeTreatment.COUNTED) {
        // Jobbstimulans and the children's allowance are exemptions from counting; they need a counted income.
        problems.add(file, "/types/" + i + "/employment", "only a counted income can be income of employment");
      }
      types.put(name, new IncomeRule(name, treatment, employment, RuleValues.labels(type.getJsonObject("label")),
        type.getString("note")));
    }
    return new IncomeClassification(file.version(), types, rule);
  }

  private static IncomeTreatment treatment(String value) {
    switch (value) {
      case "counted":
        return IncomeTreatment.COUNTED;
      case "notCounted":
        return IncomeTreatment.NOT_COUNTED;
      default:
        return IncomeTreatment.REVIEW;
    }
  }
}
