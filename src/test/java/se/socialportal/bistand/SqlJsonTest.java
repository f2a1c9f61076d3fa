package se.socialportal.bistand;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A timestamp read inside a page's one statement answers as the same text as one read as a column did. */
class SqlJsonTest {

  @Test
  @DisplayName("epoch microseconds give the instant, to the microsecond, in Instant's own text")
  void microseconds() {
    for (String text : new String[] {"2026-04-16T08:30:00Z", "2026-04-16T08:30:00.120Z", "2026-04-16T08:30:00.123456Z",
      "1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z"}) {
      Instant instant = Instant.parse(text);
      long micros = Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1_000;
      assertEquals(text, SqlJson.instant(micros).toString());
    }
    assertEquals("1970-01-01T00:00:00.000001Z", SqlJson.instant(1).toString(), "a small number arrives as an Integer");
    assertNull(SqlJson.instant(null));
  }
}
