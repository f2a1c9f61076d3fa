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
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Separate meetings and protected identities: parents who must not meet never see each other's time, "
  + "a protected parent's name and meeting place never reach the other")
class SeparateMeetingsTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = Familjeratt.start("frseparate", new JsonObject());
    var frida = Familjeratt.secretary(app, "frida");
    for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY}) {
      Familjeratt.hours(frida, day, "09:00", "16:00", app.clock().today());
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("'risk of violence or threats': each parent books their own time, apart, and sees only their own")
  void screeningBooksSeparately() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant booker = Familjeratt.next(app, DayOfWeek.MONDAY, "10:00");
    JsonObject booking = Familjeratt.book(tolvan, BookingFlowTest.samarbetssamtal(booker, true)).bodyAsJsonObject();
    assertTrue(booking.getBoolean("separate"), booking.encode());
    String id = booking.getString("id");

    Browser testa = Familjeratt.resident(app, "testa");
    JsonObject request = testa.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject();
    assertEquals(0, request.getJsonArray("meetings").size(), "the other parent sees no time of the booker's");
    assertTrue(request.getJsonObject("actions").getBoolean("chooseOwnTime"));
    assertFalse(request.encode().contains(booker.toString()), request.encode());

    // The other parent's times keep an hour's distance from the booker's meeting (90 minutes, 10:00–11:30).
    JsonArray times = testa.get(Familjeratt.BASE + "/times?service=samarbetssamtal&booking=" + id).bodyAsJsonObject()
      .getJsonArray("times");
    assertFalse(times.contains(booker.toString()));
    assertFalse(times.contains(booker.plus(Duration.ofMinutes(150)).minus(Duration.ofMinutes(30)).toString()),
      "12:00 is within an hour of 11:30");
    assertTrue(times.contains(booker.plus(Duration.ofMinutes(150)).toString()), "12:30 is an hour after: " + times);
    assertFalse(times.contains(Familjeratt.next(app, DayOfWeek.MONDAY, "09:00").toString()), "09:00 overlaps the hour before");

    // Asking for the booker's own time is refused like any taken time, without saying why.
    HttpResponse<Buffer> refused = testa.post(Familjeratt.BASE + "/bookings/" + id + "/confirm",
      new JsonObject().put("start", booker.toString()));
    assertEquals(409, refused.statusCode(), refused.bodyAsString());

    Instant own = Familjeratt.next(app, DayOfWeek.TUESDAY, "13:00");
    JsonObject confirmed = Familjeratt.confirm(testa, id, "testa", new JsonObject().put("start", own.toString()));
    assertEquals("confirmed", confirmed.getString("outcome"), confirmed.encode());

    JsonObject tolvanSees = tolvan.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject();
    JsonObject testaSees = testa.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject();
    assertEquals(1, tolvanSees.getJsonArray("meetings").size());
    assertEquals(booker.toString(), tolvanSees.getJsonArray("meetings").getJsonObject(0).getString("start"));
    assertEquals(1, testaSees.getJsonArray("meetings").size());
    assertEquals(own.toString(), testaSees.getJsonArray("meetings").getJsonObject(0).getString("start"));
    assertFalse(tolvanSees.encode().contains(own.toString()));
    assertFalse(testaSees.encode().contains(booker.toString()));
    String ics = testa.get(Familjeratt.BASE + "/bookings/" + id + "/calendar.ics").bodyAsString();
    assertEquals(1, ics.split("BEGIN:VEVENT").length - 1, ics);
  }

  @Test
  @DisplayName("a protected parent: separate meetings, and the other parent never learns their name or place")
  void protectedParent() {
    // Signe Skyddad has skyddad folkbokföring (marked on her person as the registers say) and books with Tolvan.
    Browser signe = Familjeratt.resident(app, "signe");
    app.services().pool().query("UPDATE person SET protection = 'skyddad_folkbokforing' WHERE personnummer = '198503159827'")
      .execute().toCompletionStage().toCompletableFuture().join();
    Instant start = Familjeratt.next(app, DayOfWeek.WEDNESDAY, "09:00");
    JsonObject booking = Familjeratt.book(signe, new JsonObject().put("service", "samarbetssamtal")
      .put("start", start.toString()).put("otherParent", "19121212-1212").put("risk", false)
      .put("email", "signe@example.se").put("phone", "0701112233")).bodyAsJsonObject();
    assertTrue(booking.getBoolean("separate"), booking.encode());
    assertEquals("Tolvan Tolvansson", booking.getJsonObject("otherParent").getString("name"));
    String id = booking.getString("id");

    Browser tolvan = Familjeratt.resident(app, "tolvan");
    JsonObject seen = tolvan.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject();
    assertNull(seen.getJsonObject("otherParent").getString("name"), seen.encode());
    JsonObject listed = tolvan.get(Familjeratt.BASE + "/bookings").bodyAsJsonObject().getJsonArray("bookings").stream()
      .map(JsonObject.class::cast).filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
    String everything = seen.encode() + listed.encode();
    for (String secret : new String[] {"Signe", "Skyddad", "signe@example.se", "0701112233", "Storgatan",
      start.toString()}) {
      assertFalse(everything.contains(secret), secret + " reached the other parent: " + everything);
    }
    // The staff see both (and their reading is logged).
    JsonObject staff = Familjeratt.secretary(app, "frida").browser()
      .get(Familjeratt.BASE + "/staff/bookings/" + id).bodyAsJsonObject();
    assertEquals("Signe Skyddad", staff.getJsonObject("booker").getString("name"));
    assertTrue(staff.getJsonObject("booker").getBoolean("protected"));
    assertEquals(2, Familjeratt.count(app, "SELECT count(*) FROM audit_event WHERE action = 'familjeratt.booking.read' "
      + "AND case_id = $1", UUID.fromString(id)));
  }

  @Test
  @DisplayName("staff mark a joint booking separate: the coming joint meeting becomes the booker's own")
  void staffMarksSeparate() {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant start = Familjeratt.next(app, DayOfWeek.TUESDAY, "09:00");
    String id = Familjeratt.book(tolvan, BookingFlowTest.samarbetssamtal(start, false)).bodyAsJsonObject()
      .getString("id");
    Browser testa = Familjeratt.resident(app, "testa");
    assertEquals(1, testa.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject().getJsonArray("meetings").size());
    HttpResponse<Buffer> marked = Familjeratt.secretary(app, "frida").browser()
      .post(Familjeratt.BASE + "/staff/bookings/" + id + "/separate", new JsonObject());
    assertEquals(200, marked.statusCode(), marked.bodyAsString());
    assertEquals(0, testa.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject().getJsonArray("meetings").size());
    assertEquals(1, tolvan.get(Familjeratt.BASE + "/bookings/" + id).bodyAsJsonObject().getJsonArray("meetings").size());
  }

  @Test
  @DisplayName("other staff roles cannot use the familjerätt desk")
  void otherRolesRefused() {
    var anna = se.socialportal.testing.StaffLogins.login(app, "anna", "Anna H", "demo", "handlaggare");
    assertEquals(403, anna.browser().get(Familjeratt.BASE + "/staff/calendar").statusCode());
  }
}
