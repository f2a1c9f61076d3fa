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
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A handläggare acknowledges the warnings, approves the proposal, and the letter reaches the resident")
class DecisionFlowTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static Path outbox;

  @BeforeAll
  static void start() throws IOException {
    outbox = Files.createTempDirectory("letter-outbox");
    app = TestApp.start("decisionflow", new JsonObject().put("LETTER_OUTBOX_DIR", outbox.toString()));
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static StaffLogins.Staff anna() {
    return StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
  }

  @Test
  @DisplayName("approval is refused until every warning is acknowledged, then decides, publishes and expedites the letter")
  void approveAfterAcknowledgingWarnings() throws Exception {
    CaseFixtures.Case c = fixtures.submitted("demo", "Karin", "Kvittosson", "none",
      List.of("INCOME_CHANGE", "NEW_EXPENSE"));
    Browser anna = anna().browser();
    String base = "/api/v1/casework/cases/" + c.applicationId();
    JsonObject approve = new JsonObject().put("proposalId", c.proposalId().toString());

    HttpResponse<Buffer> blocked = anna.post(base + "/approve", approve);
    assertEquals(409, blocked.statusCode());
    assertEquals("warnings_unacknowledged", blocked.bodyAsJsonObject().getString("error"));
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision WHERE application_id = $1", c.applicationId()));

    assertEquals(200, anna.post(base + "/warnings/" + c.warningIds().get(0) + "/acknowledge", null).statusCode());
    assertEquals(409, anna.post(base + "/approve", approve).statusCode(), "one warning is still open");
    assertEquals(200, anna.post(base + "/warnings/" + c.warningIds().get(1) + "/acknowledge", null).statusCode());

    HttpResponse<Buffer> approved = anna.post(base + "/approve", approve);
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    JsonObject result = approved.bodyAsJsonObject();
    assertEquals("bifall", result.getJsonArray("decisions").getJsonObject(0).getString("outcome"));
    assertEquals("7520", result.getJsonArray("decisions").getJsonObject(0).getString("amount"));
    assertEquals("8.1.1", result.getJsonArray("decisions").getJsonObject(0).getString("delegation"));

    var decision = fixtures.one("SELECT decided_by_name, decided_by_title, delegation_version, delegation_row, "
      + "delegation_source, delegation_valid, type FROM decision WHERE application_id = $1", Tuple.of(c.applicationId()));
    assertEquals("Anna Handläggarsson", decision.getString("decided_by_name"));
    assertEquals("Handläggare", decision.getString("decided_by_title"));
    assertEquals("demo-delegation-2024.1", decision.getString("delegation_version"));
    assertTrue(decision.getString("delegation_source").contains("8.1.1"));
    assertTrue(decision.getBoolean("delegation_valid"));
    assertEquals("decided", fixtures.one("SELECT status FROM application WHERE id = $1",
      Tuple.of(c.applicationId())).getString("status"));
    assertEquals("decided", fixtures.one("SELECT status FROM beslutsforslag WHERE id = $1",
      Tuple.of(c.proposalId())).getString("status"));

    String letterId = result.getString("letterId");
    byte[] pdf = anna.get("/api/v1/casework/letters/" + letterId + "/pdf").body().getBytes();
    String text = text(pdf);
    assertTrue(text.contains("Bifall"), text);
    assertTrue(text.contains("7 520 kr"), text);
    assertTrue(text.contains("Hyra"), text);
    assertTrue(text.contains("Motivering"), text);
    assertTrue(text.contains("12 kap. 1 § socialtjänstlagen"), text);
    assertTrue(text.contains("Anna Handläggarsson"), text);
    assertTrue(text.contains("Delegationsordning 8.1.1"), text);
    assertTrue(text.contains("förvaltningsrätten") && text.contains("tre veckor"), text);
    assertTrue(text.contains("Kontakt"), text);
    assertFalse(text.contains("19900101"), "no personnummer in the letter");

    // The digital mailbox got it under the letter's id (no personnummer, no name in the file name).
    assertTrue(Files.exists(outbox.resolve(letterId + ".json")) && Files.exists(outbox.resolve(letterId + ".pdf")));
    try (Stream<Path> files = Files.list(outbox)) {
      files.forEach(file -> assertTrue(file.getFileName().toString().startsWith(letterId)
        || !file.getFileName().toString().contains("1990"), file.toString()));
    }
    assertEquals("handed_over", fixtures.one("SELECT mailbox_status FROM decision_letter WHERE id = $1",
      Tuple.of(UUID.fromString(letterId))).getString("mailbox_status"));
  }

  @Test
  @DisplayName("the resident sees the letter on Mina sidor and can open it; another resident cannot")
  void residentReadsTheLetter() throws Exception {
    Browser resident = new Browser(app);
    ResidentLogins.login(resident, "testa");
    UUID testa = fixtures.one("SELECT id FROM person WHERE personnummer = '198001019804'", Tuple.tuple()).getUUID("id");
    UUID application = fixtures.one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, "
      + "content, submitted_at) VALUES ('demo', '2026-02-01', 'reapplication', 'digital', 'submitted', $1, '{}', $2) "
      + "RETURNING id", Tuple.of(testa, fixtures.now())).getUUID("id");
    UUID proposal = fixtures.one("INSERT INTO beslutsforslag (tenant_id, application_id, application_version, outcome, "
      + "amount, calculation, rule_versions, motivering) VALUES ('demo', $1, 1, 'bifall', 5220, $2, '{}', $3) RETURNING id",
      Tuple.of(application, new JsonObject().put("lines", new io.vertx.core.json.JsonArray()
        .add(CaseFixtures.line("riksnorm", "single", "Personliga kostnader", 3940))
        .add(CaseFixtures.line("riksnorm", "common", "Hushållsgemensamma kostnader", 1280))),
        "Du har rätt till försörjningsstöd enligt riksnormen.")).getUUID("id");
    HttpResponse<Buffer> approved = anna().browser().post("/api/v1/casework/cases/" + application + "/approve",
      new JsonObject().put("proposalId", proposal.toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    String letterId = approved.bodyAsJsonObject().getString("letterId");

    // Mina sidor (bistånd's case page) lists the decision and the letter and serves the PDF.
    JsonObject caseView = resident.get("/api/v1/cases/" + application).bodyAsJsonObject();
    assertEquals("bifall", caseView.getJsonArray("decisions").getJsonObject(0).getString("outcome"));
    assertEquals(letterId, caseView.getJsonArray("letters").getJsonObject(0).getString("id"));
    HttpResponse<Buffer> pdf = resident.get("/api/v1/cases/" + application + "/letters/" + letterId);
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.getHeader("Content-Type"));
    assertFalse(pdf.getHeader("Content-Disposition").matches(".*[0-9]{12}.*"), "no personnummer in the file name");
    assertTrue(text(pdf.body().getBytes()).contains("5 220 kr"));

    Browser other = new Browser(app);
    ResidentLogins.login(other, "tolvan");
    assertEquals(404, other.get("/api/v1/cases/" + application + "/letters/" + letterId).statusCode());
  }

  @Test
  @DisplayName("a rejection needs a completed template motivering and records an avslag with its legal basis")
  void rejectWithTemplate() throws Exception {
    CaseFixtures.Case c = fixtures.submitted("demo", "Rut", "Avslagsson", "none", List.of("INCOME_CHANGE"));
    Browser anna = anna().browser();
    String base = "/api/v1/casework/cases/" + c.applicationId();
    JsonObject body = new JsonObject().put("proposalId", c.proposalId().toString()).put("templateId", "avslag_tillgangar")
      .put("motivering", "Du har [tillgång] som du kan använda.");
    HttpResponse<Buffer> unfinished = anna.post(base + "/reject", body);
    assertEquals(400, unfinished.statusCode());
    assertEquals("motivering_placeholder", unfinished.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));
    HttpResponse<Buffer> rejected = anna.post(base + "/reject", body.put("motivering",
      "Du har 40 000 kr på ditt sparkonto som du kan använda för din försörjning under mars."));
    assertEquals(200, rejected.statusCode(), rejected.bodyAsString());
    var decision = fixtures.one("SELECT outcome, amount, reason_code, legal_basis FROM decision WHERE application_id = $1",
      Tuple.of(c.applicationId()));
    assertEquals("avslag", decision.getString("outcome"));
    assertEquals(0, decision.getBigDecimal("amount").signum());
    assertEquals("avslag_tillgangar", decision.getString("reason_code"));
    String text = text(anna.get("/api/v1/casework/letters/" + rejected.bodyAsJsonObject().getString("letterId") + "/pdf")
      .body().getBytes());
    assertTrue(text.contains("Avslag") && text.contains("40 000 kr på ditt sparkonto"), text);
  }

  @Test
  @DisplayName("an adjusted line needs a reason and changes the decided amount; the proposal's figures stay as they were")
  void adjustmentRecomputes() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Jon", "Justerasson", "none", List.of());
    Browser anna = anna().browser();
    String base = "/api/v1/casework/cases/" + c.applicationId();
    assertEquals(400, anna.post(base + "/adjustments", new JsonObject().put("lineKey", "cost:rent").put("amount", 6000))
      .statusCode(), "a reason is required");
    assertEquals(200, anna.post(base + "/adjustments", new JsonObject().put("lineKey", "cost:rent").put("amount", 6000)
      .put("reason", "Hyran över skälig nivå för en person (kommunens riktlinje 6 000 kr).")).statusCode());
    JsonObject view = anna.get(base).bodyAsJsonObject();
    assertEquals("7020", view.getJsonObject("proposal").getJsonObject("calculation").getJsonObject("totals")
      .getString("forsorjningsstod"));
    HttpResponse<Buffer> noReason = anna.post(base + "/approve", new JsonObject().put("proposalId", c.proposalId().toString()));
    assertEquals(400, noReason.statusCode(), "a reduced grant needs a motivering");
    HttpResponse<Buffer> approved = anna.post(base + "/approve", new JsonObject().put("proposalId", c.proposalId().toString())
      .put("motivering", "Hyran 6 500 kr är högre än skäligt för en person; vi har räknat med 6 000 kr."));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    JsonObject decision = approved.bodyAsJsonObject().getJsonArray("decisions").getJsonObject(0);
    assertEquals("delvis_bifall", decision.getString("outcome"));
    assertEquals("7020", decision.getString("amount"));
    assertEquals(7520, fixtures.one("SELECT amount FROM beslutsforslag WHERE id = $1", Tuple.of(c.proposalId()))
      .getBigDecimal("amount").intValue());
  }

  static String text(byte[] pdf) {
    return se.socialportal.testing.PdfText.of(pdf);
  }
}
