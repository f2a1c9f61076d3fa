package se.socialportal.reports;

import se.socialportal.platform.http.ApiException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A report's period: whole days from..to inclusive, in Europe/Stockholm; at most a year. */
public record ReportPeriod(LocalDate from, LocalDate to) {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  public static ReportPeriod parse(String from, String to) {
    try {
      LocalDate start = LocalDate.parse(from == null ? "" : from);
      LocalDate end = LocalDate.parse(to == null ? "" : to);
      if (end.isBefore(start) || end.isAfter(start.plusYears(1))) {
        throw ApiException.invalid("to", "period_invalid");
      }
      return new ReportPeriod(start, end);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("from", "period_invalid");
    }
  }

  public OffsetDateTime start() {
    return from.atStartOfDay(STOCKHOLM).toOffsetDateTime();
  }

  /** A moment as staff read it: Swedish local time, to the second ("2026-04-15 10:30:12"). */
  public static String localTime(OffsetDateTime at) {
    return at.atZoneSameInstant(STOCKHOLM).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
  }

  /** Exclusive end: the start of the day after {@code to}. */
  public OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay(STOCKHOLM).toOffsetDateTime();
  }
}
