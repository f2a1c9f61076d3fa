package se.socialportal.familjeratt;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A burst of bookings: losers are answered at once, and every server offers the hours as they are now")
class BookingRaceTest {

  private static TestApp app;
  private static StaffLogins.Staff rita;
  private static List<Familjeratt.Resident> residents;

  @BeforeAll
  static void start() throws Exception {
    app = Familjeratt.start("frrace", new JsonObject());
    rita = Familjeratt.secretary(app, "rita");
    Familjeratt.hours(rita, DayOfWeek.TUESDAY, "09:00", "12:00", app.clock().today());
    residents = Familjeratt.residents(app, 5, 600);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("while another booking of the staff member's time is in flight, an overlapping one is refused without "
    + "waiting for it, and one that does not overlap is booked")
  void losersDoNotQueue() throws Exception {
    Instant ten = Familjeratt.next(app, DayOfWeek.TUESDAY, "10:00");
    SqlConnection other = app.services().pool().getConnection().await(20, TimeUnit.SECONDS);
    try {
      Transaction inFlight = other.begin().await(20, TimeUnit.SECONDS);
      // Another server's booking of 10:00 has claimed the time and not yet committed.
      assertTrue(AppointmentRepository.claim(other, rita.staffId(), ten, ten.plus(Duration.ofHours(1)))
        .await(20, TimeUnit.SECONDS));

      HttpResponse<Buffer> same = book(residents.get(0), ten);
      assertEquals(409, same.statusCode(), same.bodyAsString());
      assertEquals("time_taken", same.bodyAsJsonObject().getString("error"));
      JsonArray next = same.bodyAsJsonObject().getJsonArray("nextTimes");
      assertFalse(next.isEmpty(), same.bodyAsString());
      assertFalse(next.contains(ten.toString()), next.encode());
      assertTrue(Instant.parse(next.getString(0)).isAfter(ten), next.encode());
      HttpResponse<Buffer> overlapping = book(residents.get(1), ten.plus(Duration.ofMinutes(30)));
      assertEquals(409, overlapping.statusCode(), overlapping.bodyAsString());
      HttpResponse<Buffer> later = book(residents.get(2), ten.plus(Duration.ofHours(1)));
      assertEquals(201, later.statusCode(), "a time that does not overlap is not held up: " + later.bodyAsString());

      inFlight.rollback().await(20, TimeUnit.SECONDS);
    } finally {
      other.close().await(20, TimeUnit.SECONDS);
    }
    HttpResponse<Buffer> afterwards = book(residents.get(3), ten);
    assertEquals(201, afterwards.statusCode(), "the other booking never took the time: " + afterwards.bodyAsString());
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_appointment WHERE lower(during) = $1 "
      + "AND status IN ('held', 'confirmed')", OffsetDateTime.ofInstant(ten, ZoneOffset.UTC)));
  }

  @Test
  @DisplayName("hours another server publishes or removes are offered, and no longer offered, at once")
  void hoursChangedElsewhere() throws Exception {
    Instant thursday = Familjeratt.next(app, DayOfWeek.THURSDAY, "10:00");
    assertTrue(times().contains(Familjeratt.next(app, DayOfWeek.TUESDAY, "09:00").toString()));
    assertFalse(times().contains(thursday.toString()));

    // Written straight into the table, as another server sharing the database (or a script) would.
    app.services().pool().preparedQuery("INSERT INTO fr_schedule (tenant_id, staff_id, unit, weekday, start_time, "
        + "end_time, valid_from, office, created_by, created_at) VALUES ('demo', $1, 'Familjerätten', 4, $2, $3, $4, "
        + "'Familjerätten, Storgatan 1', $1, $5)")
      .execute(Tuple.of(rita.staffId(), LocalTime.of(9, 0), LocalTime.of(12, 0), app.clock().today(),
        OffsetDateTime.ofInstant(app.clock().instant(), ZoneOffset.UTC))).await(20, TimeUnit.SECONDS);
    assertTrue(times().contains(thursday.toString()), "new hours are offered at once");
    assertEquals(201, book(residents.get(4), thursday).statusCode(), "and can be booked");

    app.services().pool().query("UPDATE fr_schedule SET removed_at = now() WHERE weekday = 4")
      .execute().await(20, TimeUnit.SECONDS);
    assertFalse(times().contains(thursday.plus(Duration.ofHours(1)).toString()), "removed hours are not offered");
  }

  private static HttpResponse<Buffer> book(Familjeratt.Resident resident, Instant start) throws Exception {
    return Familjeratt.book(app.client(), resident, new JsonObject().put("service", "informationssamtal")
      .put("start", start.toString()).put("place", "office")).await(30, TimeUnit.SECONDS);
  }

  private static JsonArray times() throws Exception {
    Familjeratt.Resident resident = residents.get(0);
    HttpResponse<Buffer> answer = app.client().get(Familjeratt.BASE + "/times?service=informationssamtal")
      .putHeader("Cookie", "sp_session=" + resident.token()).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    return answer.bodyAsJsonObject().getJsonArray("times");
  }
}
