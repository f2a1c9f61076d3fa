package se.socialportal.familjeratt;

import se.socialportal.identity.Personnummer;
import se.socialportal.platform.http.ApiException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading the staff forms' fields: each problem is added with its field, so all are reported at once. */
final class Fields {

  private Fields() {
  }

  static Optional<Personnummer> personnummer(LocalDate today, Object value) {
    return value instanceof String ? Personnummer.parse((String) value, today) : Optional.empty();
  }

  static UUID uuid(String value, String field, List<ApiException.FieldProblem> problems) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      problems.add(new ApiException.FieldProblem(field, "id_invalid"));
      return null;
    }
  }

  static String text(Object value, String field, int max, List<ApiException.FieldProblem> problems) {
    if (!(value instanceof String) || ((String) value).isBlank() || ((String) value).length() > max) {
      problems.add(new ApiException.FieldProblem(field, "text_required", max));
      return null;
    }
    return ((String) value).strip();
  }

  static LocalTime time(Object value, String field, List<ApiException.FieldProblem> problems) {
    try {
      return LocalTime.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      problems.add(new ApiException.FieldProblem(field, "time_of_day_invalid"));
      return null;
    }
  }

  static LocalDate date(Object value, String field, List<ApiException.FieldProblem> problems) {
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      problems.add(new ApiException.FieldProblem(field, "date_invalid"));
      return null;
    }
  }

  /** A date (a whole day: its start, or the next day's start for an end) or a local date-time, in Stockholm. */
  static Instant moment(Object value, String field, boolean end, List<ApiException.FieldProblem> problems) {
    String text = String.valueOf(value);
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (end ? day.plusDays(1) : day).atStartOfDay(Calendar.ZONE).toInstant();
      }
      return LocalDateTime.parse(text).atZone(Calendar.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new ApiException.FieldProblem(field, "date_invalid"));
      return null;
    }
  }

  /** A string field, or null when it is absent or not a string (a number where text belongs is no text). */
  static String string(io.vertx.core.json.JsonObject body, String key) {
    Object value = body.getValue(key);
    return value instanceof String ? (String) value : null;
  }
}
