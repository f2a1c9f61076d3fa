package se.socialportal.admin.ivo;

import se.socialportal.platform.http.ApiException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written 2026-Q2 (the form IVO's report periods are named by). */
public record Quarter(int year, int number) {

  private static final Pattern FORM = Pattern.compile("^(\\d{4})-Q([1-4])$");

  public static Quarter parse(String value) {
    Matcher match = value == null ? null : FORM.matcher(value);
    if (match == null || !match.matches()) {
      throw ApiException.invalid("quarter", "quarter_invalid");
    }
    return new Quarter(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
  }

  public static Quarter of(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  public LocalDate first() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  public LocalDate last() {
    return first().plusMonths(3).minusDays(1);
  }

  @Override
  public String toString() {
    return year + "-Q" + number;
  }
}
