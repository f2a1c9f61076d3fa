package se.socialportal.rules;

import se.socialportal.platform.http.Messages;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as people read them: "4 412,50" in Swedish, "4,412.50" in English; whole kronor without decimals. */
public final class Formats {

  private Formats() {
  }

  public static String kronor(BigDecimal amount, String language) {
    Locale locale = Messages.locale(language);
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(locale));
    return format.format(amount);
  }

  /** For JSON: whole kronor as an integer, otherwise öre as two decimals at most (4412.5). */
  public static BigDecimal json(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
