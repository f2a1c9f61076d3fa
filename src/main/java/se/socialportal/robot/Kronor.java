package se.socialportal.robot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as Swedish text: "9 000 kr", "4 412,50 kr". */
public final class Kronor {

  private Kronor() {
  }

  public static String format(BigDecimal amount) {
    BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
    boolean whole = value.remainder(BigDecimal.ONE).signum() == 0;
    String digits = whole ? value.setScale(0, RoundingMode.UNNECESSARY).abs().toPlainString()
      : value.abs().toPlainString();
    String integer = digits.contains(".") ? digits.substring(0, digits.indexOf('.')) : digits;
    String decimals = digits.contains(".") ? "," + digits.substring(digits.indexOf('.') + 1) : "";
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < integer.length(); i++) {
      if (i > 0 && (integer.length() - i) % 3 == 0) {
        grouped.append(' ');
      }
      grouped.append(integer.charAt(i));
    }
    return (value.signum() < 0 ? "−" : "") + grouped + decimals + " kr";
  }

  public static BigDecimal of(Object jsonNumber) {
    return jsonNumber instanceof Number ? new BigDecimal(jsonNumber.toString()) : BigDecimal.ZERO;
  }
}
