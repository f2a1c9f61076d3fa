package se.socialportal.bistand.signing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The text the signer sees in the BankID app (userVisibleData, simpleMarkdownV1): the month, the household and the
 * totals of what is stated. No names and no personnummer — the app shows it on a phone screen.
 */
public final class SigningSummary {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private SigningSummary() {
  }

  public record Totals(BigDecimal incomes, BigDecimal housing, BigDecimal costs, BigDecimal needs) {
    public JsonObject toJson() {
      return new JsonObject().put("incomes", incomes.toPlainString()).put("housing", housing.toPlainString())
        .put("costs", costs.toPlainString()).put("needs", needs.toPlainString());
    }
  }

  public static Totals totals(JsonObject content) {
    BigDecimal incomes = sum(content.getJsonArray("incomes", new JsonArray()), "amount");
    JsonObject housing = content.getJsonObject("housing", new JsonObject());
    BigDecimal housingCost = amount(housing.getValue("rent")).add(amount(housing.getValue("householdElectricity")));
    BigDecimal costs = BigDecimal.ZERO;
    JsonObject costObject = content.getJsonObject("costs", new JsonObject());
    for (String key : costObject.fieldNames()) {
      costs = costs.add(amount(costObject.getValue(key)));
    }
    BigDecimal needs = sum(content.getJsonArray("needs", new JsonArray()), "amount");
    return new Totals(incomes, housingCost, costs, needs);
  }

  public static String markdown(YearMonth month, JsonObject content, String role) {
    JsonObject household = content.getJsonObject("household", new JsonObject());
    int adults = household.getValue("coApplicant") instanceof JsonObject ? 2 : 1;
    JsonArray children = household.getJsonArray("children", new JsonArray());
    long living = children.stream().filter(child -> child instanceof JsonObject
      && !"placed".equals(((JsonObject) child).getString("livesHere"))).count();
    Totals totals = totals(content);
    String monthName = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH) + " " + month.getYear();
    StringBuilder text = new StringBuilder();
    text.append("# Ansökan om ekonomiskt bistånd\n\n");
    text.append("Månad: ").append(monthName).append("\n\n");
    text.append("Hushåll: ").append(adults).append(adults == 1 ? " vuxen" : " vuxna");
    text.append(", ").append(living).append(living == 1 ? " barn" : " barn");
    if (living < children.size()) {
      text.append(" (och ").append(children.size() - living).append(" placerade)");
    }
    text.append("\n\n");
    text.append("Inkomster: ").append(kronor(totals.incomes())).append(" per månad\n\n");
    text.append("Boendekostnad: ").append(kronor(totals.housing())).append("\n\n");
    text.append("Övriga utgifter: ").append(kronor(totals.costs())).append("\n\n");
    if (totals.needs().signum() > 0) {
      text.append("Livsföring i övrigt: ").append(kronor(totals.needs())).append("\n\n");
    }
    text.append("coApplicant".equals(role)
      ? "Jag ansöker tillsammans med den sökande och intygar att uppgifterna är sanna och fullständiga."
      : "Jag intygar att uppgifterna är sanna och fullständiga.");
    return text.toString();
  }

  /** "12 345 kr" or "12 345,50 kr". */
  public static String kronor(BigDecimal amount) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(SWEDISH);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
    DecimalFormat format = new DecimalFormat(scaled.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", symbols);
    return format.format(scaled) + " kr";
  }

  private static BigDecimal sum(JsonArray items, String key) {
    BigDecimal total = BigDecimal.ZERO;
    for (Object item : items) {
      if (item instanceof JsonObject) {
        total = total.add(amount(((JsonObject) item).getValue(key)));
      }
    }
    return total;
  }

  private static BigDecimal amount(Object value) {
    return value instanceof Number ? new BigDecimal(value.toString()) : BigDecimal.ZERO;
  }
}
