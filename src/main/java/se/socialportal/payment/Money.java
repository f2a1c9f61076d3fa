package se.socialportal.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Kronor as people read them in a Swedish text: "7 520 kr", "1 250,50 kr". */
public final class Money {

  private Money() {
  }

  public static String kronor(BigDecimal amount) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv-SE"));
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
    String pattern = scaled.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00";
    return new DecimalFormat(pattern, symbols).format(scaled) + " kr";
  }
}
