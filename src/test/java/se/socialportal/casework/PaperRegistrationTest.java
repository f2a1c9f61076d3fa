package se.socialportal.casework;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A handläggare registers a paper or assisted application: same validation and pipeline, channel recorded")
class PaperRegistrationTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;

  @BeforeAll
  static void start() {
    app = TestApp.start("paperregistration");
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject content() {
    return new JsonObject()
      .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate", "1975-08-20"))
        .put("coApplicant", null).put("children", new JsonArray()).put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "rental").put("rent", 6200).put("householdElectricity", 300))
      .put("incomes", new JsonArray()).put("costs", new JsonObject()).put("assets", new JsonArray())
      .put("needs", new JsonArray()).put("declaration", true);
  }

  private static JsonObject registration(String personnummer, String channel) {
    return new JsonObject().put("channel", channel)
      .put("month", app.clock().thisMonth().toString())
      .put("applicant", new JsonObject().put("personnummer", personnummer).put("givenName", "Pia")
        .put("surname", "Pappersson"))
      .put("content", content());
  }

  @Test
  @DisplayName("an applicant under 18 is refused with what to do instead; nothing is stored")
  void applicantUnder18() {
    long before = fixtures.count("SELECT count(*) FROM application");
    // Born in the month applied for, 17 years earlier: turns 18 the month after.
    YearMonth month = YearMonth.parse(registration("197508209801", "paper").getString("month"));
    String nine = String.format("%02d%02d15982", (month.getYear() - 17) % 100, month.getMonthValue()).substring(0, 9);
    String minor = (month.getYear() - 17) / 100 + nine + se.socialportal.identity.Personnummer.checkDigit(nine);
    HttpResponse<Buffer> refused = anna.browser().post("/api/v1/casework/registrations", registration(minor, "paper"));
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonObject field = refused.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    assertEquals("applicant.personnummer", field.getString("field"));
    assertEquals("under_18", field.getString("error"));
    assertTrue(field.getString("message").contains("vårdnadshavare"), field.getString("message"));
    assertEquals(before, fixtures.count("SELECT count(*) FROM application"));
  }

  @Test
  @DisplayName("a paper application is submitted with its robot job, channel and registering handläggare")
  void paper() {
    HttpResponse<Buffer> registered = anna.browser().post("/api/v1/casework/registrations",
      registration("197508209801", "paper"));
    assertEquals(200, registered.statusCode(), registered.bodyAsString());
    UUID id = UUID.fromString(registered.bodyAsJsonObject().getString("applicationId"));
    var row = fixtures.one("SELECT channel, status, registered_by_staff, kind FROM application WHERE id = $1", Tuple.of(id));
    assertEquals("paper", row.getString("channel"));
    assertEquals("submitted", row.getString("status"));
    assertEquals(anna.staffId(), row.getUUID("registered_by_staff"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM robot_job WHERE application_id = $1", id),
      "the same pipeline: the robot gets its job");
    assertEquals(1, fixtures.count("SELECT count(*) FROM application_event WHERE application_id = $1 AND type = "
      + "'submitted' AND actor_kind = 'staff' AND actor_staff_id = $2", id, anna.staffId()));
    assertEquals(1, fixtures.count("SELECT count(*) FROM audit_event WHERE case_id = $1 AND action = 'case.register'", id));
    assertFalse(registered.bodyAsString().contains("197508209801"), "the answer does not echo the personnummer");
    HttpResponse<Buffer> again = anna.browser().post("/api/v1/casework/registrations",
      registration("197508209801", "assisted"));
    assertEquals(409, again.statusCode(), "one application per household and month, whatever the channel");
  }

  @Test
  @DisplayName("the e-tjänst's validation applies: an incomplete application and a wrong personnummer are refused")
  void sameValidation() {
    JsonObject incomplete = registration("196512249811", "assisted");
    incomplete.getJsonObject("content").remove("declaration");
    HttpResponse<Buffer> refused = anna.browser().post("/api/v1/casework/registrations", incomplete);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("declaration"), refused.bodyAsString());
    HttpResponse<Buffer> badNumber = anna.browser().post("/api/v1/casework/registrations",
      registration("196512249818", "assisted"));
    assertEquals(400, badNumber.statusCode());
    assertEquals("applicant.personnummer", badNumber.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("field"));
    assertFalse(badNumber.bodyAsString().contains("196512249818"), "no personnummer in an error message");
    assertEquals(400, anna.browser().post("/api/v1/casework/registrations", registration("196512249811", "fax"))
      .statusCode());
  }
}
