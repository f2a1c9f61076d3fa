package se.socialportal.familjeratt;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Losing the race for a time is a refused booking (409 with the next times), never a 500")
class DoubleBookingRefusalTest {

  @ParameterizedTest(name = "SQLSTATE {0}: lost the race {1}")
  @CsvSource({
    "23P01, true, the exclusion constraint refused the overlapping appointment",
    "40P01, true, two overlapping inserts in flight deadlocked on each other's index entry and one was aborted",
    "23505, false, a unique violation elsewhere is a real error",
    "57014, false, a cancelled statement is a real error"})
  void lostTheRace(String state, boolean lost, String what) {
    assertEquals(lost, Sql.isDoubleBooking(new PgException(what, "ERROR", state, null)), what);
  }

  @Test
  @DisplayName("an overlapping booking in flight (the time's advisory lock taken) is a lost race")
  void inFlight() {
    assertTrue(Sql.isDoubleBooking(new Sql.RaceLost()));
  }

  @Test
  @DisplayName("a failure that is not from the database is not a lost race")
  void notFromTheDatabase() {
    assertFalse(Sql.isDoubleBooking(new IllegalStateException("not from the database")));
  }
}
