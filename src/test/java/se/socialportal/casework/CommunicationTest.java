package se.socialportal.casework;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The handläggare asks for komplettering and writes to the household through the e-tjänst's services")
class CommunicationTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff nils;

  @BeforeAll
  static void start() {
    app = TestApp.start("communication");
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    nils = StaffLogins.login(app, "nils.granne", "Nils Grannsson", "grannkommun", "handlaggare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("a komplettering request with a deadline reaches the household; the decision ends it")
  void komplettering() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Klara", "Kompletterasson", "none", List.of());
    String base = "/api/v1/casework/cases/" + c.applicationId();
    LocalDate today = app.clock().today();
    LocalDate due = today.plusDays(7);
    assertEquals(400, anna.browser().post(base + "/komplettering", new JsonObject().put("message", "Kontoutdrag")
      .put("dueDate", today.toString())).statusCode(), "the deadline is in the future");
    assertEquals(404, nils.browser().post(base + "/komplettering", new JsonObject().put("message", "x")
      .put("dueDate", due.toString())).statusCode());
    HttpResponse<Buffer> asked = anna.browser().post(base + "/komplettering", new JsonObject()
      .put("message", "Skicka kontoutdrag för februari.").put("dueDate", due.toString()));
    assertEquals(200, asked.statusCode(), asked.bodyAsString());
    assertEquals("komplettering_requested", fixtures.one("SELECT status FROM application WHERE id = $1",
      Tuple.of(c.applicationId())).getString("status"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM notification_outbox WHERE application_id = $1 "
      + "AND kind = 'komplettering_requested' AND person_id = $2", c.applicationId(), c.personId()));
    JsonObject view = anna.browser().get(base).bodyAsJsonObject();
    assertEquals("Skicka kontoutdrag för februari.", view.getJsonArray("kompletteringar").getJsonObject(0).getString("message"));
    assertTrue(view.getJsonArray("kompletteringar").getJsonObject(0).getString("dueAt").startsWith(due.toString()));

    HttpResponse<Buffer> rejected = anna.browser().post(base + "/reject", new JsonObject()
      .put("proposalId", c.proposalId().toString()).put("templateId", "avslag_ej_styrkt")
      .put("motivering", "Du har inte lämnat kontoutdrag för februari som vi bad om. Utan dem kan vi inte bedöma behovet."));
    assertEquals(200, rejected.statusCode(), rejected.bodyAsString());
    assertEquals("cancelled", fixtures.one("SELECT status FROM komplettering_request WHERE application_id = $1",
      Tuple.of(c.applicationId())).getString("status"), "an answer can no longer reopen the decided case");
  }

  @Test
  @DisplayName("a message from the handläggare is in the thread and the household is notified; the read is audited")
  void message() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Maja", "Meddelandesson", "none", List.of());
    String base = "/api/v1/casework/cases/" + c.applicationId();
    assertEquals(400, anna.browser().post(base + "/messages", new JsonObject().put("body", " ")).statusCode());
    assertEquals(200, anna.browser().post(base + "/messages", new JsonObject()
      .put("body", "Hej! Vi behöver veta om hyran har höjts.")).statusCode());
    fixtures.rows("INSERT INTO case_message (tenant_id, application_id, author_kind, author_person_id, body) "
      + "VALUES ('demo', $1, 'resident', $2, 'Nej, hyran är densamma.')", Tuple.of(c.applicationId(), c.personId()));
    JsonObject view = anna.browser().get(base).bodyAsJsonObject();
    assertEquals(2, view.getJsonArray("messages").size());
    assertEquals("Anna Handläggarsson", view.getJsonArray("messages").getJsonObject(0).getString("authorName"));
    assertTrue(view.getJsonArray("messages").getJsonObject(1).getBoolean("unread"));
    assertEquals(false, anna.browser().get(base).bodyAsJsonObject().getJsonArray("messages").getJsonObject(1)
      .getBoolean("unread"), "read by staff once shown");
    assertEquals(1, fixtures.count("SELECT count(*) FROM notification_outbox WHERE application_id = $1 "
      + "AND kind = 'message_from_staff'", c.applicationId()));
    assertEquals(1, fixtures.count("SELECT count(*) FROM audit_event WHERE case_id = $1 AND action = 'case.message'",
      c.applicationId()));
  }
}
