package se.socialportal.letters.print;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.casework.CaseFixtures;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The demo shows the print queue: Pelle's paper application, once decided, goes into the day's batch")
class DemoPrintQueueTest {

  private static TestApp app;
  private static CaseFixtures fixtures;

  @BeforeAll
  static void start() {
    app = TestApp.start("demoprintqueue");
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("the demo's paper application is decided → its letter waits for print → the batch addresses it from the simulator")
  void pelle() {
    Row pelle = fixtures.one("SELECT a.id, a.channel, b.id AS proposal FROM application a JOIN person p "
      + "ON p.id = a.applicant_id JOIN beslutsforslag b ON b.application_id = a.id WHERE p.personnummer = $1",
      Tuple.of("198611219810"));
    assertEquals("paper", pelle.getString("channel"));
    StaffLogins.Staff anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    var approved = anna.browser().post("/api/v1/casework/cases/" + pelle.getUUID("id") + "/approve",
      new JsonObject().put("proposalId", pelle.getUUID("proposal").toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());

    StaffLogins.Staff ada = StaffLogins.login(app, "ada.admin", "Ada Administratörsson", "demo", "admin");
    JsonObject overview = ada.browser().get("/api/v1/print/batches").bodyAsJsonObject();
    assertEquals("simulator", overview.getJsonObject("addressSource").getString("name"));
    assertEquals(1, overview.getJsonArray("waiting").size());
    var made = ada.browser().post("/api/v1/print/batches", new JsonObject());
    assertEquals(201, made.statusCode(), made.bodyAsString());
    String batch = made.bodyAsJsonObject().getJsonObject("batch").getString("id");
    String text = PdfText.of(ada.browser().get("/api/v1/print/batches/" + batch + "/pdf").body().getBytes());
    assertTrue(text.contains("Pelle Pappersson") && text.contains("Pappersbruksgatan 5"), text);
  }
}
