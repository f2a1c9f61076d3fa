package se.socialportal.familjeratt;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Familjerätt: booking, the other parent's BankID confirmation, the 24-hour release, cancel and move")
class BookingFlowTest {

  private static TestApp app;
  private static StaffLogins.Staff frida;

  @BeforeAll
  static void start() {
    app = Familjeratt.start("frflow", new JsonObject());
    frida = Familjeratt.secretary(app, "frida");
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.getValue() <= 5) {
        Familjeratt.hours(frida, day, "09:00", "12:00", app.clock().today());
      }
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("one parent books an informationssamtal: confirmed at once, in the .ics file and the staff's calendar")
  void oneParent() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant start = Familjeratt.next(app, DayOfWeek.MONDAY, "09:00");
    JsonArray times = tolvan.get(Familjeratt.BASE + "/times?service=informationssamtal").bodyAsJsonObject()
      .getJsonArray("times");
    assertTrue(times.contains(start.toString()), times.encode());
    HttpResponse<Buffer> booked = Familjeratt.book(tolvan, new JsonObject().put("service", "informationssamtal")
      .put("start", start.toString()).put("place", "office").put("email", "tolvan@example.se"));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    JsonObject booking = booked.bodyAsJsonObject();
    assertEquals("confirmed", booking.getString("status"));
    assertEquals(start.toString(), booking.getJsonArray("meetings").getJsonObject(0).getString("start"));
    assertEquals("Familjerätten, Storgatan 1", booking.getJsonArray("meetings").getJsonObject(0).getString("office"));

    HttpResponse<Buffer> ics = tolvan.get(Familjeratt.BASE + "/bookings/" + booking.getString("id") + "/calendar.ics");
    assertEquals(200, ics.statusCode());
    assertTrue(ics.getHeader("Content-Type").startsWith("text/calendar"));
    assertTrue(ics.bodyAsString().contains("BEGIN:VEVENT\r\n"), ics.bodyAsString());
    assertTrue(ics.bodyAsString().contains("SUMMARY:Informationssamtal\r\n"));

