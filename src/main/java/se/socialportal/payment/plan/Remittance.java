package se.socialportal.payment.plan;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The short text the resident sees on their bank statement: what and which month, e.g. "Försörjningsstöd december
 * 2026". Never a personnummer, a case number or anything else that would tell the bank more than it needs.
 */
public final class Remittance {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private Remittance() {
  }

  public static String text(String decisionType, YearMonth month) {
    String what = switch (decisionType) {
      case "forsorjningsstod" -> "Försörjningsstöd";
      case "livsforing_ovrigt" -> "Ekonomiskt bistånd, livsföring i övrigt";
      case "skulder" -> "Ekonomiskt bistånd, skulder";
      case "begravning" -> "Ekonomiskt bistånd, begravning";
      default -> "Ekonomiskt bistånd";
    };
    return what + " " + month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH) + " " + month.getYear();
  }
}
