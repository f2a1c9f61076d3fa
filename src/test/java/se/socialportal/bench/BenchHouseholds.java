package se.socialportal.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.identity.Personnummer;

import java.util.SplittableRandom;

/**
 * Synthetic households for the bench, spread over the household types of municipal statistics
 * (docs/sources.md#household-types-and-volumes: most are single adults without children; single parents; couples with
 * and without children), with umgänge children, placed children, other adults, capped rents and a mix of incomes.
 * Deterministic for a given seed. Personnummer use the test series 980–989, so none can belong to a real person.
 */
final class BenchHouseholds {

  private BenchHouseholds() {
  }

  /** The n-th synthetic person: birth date from n, birth number 980–989. Unique for n < 10 × 20 000. */
  static String personnummer(int n) {
    java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(n / 10);
    String nine = birth.toString().replace("-", "").substring(2) + "98" + (n % 10);
    return birth.getYear() / 100 + nine + Personnummer.checkDigit(nine);
  }

  static boolean hasSambo(int n) {
    int type = n % 10;
    return type == 6 || type == 7 || type == 8;
  }

  static JsonObject content(int n) {
    SplittableRandom random = new SplittableRandom(n * 7919L + 17);
    int type = n % 10;
    JsonArray children = new JsonArray();
    JsonArray others = new JsonArray();
    JsonArray incomes = new JsonArray();
    JsonObject applicant = new JsonObject().put("birthDate", date(1960 + random.nextInt(40)));
    JsonObject household = new JsonObject().put("applicant", applicant).put("children", children)
      .put("otherAdults", others);
    // 0–3 single without children, 4–5 single parent, 6 couple, 7–8 couple with children, 9 shared dwelling.
    if (type == 4 || type == 5 || type == 7 || type == 8) {
      int count = 1 + random.nextInt(type == 8 ? 4 : 3);
      for (int i = 0; i < count; i++) {
        JsonObject child = new JsonObject().put("firstName", "Barn" + i).put("birthDate", date(2008 + random.nextInt(17)))
          .put("livesHere", "full").put("lunchOutsideHome", random.nextBoolean());
        int living = random.nextInt(10);
        if (living == 0) {
          child.put("livesHere", "partTime").put("daysPerMonth", 5 + random.nextInt(15));
        } else if (living == 1) {
          child.put("livesHere", "placed");
        }
        children.add(child);
      }
      incomes.add(income("applicant", "childAllowance", 1250L * count));
    }
    if (hasSambo(n)) {
      household.put("coApplicant", new JsonObject().put("relation", "sambo").put("birthDate", date(1960 + random.nextInt(40))));
    }
    if (type == 9) {
      others.add(new JsonObject().put("firstName", "Inneboende").put("birthDate", date(1990 + random.nextInt(10)))
        .put("relation", "lodger"));
    }
    String[] kinds = {"salary", "unemploymentBenefit", "sicknessBenefit", "activitySupport", "studentAid", "other"};
    int incomeCount = random.nextInt(3);
    for (int i = 0; i < incomeCount; i++) {
      incomes.add(income(i == 1 && hasSambo(n) ? "coApplicant" : "applicant", kinds[random.nextInt(kinds.length)],
        500L + random.nextInt(12_000)));
    }
    if (random.nextInt(5) == 0) {
      incomes.add(income("applicant", "housingAllowance", 800L + random.nextInt(2_000)));
    }
    JsonObject costs = new JsonObject().put("homeInsurance", 100 + random.nextInt(250));
    if (random.nextBoolean()) {
      costs.put("workTravel", 930);
    }
    if (!children.isEmpty() && random.nextBoolean()) {
      costs.put("childcare", 300 + random.nextInt(800));
    }
    JsonArray needs = new JsonArray();
    if (random.nextInt(20) == 0) {
      needs.add(new JsonObject().put("type", "glasses").put("amount", 1200));
    }
    return new JsonObject().put("household", household)
      .put("housing", new JsonObject().put("type", "rental").put("rent", 3500 + random.nextInt(6500))
        .put("householdElectricity", 200 + random.nextInt(600)))
      .put("incomes", incomes).put("costs", costs).put("assets", new JsonArray()).put("needs", needs)
      .put("declaration", true);
  }

  private static JsonObject income(String person, String type, long amount) {
    return new JsonObject().put("person", person).put("type", type).put("amount", amount);
  }

  private static String date(int year) {
    return year + "-0" + (1 + Math.floorMod(year * 31, 9)) + "-1" + Math.floorMod(year, 9);
  }
}