    // The time is no longer offered; the staff calendar shows it with the parent's name, and the reading is logged.
    assertFalse(tolvan.get(Familjeratt.BASE + "/times?service=informationssamtal").bodyAsJsonObject()
      .getJsonArray("times").contains(start.toString()));
    JsonObject calendar = Familjeratt.secretary(app, "frida").browser().get(Familjeratt.BASE + "/staff/calendar?days=14").bodyAsJsonObject();
    assertTrue(calendar.containsKey("appointments"), calendar.encode());
    JsonObject meeting = calendar.getJsonArray("appointments").stream().map(JsonObject.class::cast)
      .filter(item -> item.getString("bookingId").equals(booking.getString("id"))).findFirst().orElseThrow();
    assertEquals("Tolvan Tolvansson", meeting.getJsonArray("parties").getJsonObject(0).getString("name"));
    assertTrue(Familjeratt.count(app, "SELECT count(*) FROM audit_event WHERE action = 'familjeratt.calendar.read' "
      + "AND case_id = $1", java.util.UUID.fromString(booking.getString("id"))) >= 1);
  }

  @Test
  @DisplayName("two parents: the other parent sees the request on their own Mina sidor and confirms with BankID")
  void twoParentsConfirm() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant start = Familjeratt.next(app, DayOfWeek.TUESDAY, "09:00");
    JsonObject booking = Familjeratt.book(tolvan, samarbetssamtal(start, false)).bodyAsJsonObject();
    assertEquals("awaiting_confirmation", booking.getString("status"), booking.encode());
    String id = booking.getString("id");

    Browser testa = Familjeratt.resident(app, "testa");
    JsonObject request = testa.get(Familjeratt.BASE + "/bookings").bodyAsJsonObject().getJsonArray("bookings").stream()
      .map(JsonObject.class::cast).filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
    assertEquals("other", request.getString("role"));
    assertEquals("Tolvan Tolvansson", request.getJsonObject("otherParent").getString("name"));
    assertFalse(request.getJsonObject("otherParent").containsKey("email"));
    assertTrue(request.getJsonObject("actions").getBoolean("confirm"));
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_notification WHERE booking_id = $1 "
      + "AND kind = 'confirmation_requested'", java.util.UUID.fromString(id)));

    JsonObject collected = Familjeratt.confirm(testa, id, "testa", new JsonObject().put("phone", "070-1234567"));
    assertEquals("complete", collected.getString("status"), collected.encode());
    assertEquals("confirmed", collected.getString("outcome"), collected.encode());
    assertEquals("confirmed", tolvan.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject().getString("status"));
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_confirmation WHERE booking_id = $1 "
      + "AND length(signature) > 100", java.util.UUID.fromString(id)));
  }

  @Test
  @DisplayName("a booking the other parent does not confirm within 24 hours is released and the booker told")
  void releasedAfter24Hours() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant start = Familjeratt.next(app, DayOfWeek.WEDNESDAY, "10:00");
    String id = Familjeratt.book(tolvan, samarbetssamtal(start, false)).bodyAsJsonObject().getString("id");
    assertEquals(0, Familjeratt.round(app).released());
    app.clock().advance(Duration.ofHours(24).plusMinutes(1));
    FamiljerattModule.Round round = Familjeratt.round(app);
    assertTrue(round.released() >= 1, round.toString());
    assertEquals("released", Familjeratt.resident(app, "tolvan").get(Familjeratt.BASE + "/bookings/" + id)
      .bodyAsJsonObject().getString("status"));
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_notification WHERE booking_id = $1 "
      + "AND kind = 'booking_released'", java.util.UUID.fromString(id)));
    assertEquals(0, Familjeratt.count(app, "SELECT count(*) FROM fr_appointment WHERE booking_id = $1 "
      + "AND status IN ('held', 'confirmed')", java.util.UUID.fromString(id)));
  }

  @Test
  @DisplayName("move to another free time, and cancel; both end at the cut-off before the meeting")
  void moveAndCancel() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant first = Familjeratt.next(app, DayOfWeek.THURSDAY, "09:00");
    Instant later = Familjeratt.next(app, DayOfWeek.THURSDAY, "11:00");
    JsonObject booking = Familjeratt.book(tolvan, new JsonObject().put("service", "radgivning")
      .put("start", first.toString()).put("place", "digital")).bodyAsJsonObject();
    String id = booking.getString("id");
    assertTrue(booking.getJsonArray("meetings").getJsonObject(0).getString("meetingLink")
      .startsWith("https://mote.demo.example/familjeratt/"));
    HttpResponse<Buffer> moved = tolvan.post(Familjeratt.BASE + "/bookings/" + id + "/move",
      new JsonObject().put("start", later.toString()));
    assertEquals(200, moved.statusCode(), moved.bodyAsString());
    assertEquals(later.toString(), moved.bodyAsJsonObject().getJsonArray("meetings").getJsonObject(0).getString("start"));
    JsonArray free = tolvan.get(Familjeratt.BASE + "/times?service=radgivning").bodyAsJsonObject().getJsonArray("times");
    assertTrue(free.contains(first.toString()), "the old time is free again");
    assertFalse(free.contains(later.toString()));

    HttpResponse<Buffer> cancelled = tolvan.post(Familjeratt.BASE + "/bookings/" + id + "/cancel", new JsonObject());
    assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
    assertEquals("cancelled", cancelled.bodyAsJsonObject().getString("status"));
    assertTrue(tolvan.get(Familjeratt.BASE + "/times?service=radgivning").bodyAsJsonObject().getJsonArray("times")
      .contains(later.toString()));

    // Within the cut-off (24 hours before), neither works any more.
    Instant soon = Familjeratt.next(app, DayOfWeek.FRIDAY, "09:00").plus(Duration.ofDays(7));
    String late = Familjeratt.book(tolvan, new JsonObject().put("service", "radgivning").put("start", soon.toString())
      .put("place", "office")).bodyAsJsonObject().getString("id");
    app.clock().advance(Duration.between(app.clock().instant(), soon.minus(Duration.ofHours(23))));
    Browser again = Familjeratt.resident(app, "tolvan");
    HttpResponse<Buffer> refused = again.post(Familjeratt.BASE + "/bookings/" + late + "/cancel", new JsonObject());
    assertEquals(409, refused.statusCode());
    assertEquals("too_late_to_change", refused.bodyAsJsonObject().getString("error"));
    assertTrue(refused.bodyAsJsonObject().getString("message").contains("24 timmar"), refused.bodyAsString());
  }

  @Test
  @DisplayName("bad input is a 400 naming each field, and nothing is stored")
  void badInput() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    long before = Familjeratt.count(app, "SELECT count(*) FROM fr_booking");
    HttpResponse<Buffer> refused = Familjeratt.book(tolvan, new JsonObject().put("service", "samarbetssamtal")
      .put("start", "tomorrow").put("otherParent", "19121212-1213").put("email", "not-an-address"));
    assertEquals(400, refused.statusCode());
    JsonArray fields = refused.bodyAsJsonObject().getJsonArray("fields");
    assertEquals(java.util.Set.of("start", "otherParent", "risk", "email"), fields.stream()
      .map(field -> ((JsonObject) field).getString("field")).collect(java.util.stream.Collectors.toSet()));
    assertEquals(before, Familjeratt.count(app, "SELECT count(*) FROM fr_booking"));
    assertNull(refused.bodyAsJsonObject().getValue("nextTimes"));
  }

  static JsonObject samarbetssamtal(Instant start, boolean risk) {
    return new JsonObject().put("service", "samarbetssamtal").put("start", start.toString())
      .put("otherParent", "19800101-9804").put("risk", risk).put("email", "tolvan@example.se");
  }
}
