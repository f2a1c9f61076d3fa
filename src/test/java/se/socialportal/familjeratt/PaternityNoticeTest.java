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
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Skatteverket's notifications: invitation, the tenant's reminders, a summons — and a booking stops it")
class PaternityNoticeTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = Familjeratt.start("frnotice", new JsonObject());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject notice(StaffLogins.Staff staff, String id) {
    return staff.browser().get(Familjeratt.BASE + "/staff/notices").bodyAsJsonObject().getJsonArray("notices").stream()
      .map(JsonObject.class::cast).filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("invited at once, reminded every 14 days twice (the demo tenant's rule), then summoned")
  void followUpToSummons() {
    StaffLogins.Staff frida = Familjeratt.secretary(app, "frida");
    HttpResponse<Buffer> registered = frida.browser().post(Familjeratt.BASE + "/staff/notices", new JsonObject()
      .put("childBirthDate", app.clock().today().minusDays(20).toString()).put("birthParent", "19800101-9804")
      .put("otherParent", "19121212-1212"));
    assertEquals(201, registered.statusCode(), registered.bodyAsString());
    String id = registered.bodyAsJsonObject().getString("id");
    assertEquals(409, frida.browser().post(Familjeratt.BASE + "/staff/notices", new JsonObject()
      .put("childBirthDate", app.clock().today().minusDays(20).toString()).put("birthParent", "19800101-9804"))
      .statusCode(), "the same birth twice");

    assertTrue(Familjeratt.round(app).noticesAdvanced() >= 1);
    JsonObject invited = notice(frida, id);
    assertEquals("invited", invited.getString("stage"));
    assertEquals(2, invited.getJsonArray("documents").size(), "a letter to each parent");
    String letter = PdfText.of(frida.browser().get(Familjeratt.BASE + "/staff/documents/"
      + invited.getJsonArray("documents").getJsonObject(0).getString("id")).body().getBytes());
    assertTrue(letter.contains("Inbjudan till bekräftelse av föräldraskap"), letter);
    assertTrue(letter.contains("/familjeratt/boka/?service=faderskap&notice=" + id), letter);

    // Nothing more until the interval has passed.
    app.clock().advance(Duration.ofDays(13));
    Familjeratt.round(app);
    frida = Familjeratt.secretary(app, "frida");
    assertEquals("invited", notice(frida, id).getString("stage"));
    for (int reminder = 1; reminder <= 2; reminder++) {
      app.clock().advance(Duration.ofDays(14));
      Familjeratt.round(app);
      frida = Familjeratt.secretary(app, "frida");
      JsonObject reminded = notice(frida, id);
      assertEquals("reminded", reminded.getString("stage"));
      assertEquals(reminder, reminded.getInteger("reminders"));
    }
    app.clock().advance(Duration.ofDays(14));
    Familjeratt.round(app);
    frida = Familjeratt.secretary(app, "frida");
    JsonObject summoned = notice(frida, id);
    assertEquals("summoned", summoned.getString("stage"));
    JsonArray documents = summoned.getJsonArray("documents");
    assertEquals(8, documents.size(), documents.encode());
    assertEquals("summons", documents.getJsonObject(7).getString("kind"));
  }

  @Test
  @DisplayName("a parent books from the invitation on Mina sidor: the follow-up stops; a released booking restarts it")
  void bookingStopsTheFollowUp() {
    StaffLogins.Staff frida = Familjeratt.secretary(app, "frida");
    Familjeratt.hours(frida, DayOfWeek.MONDAY, "09:00", "12:00", app.clock().today());
    String id = frida.browser().post(Familjeratt.BASE + "/staff/notices/file", new JsonObject().put("text",
        "# barnets födelsedatum;födande förälder;andra föräldern\n" + app.clock().today().minusDays(16) + ";"
          + "20050228-9861;19920704-9843\n")).bodyAsJsonObject().getInteger("registered") == 1
      ? frida.browser().get(Familjeratt.BASE + "/staff/notices").bodyAsJsonObject().getJsonArray("notices")
        .getJsonObject(0).getString("id") : null;
    assertEquals(0, frida.browser().post(Familjeratt.BASE + "/staff/notices/file", new JsonObject().put("text",
      app.clock().today().minusDays(16) + ";20050228-9861;19920704-9843")).bodyAsJsonObject().getInteger("registered"),
      "an import read twice registers nothing twice");
    HttpResponse<Buffer> malformed = frida.browser().post(Familjeratt.BASE + "/staff/notices/file",
      new JsonObject().put("text", "2026-01-01;20050228-9861\nnot a line"));
    assertEquals(400, malformed.statusCode());
    assertTrue(malformed.bodyAsString().contains("Rad 2"), malformed.bodyAsString());
    Familjeratt.round(app);

    Browser ylva = Familjeratt.resident(app, "ylva");
    JsonArray invitations = ylva.get(Familjeratt.BASE + "/bookings").bodyAsJsonObject().getJsonArray("invitations");
    assertEquals(id, invitations.getJsonObject(0).getString("notice"));
    Instant start = Familjeratt.next(app, DayOfWeek.MONDAY, "09:00").plus(Duration.ofDays(7));
    HttpResponse<Buffer> booked = Familjeratt.book(ylva, new JsonObject().put("service", "faderskap")
      .put("start", start.toString()).put("otherParent", "19920704-9843").put("risk", false).put("notice", id));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    assertEquals("booked", notice(frida, id).getString("stage"));

    // Demo Demosson does not confirm: the time is released and the follow-up goes on.
    app.clock().advance(Duration.ofHours(25));
    Familjeratt.round(app);
    assertEquals("reminded", notice(Familjeratt.secretary(app, "frida"), id).getString("stage"));
  }
}
