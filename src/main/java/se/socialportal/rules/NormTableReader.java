package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.ChildBand;
import se.socialportal.norm.Prisbasbelopp;
import se.socialportal.norm.Riksnorm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Riksnorm and prisbasbelopp files, with the checks a schema cannot express. */
final class NormTableReader {

  /** The statute has "utan lunch" amounts only below school age (12 kap. 2 § SoF). */
  private static final int SCHOOL_AGE = 7;

  private NormTableReader() {
  }

  static Riksnorm riksnorm(RuleFile file, Problems problems) {
    JsonObject json = file.json();
    JsonObject personal = json.getJsonObject("personal");
    BigDecimal single = RuleValues.kronor(file, personal, "single", "/personal/single", problems);
    BigDecimal couple = RuleValues.kronor(file, personal, "couple", "/personal/couple", problems);
    List<ChildBand> bands = children(file, personal.getJsonArray("children"), problems);
    List<BigDecimal> common = common(file, json.getJsonArray("common"), problems);
    JsonObject totals = json.getJsonObject("totals");
    if (totals != null && common.size() == Riksnorm.LARGEST_TABULATED_HOUSEHOLD) {
      total(file, "/totals/single", single, common.get(0), RuleValues.kronor(file, totals, "single", "/totals/single", problems), problems);
      total(file, "/totals/couple", couple, common.get(1), RuleValues.kronor(file, totals, "couple", "/totals/couple", problems), problems);
    }
    if (common.size() != Riksnorm.LARGEST_TABULATED_HOUSEHOLD) {
      return null;
    }
    return new Riksnorm(file.version(), single, couple, bands, common);
  }

  /** Bands must cover every age from 0 to 20 exactly once, in order, so every household child has one amount. */
  private static List<ChildBand> children(RuleFile file, JsonArray array, Problems problems) {
    List<ChildBand> bands = new ArrayList<>();
    int expectedFrom = 0;
    for (int i = 0; i < array.size(); i++) {
      JsonObject band = array.getJsonObject(i);
      String at = "/personal/children/" + i;
      int from = band.getInteger("fromAge");
      int to = band.getInteger("toAge");
      if (from != expectedFrom) {
        problems.add(file, at + "/fromAge", "age bands must be contiguous from 0 to 20: expected fromAge "
          + expectedFrom + ", got " + from);
      }
      if (to < from) {
        problems.add(file, at + "/toAge", "toAge " + to + " is below fromAge " + from);
      }
      BigDecimal amount = RuleValues.kronor(file, band, "amount", at + "/amount", problems);
      BigDecimal withoutLunch = RuleValues.kronor(file, band, "withoutLunch", at + "/withoutLunch", problems);
      if (to < SCHOOL_AGE && withoutLunch == null) {
        problems.add(file, at, "bands under " + SCHOOL_AGE + " years need the withoutLunch amount (12 kap. 2 § SoF)");
      }
      if (from >= SCHOOL_AGE && withoutLunch != null) {
        problems.add(file, at + "/withoutLunch", "only bands under " + SCHOOL_AGE + " years have a without-lunch amount");
      }
      if (withoutLunch != null && amount != null && withoutLunch.compareTo(amount) > 0) {
        problems.add(file, at + "/withoutLunch", "is higher than the amount with lunch at home");
      }
      bands.add(new ChildBand(from, to, amount, withoutLunch));
      expectedFrom = to + 1;
    }
    if (expectedFrom != Riksnorm.OLDEST_HOUSEHOLD_CHILD + 1) {
      problems.add(file, "/personal/children", "age bands must end at 20 years (children under 21 belong to the "
        + "household), the last ends at " + (expectedFrom - 1));
    }
    return bands;
  }

  private static List<BigDecimal> common(RuleFile file, JsonArray array, Problems problems) {
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject row = array.getJsonObject(i);
      int persons = row.getInteger("persons");
      if (persons != i + 1) {
        problems.add(file, "/common/" + i + "/persons", "the table runs 1 to 7 persons in order: expected "
          + (i + 1) + ", got " + persons);
      }
      amounts.add(RuleValues.kronor(file, row, "amount", "/common/" + i + "/amount", problems));
    }
    if (amounts.size() == Riksnorm.LARGEST_TABULATED_HOUSEHOLD && amounts.get(6).compareTo(amounts.get(5)) < 0) {
      problems.add(file, "/common/6/amount", "is below the amount for 6 persons; beyond 7 persons each extra person "
        + "adds the 6→7 difference, which must not be negative");
    }
    return amounts;
  }

  private static void total(RuleFile file, String pointer, BigDecimal personal, BigDecimal common, BigDecimal published,
                            Problems problems) {
    if (personal == null || common == null || published == null) {
      return;
    }
    BigDecimal sum = personal.add(common);
    if (sum.compareTo(published) != 0) {
      problems.add(file, pointer, "the table gives " + RuleValues.kr(personal) + " + " + RuleValues.kr(common) + " = "
        + RuleValues.kr(sum) + ", but the published total is " + RuleValues.kr(published));
    }
  }

  static Prisbasbelopp prisbasbelopp(RuleFile file, Problems problems) {
    LocalDate from = file.period().from();
    LocalDate to = file.period().to();
    if (from.getDayOfYear() != 1 || to == null || to.getYear() != from.getYear() || to.getDayOfYear() != to.lengthOfYear()) {
      problems.add(file, "/effectiveTo", "a prisbasbelopp applies to one calendar year: 1 January to 31 December");
    }
    return new Prisbasbelopp(file.version(), from.getYear(), BigDecimal.valueOf(file.json().getLong("amount")));
  }
}
