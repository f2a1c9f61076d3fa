package se.socialportal.familjeratt;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ContractAnswers;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract tells the truth about familjerätt: hours published, times found, a one-parent and a two-parent
 * booking (confirmed by the other parent with BankID), a move and a cancellation, the staff's calendar, bookings,
 * meetings and notifications – every answer, success or error, one the contract documents, in its schema.
 */
@DisplayName("Every answer while booking familjerätt is one the contract documents, in its schema")
class FamiljerattAnswersTest {

  private static final String BASE = Familjeratt.BASE;

  private static TestApp app;
  private static ContractAnswers answers;
  private static StaffLogins.Staff frida;

  @BeforeAll
  static void start() {
    app = Familjeratt.start("franswers", new JsonObject());
    answers = new ContractAnswers(app);
    frida = Familjeratt.secretary(app, "frida.answers");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> check(String operationId, HttpResponse<Buffer> response) {
    return answers.check(operationId, response);
  }

  @Test
  @DisplayName("residents book, confirm, move and cancel; staff run the calendar, bookings and notifications")
  void walk() {
    Browser staff = frida.browser();
    LocalDate today = app.clock().today();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.getValue() <= 5) {
        check("familjerattAddSchedule", staff.post(BASE + "/staff/schedules", new JsonObject().put("unit", "Familjerätten")
          .put("office", "Familjerätten, Storgatan 1").put("weekday", day.getValue()).put("start", "09:00")
          .put("end", "12:00").put("validFrom", today.toString())));
      }
    }
    check("familjerattAddSchedule", staff.post(BASE + "/staff/schedules", new JsonObject().put("weekday", 9)));
    String extra = check("familjerattAddSchedule", staff.post(BASE + "/staff/schedules", new JsonObject()
      .put("unit", "Familjerätten").put("office", "Storgatan 1").put("weekday", 6).put("start", "10:00")
      .put("end", "11:00"))).bodyAsJsonObject().getString("id");
    check("familjerattRemoveSchedule", send(staff, "DELETE", BASE + "/staff/schedules/" + extra));
    check("familjerattRemoveSchedule", send(staff, "DELETE", BASE + "/staff/schedules/" + UUID.randomUUID()));
    check("familjerattAddClosure", staff.post(BASE + "/staff/closures", new JsonObject()
      .put("from", today.plusDays(30).toString()).put("to", today.plusDays(30).toString()).put("reason", "holiday")));
    check("familjerattAddClosure", staff.post(BASE + "/staff/closures", new JsonObject().put("reason", "vacation")));
    check("familjerattStaffServices", staff.get(BASE + "/staff/services"));

    Browser tolvan = Familjeratt.resident(app, "tolvan");
    check("familjerattServices", tolvan.get(BASE + "/services"));
    check("familjerattTimes", tolvan.get(BASE + "/times?service=informationssamtal"));
    check("familjerattTimes", tolvan.get(BASE + "/times?service=nothing"));
    check("familjerattBookings", tolvan.get(BASE + "/bookings"));
    Instant monday = Familjeratt.next(app, DayOfWeek.MONDAY, "09:00");
    HttpResponse<Buffer> booked = check("familjerattBook", Familjeratt.book(tolvan, new JsonObject()
      .put("service", "informationssamtal").put("start", monday.toString()).put("place", "office")
      .put("email", "tolvan@example.se")));
    assertEquals(201, booked.statusCode(), booked.bodyAsString());
    String one = booked.bodyAsJsonObject().getString("id");
    check("familjerattBook", Familjeratt.book(tolvan, new JsonObject().put("service", "informationssamtal")
      .put("start", monday.toString()).put("place", "office")));
    check("familjerattBook", Familjeratt.book(tolvan, new JsonObject().put("service", "samarbetssamtal")
      .put("start", "soon").put("otherParent", "x")));
    check("familjerattBooking", tolvan.get(BASE + "/bookings/" + one));
    check("familjerattCalendarFile", tolvan.get(BASE + "/bookings/" + one + "/calendar.ics"));
    check("familjerattMove", tolvan.post(BASE + "/bookings/" + one + "/move", new JsonObject()
      .put("start", Familjeratt.next(app, DayOfWeek.TUESDAY, "10:00").toString())));
    check("familjerattMove", tolvan.post(BASE + "/bookings/" + one + "/move", new JsonObject().put("start", 5)));
    check("familjerattDocument", tolvan.get(BASE + "/bookings/" + one + "/documents/" + UUID.randomUUID()));
    check("familjerattDecline", tolvan.post(BASE + "/bookings/" + one + "/decline", new JsonObject()));

    HttpResponse<Buffer> joint = check("familjerattBook", Familjeratt.book(tolvan, new JsonObject()
      .put("service", "samarbetssamtal").put("start", Familjeratt.next(app, DayOfWeek.WEDNESDAY, "09:00").toString())
      .put("otherParent", "19800101-9804").put("risk", false).put("place", "office")));
    assertEquals(201, joint.statusCode(), joint.bodyAsString());
    String two = joint.bodyAsJsonObject().getString("id");
    Browser testa = Familjeratt.resident(app, "testa");
    check("familjerattBookings", testa.get(BASE + "/bookings"));
    check("familjerattPrepareConfirmation", testa.post(BASE + "/bookings/" + two + "/confirm",
      new JsonObject().put("email", "testa@example.se")));
    check("familjerattConfirmSign", testa.post(BASE + "/bookings/" + two + "/confirm/sign?device=same",
      new JsonObject()));
    check("familjerattPrepareConfirmation", testa.post(BASE + "/bookings/" + two + "/confirm",
      new JsonObject().put("email", "not an address")));

