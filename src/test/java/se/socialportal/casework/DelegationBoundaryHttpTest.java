package se.socialportal.casework;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The server refuses decisions outside the delegation, says who may take them, and records nothing")
class DelegationBoundaryHttpTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff erik;
  private static StaffLogins.Staff ulf;
  private static StaffLogins.Staff greta;

  @BeforeAll
  static void start() {
    app = TestApp.start("delegationhttp");
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    erik = StaffLogins.login(app, "erik.enhetschef", "Erik Enhetschefsson", "demo", "enhetschef");
    ulf = StaffLogins.login(app, "ulf.utskott", "Ulf Utskottsson", "demo", "utskott");
    greta = StaffLogins.login(app, "greta.gruppledare", "Greta Gruppledarsson", "demo", "gruppledare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> approve(Browser browser, CaseFixtures.Case c) {
    return browser.post("/api/v1/casework/cases/" + c.applicationId() + "/approve",
      new JsonObject().put("proposalId", c.proposalId().toString()));
  }

  private static CaseFixtures.Case needOf(int kronor) {
    return fixtures.submitted("demo", "Nora", "Behovsson", "none", List.of(), kronor);
  }

  private static void refused(HttpResponse<Buffer> response, String whoMay, CaseFixtures.Case c) {
    assertEquals(403, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("delegation_required", body.getString("error"));
    assertTrue(body.getString("message").contains(whoMay), body.getString("message"));
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision WHERE application_id = $1", c.applicationId()));
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision_letter WHERE application_id = $1", c.applicationId()));
    assertEquals("submitted", fixtures.one("SELECT status FROM application WHERE id = $1", Tuple.of(c.applicationId()))
      .getString("status"));
    assertTrue(fixtures.count("SELECT count(*) FROM audit_event WHERE case_id = $1 AND action = "
      + "'case.decide_refused'", c.applicationId()) >= 1, "the refused attempt is in the audit log");
  }

  @Test
  @DisplayName("10 000 kr livsföring i övrigt: the handläggare decides")
  void tenThousand() {
    CaseFixtures.Case c = needOf(10_000);
    HttpResponse<Buffer> approved = approve(anna.browser(), c);
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    assertEquals("8.1.1a-liv", approved.bodyAsJsonObject().getJsonArray("decisions").getJsonObject(1).getString("delegation"));
  }

  @Test
  @DisplayName("10 001 kr: refused for the handläggare (enhetschef may), taken by the enhetschef")
  void tenThousandAndOne() {
    CaseFixtures.Case c = needOf(10_001);
    refused(approve(anna.browser(), c), "Enhetschef", c);
    refused(approve(greta.browser(), c), "Enhetschef", c);
    HttpResponse<Buffer> approved = approve(erik.browser(), c);
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    assertEquals("8.1.1b-liv", approved.bodyAsJsonObject().getJsonArray("decisions").getJsonObject(1).getString("delegation"));
  }

  @Test
  @DisplayName("20 000 kr: the enhetschef decides")
  void twentyThousand() {
    CaseFixtures.Case c = needOf(20_000);
    refused(approve(anna.browser(), c), "Enhetschef", c);
    assertEquals(200, approve(erik.browser(), c).statusCode());
  }

  @Test
  @DisplayName("20 001 kr: refused for the enhetschef (socialutskottet may), recorded by utskottet")
  void twentyThousandAndOne() {
    CaseFixtures.Case c = needOf(20_001);
    refused(approve(erik.browser(), c), "Socialutskottet", c);
    HttpResponse<Buffer> approved = approve(ulf.browser(), c);
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    assertEquals("8.1.1c-liv", approved.bodyAsJsonObject().getJsonArray("decisions").getJsonObject(1).getString("delegation"));
  }

  @Test
  @DisplayName("closing an investigation without action needs a gruppledare")
  void closeWithoutAction() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Ebba", "Avslutsson", "none", List.of());
    JsonObject body = new JsonObject().put("motivering", "Ansökan har inte fullföljts: inga underlag inkom trots påminnelse.");
    refused(anna.browser().post("/api/v1/casework/cases/" + c.applicationId() + "/close", body), "Gruppledare", c);
    HttpResponse<Buffer> closed = greta.browser().post("/api/v1/casework/cases/" + c.applicationId() + "/close", body);
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertEquals("avslutad", fixtures.one("SELECT outcome FROM decision WHERE application_id = $1",
      Tuple.of(c.applicationId())).getString("outcome"));
  }

  @Test
  @DisplayName("a gruppledare named deputy for the absent enhetschef takes an enhetschef decision, and it says so")
  void deputyOfAbsentEnhetschef() {
    // A gruppledare of its own: the absence lasts beyond this test, and Greta must stay a plain gruppledare.
    StaffLogins.Staff gun = StaffLogins.login(app, "gun.gruppledare", "Gun Gruppledarsson", "demo", "gruppledare");
    LocalDate today = app.clock().today();
    HttpResponse<Buffer> registered = erik.browser().post("/api/v1/casework/absences", new JsonObject()
      .put("deputyId", gun.staffId().toString()).put("from", today.minusDays(1).toString())
      .put("to", today.plusDays(1).toString()).put("reason", "Semester"));
    assertEquals(200, registered.statusCode(), registered.bodyAsString());
    CaseFixtures.Case c = needOf(15_000);
    HttpResponse<Buffer> approved = approve(gun.browser(), c);
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    var row = fixtures.one("SELECT acting_for, decided_by_title FROM decision WHERE application_id = $1 "
      + "AND type = 'livsforing_ovrigt'", Tuple.of(c.applicationId()));
    assertEquals(erik.staffId(), row.getUUID("acting_for"));
    assertTrue(row.getString("decided_by_title").contains("ställföreträdare för Erik Enhetschefsson"));
    CaseFixtures.Case above = needOf(25_000);
    refused(approve(gun.browser(), above), "Socialutskottet", above);
  }

  @Test
  @DisplayName("the absence list shows absences that ended up to 30 days ago by the server's date, not older ones")
  void absenceListFollowsTheServersDate() {
    StaffLogins.Staff hans = StaffLogins.login(app, "hans.handlaggare", "Hans Frånvarosson", "demo", "handlaggare");
    LocalDate today = app.clock().today();
    for (LocalDate end : List.of(today.minusDays(5), today.minusDays(31))) {
      HttpResponse<Buffer> registered = hans.browser().post("/api/v1/casework/absences", new JsonObject()
        .put("deputyId", anna.staffId().toString()).put("from", end.minusDays(3).toString())
        .put("to", end.toString()).put("reason", "Kurs"));
      assertEquals(200, registered.statusCode(), registered.bodyAsString());
    }
    List<String> listed = hans.browser().get("/api/v1/casework/absences").bodyAsJsonObject().getJsonArray("absences")
      .stream().map(JsonObject.class::cast).filter(absence -> absence.getString("absent").equals("Hans Frånvarosson"))
      .map(absence -> absence.getString("to")).toList();
    assertEquals(List.of(today.minusDays(5).toString()), listed);
  }

  @Test
  @DisplayName("roles without a delegation (attestant, familjerätt, admin) cannot decide or even see the case")
  void noDelegationRoles() {
    CaseFixtures.Case c = needOf(100);
    for (String[] who : new String[][] {{"alva.attestant", "attestant"}, {"frida.familjeratt", "familjerattssekreterare"},
        {"ada.admin", "admin"}}) {
      Browser browser = StaffLogins.login(app, who[0], who[0], "demo", who[1]).browser();
      assertEquals(404, approve(browser, c).statusCode());
      assertEquals(404, browser.get("/api/v1/casework/cases/" + c.applicationId()).statusCode());
    }
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision WHERE application_id = $1", c.applicationId()));
  }
}
