package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("No double booking: 200 residents asking for one time at once — one gets it, 199 get 409 and other times")
class DoubleBookingTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = Familjeratt.start("frdouble", new JsonObject().put("DB_POOL_SIZE", "8"));
    Familjeratt.hours(Familjeratt.secretary(app, "frida"), DayOfWeek.MONDAY, "09:00", "12:00", app.clock().today());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("exactly one 201; every other answer is 409 with a friendly message and the next free times")
  void twoHundredAtOnce() throws Exception {
    List<Familjeratt.Resident> residents = Familjeratt.residents(app, 200, 1);
    Instant start = Familjeratt.next(app, DayOfWeek.MONDAY, "10:00");
    JsonObject body = new JsonObject().put("service", "informationssamtal").put("start", start.toString())
      .put("place", "office");
    WebClient client = app.client();
    long before = Familjeratt.count(app, "SELECT count(*) FROM fr_booking");
    List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
    for (Familjeratt.Resident resident : residents) {
      attempts.add(Familjeratt.book(client, resident, body));
    }
    Future.join(attempts).await(120, TimeUnit.SECONDS);
    int created = 0;
    int conflicts = 0;
    for (Future<HttpResponse<Buffer>> attempt : attempts) {
      HttpResponse<Buffer> answer = attempt.result();
      if (answer.statusCode() == 201) {
        created++;
        continue;
      }
      assertEquals(409, answer.statusCode(), answer.bodyAsString());
      JsonObject refusal = answer.bodyAsJsonObject();
      assertEquals("time_taken", refusal.getString("error"));
      assertEquals("Tiden hann bokas av någon annan. Välj en av de lediga tiderna nedan.", refusal.getString("message"));
      assertFalse(refusal.getJsonArray("nextTimes").isEmpty(), refusal.encode());
      assertFalse(refusal.getJsonArray("nextTimes").contains(start.toString()));
      assertTrue(Instant.parse(refusal.getJsonArray("nextTimes").getString(0)).isAfter(start));
      conflicts++;
    }
    assertEquals(1, created);
    assertEquals(199, conflicts);
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_appointment WHERE lower(during) = $1 "
      + "AND status IN ('held', 'confirmed')", java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC)));
    assertEquals(before + 1, Familjeratt.count(app, "SELECT count(*) FROM fr_booking"),
      "the refused attempts stored nothing");
  }

  @Test
  @DisplayName("the database itself refuses a second appointment overlapping a held one (not only the code)")
  void constraintRefusesOverlap() throws Exception {
    Familjeratt.Resident resident = Familjeratt.residents(app, 1, 500).get(0);
    Instant start = Familjeratt.next(app, DayOfWeek.MONDAY, "09:00");
    assertEquals(201, Familjeratt.book(app.client(), resident, new JsonObject().put("service", "radgivning")
      .put("start", start.toString()).put("place", "office")).await(20, TimeUnit.SECONDS).statusCode());
    Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> app.services().pool()
      .query("INSERT INTO fr_appointment (tenant_id, booking_id, staff_id, kind, during, status, place, office, "
        + "created_at, updated_at) SELECT tenant_id, booking_id, staff_id, kind, tstzrange(lower(during) + interval '30 minutes', "
        + "upper(during) + interval '30 minutes'), 'held', place, office, created_at, updated_at FROM fr_appointment "
        + "WHERE lower(during) = '" + start + "'")
      .execute().await(20, TimeUnit.SECONDS));
    assertTrue(refused.getMessage().contains("fr_appointment_one_per_time"), refused.getMessage());
  }
}