    check("familjerattStaffCalendar", staff.get(BASE + "/staff/calendar?days=14"));
    check("familjerattStaffCalendar", staff.get(BASE + "/staff/calendar?days=99"));
    check("familjerattStaffBooking", staff.get(BASE + "/staff/bookings/" + two));
    JsonObject seen = check("familjerattStaffBooking", staff.get(BASE + "/staff/bookings/" + one)).bodyAsJsonObject();
    String meeting = seen.getJsonArray("meetings").getJsonObject(0).getString("id");
    check("familjerattInterpreter", staff.post(BASE + "/staff/meetings/" + meeting + "/interpreter",
      new JsonObject().put("language", "arabiska")));
    check("familjerattInterpreter", staff.post(BASE + "/staff/meetings/" + meeting + "/interpreter",
      new JsonObject().put("language", "x")));
    check("familjerattAttendance", staff.post(BASE + "/staff/meetings/" + meeting + "/attendance",
      new JsonObject().put("outcome", "attended")));
    check("familjerattAttendance", staff.post(BASE + "/staff/meetings/" + meeting + "/attendance",
      new JsonObject().put("outcome", "maybe")));
    check("familjerattIntyg", staff.post(BASE + "/staff/bookings/" + one + "/intyg", new JsonObject()));
    check("familjerattSeparate", staff.post(BASE + "/staff/bookings/" + two + "/separate", new JsonObject()));
    check("familjerattSeparate", staff.post(BASE + "/staff/bookings/" + one + "/separate", new JsonObject()));
    check("familjerattAddMeeting", staff.post(BASE + "/staff/bookings/" + two + "/meetings", new JsonObject()
      .put("start", Familjeratt.next(app, DayOfWeek.THURSDAY, "09:00").toString()).put("party", "booker")
      .put("kind", "individual")));
    check("familjerattAddMeeting", staff.post(BASE + "/staff/bookings/" + two + "/meetings", new JsonObject()
      .put("start", "later").put("party", "nobody")));
    HttpResponse<Buffer> phoned = check("familjerattStaffBook", staff.post(BASE + "/staff/bookings", new JsonObject()
      .put("service", "radgivning").put("start", Familjeratt.next(app, DayOfWeek.FRIDAY, "09:00").toString())
      .put("booker", "19121212-1212").put("place", "office")));
    check("familjerattStaffBook", staff.post(BASE + "/staff/bookings", new JsonObject().put("service", "radgivning")
      .put("start", "x").put("booker", "x")));
    check("familjerattStaffCancel", staff.post(BASE + "/staff/bookings/" + two + "/cancel",
      new JsonObject().put("reason", "Handläggaren är sjuk.")));
    check("familjerattStaffCancel", staff.post(BASE + "/staff/bookings/" + two + "/cancel", new JsonObject()));
    check("familjerattCancel", tolvan.post(BASE + "/bookings/" + one + "/cancel", new JsonObject()));
    check("familjerattCancel", tolvan.post(BASE + "/bookings/" + one + "/cancel", new JsonObject()));

    HttpResponse<Buffer> notice = check("familjerattRegisterNotice", staff.post(BASE + "/staff/notices", new JsonObject()
      .put("childBirthDate", today.minusDays(20).toString()).put("birthParent", "19800101-9804")
      .put("otherParent", "19121212-1212")));
    check("familjerattRegisterNotice", staff.post(BASE + "/staff/notices", new JsonObject()
      .put("childBirthDate", today.minusDays(20).toString()).put("birthParent", "19800101-9804")));
    check("familjerattImportNotices", staff.post(BASE + "/staff/notices/file", new JsonObject()
      .put("text", "# Skatteverket\n" + today.minusDays(25) + ";19850315-9827;\n")));
    check("familjerattImportNotices", staff.post(BASE + "/staff/notices/file", new JsonObject().put("text", "nonsense")));
    check("familjerattNotices", staff.get(BASE + "/staff/notices"));
    if (notice.statusCode() == 201) {
      check("familjerattCloseNotice", staff.post(BASE + "/staff/notices/" + notice.bodyAsJsonObject().getString("id")
        + "/close", new JsonObject()));
    }
    check("familjerattStaffDocument", staff.get(BASE + "/staff/documents/" + UUID.randomUUID()));
    check("familjerattStaffServices", tolvan.get(BASE + "/staff/services"));

    assertEquals(201, phoned.statusCode(), phoned.bodyAsString());
    assertTrue(answers.checked() >= 50, "answers checked: " + answers.checked());
    assertEquals("", answers.problems(), "answers the contract does not describe");
  }

  private static HttpResponse<Buffer> send(Browser browser, String method, String path) {
    try {
      return browser.client().request(io.vertx.core.http.HttpMethod.valueOf(method), app.port(), "127.0.0.1", path)
        .putHeader("X-CSRF-Token", frida.browser().get("/api/v1/staff/session").bodyAsJsonObject()
          .getString("csrfToken"))
        .send().await(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
