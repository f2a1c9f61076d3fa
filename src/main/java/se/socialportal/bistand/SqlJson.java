package se.socialportal.bistand;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A page's reads of several tables in one statement come back as JSON arrays, one per table (each row a JSON array
 * in a fixed column order). A timestamp travels as its epoch microseconds: the JSON text PostgreSQL writes for a
 * timestamptz depends on the session's time zone and differs from {@link Instant#toString()}, which the API answers.
 */
public final class SqlJson {

  private SqlJson() {
  }

  /** The SQL for a timestamptz expression as epoch microseconds (null stays null). */
  public static String micros(String expression) {
    return "(extract(epoch FROM " + expression + ") * 1000000)::bigint";
  }

  /** The instant of epoch microseconds written by {@link #micros}; null for null. */
  public static Instant instant(Object micros) {
    if (micros == null) {
      return null;
    }
    long value = ((Number) micros).longValue();
    return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
  }

  public static Optional<Instant> optionalInstant(Object micros) {
    return Optional.ofNullable(instant(micros));
  }

  public static UUID uuid(Object text) {
    return text == null ? null : UUID.fromString((String) text);
  }
}
