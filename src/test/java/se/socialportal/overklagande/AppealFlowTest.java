package se.socialportal.overklagande;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Appeals: written and signed on Mina sidor, dated on arrival, checked against FL 44 §, forwarded with the case's documents")
class AppealFlowTest {

  private static TestApp app;
  private static AppealHarness harness;
  private static Path court;

  @BeforeAll
  static void start() throws IOException {
    court = Files.createTempDirectory("court-outbox");
    app = TestApp.start("appeal", new JsonObject().put("APPEAL_COURT_OUTBOX_DIR", court.toString())
      .put("LETTER_OUTBOX_DIR", Files.createTempDirectory("letters").toString()));
    harness = new AppealHarness(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A letter that went by post reached the resident no earlier than it was posted (lag 1930:173 then moves the day). */
  @Test
  @Order(2)
  @DisplayName("a decision letter sent by post: the three weeks count from the day it was posted, not the day it was written")
  void postedLetterCountsFromPosting() {
    AppealHarness.Resident testa = harness.login("testa");
    AppealHarness.Decided decided = harness.decidedCase(testa.personId(), "2026-02");
    LocalDate posted = app.clock().today().plusDays(5);
    harness.one("UPDATE decision_letter SET mailbox_status = 'posted', mailbox_at = $2 WHERE id = $1 RETURNING id",
      Tuple.of(decided.letterId(), posted.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Stockholm"))
        .toOffsetDateTime()));
    JsonObject offered = find(testa.browser().get("/api/v1/overklaganden").bodyAsJsonObject()
      .getJsonArray("decisions"), decided.decisionId());
    assertEquals(AppealDeadlines.deadline(posted).toString(), offered.getString("deadline"), offered.encode());
  }

  /** First, on the server's fixed start (Wednesday 15 April 2026): the deadline is Wednesday 6 May, a working day. */
  @Test
  @Order(1)
  @DisplayName("an appeal signed 22 days after the decision reached the resident is received, flagged late, and forwarded as one PDF")
  void lateAppealIsReceivedFlaggedAndForwarded() throws IOException {
    AppealHarness.Resident first = harness.login("tolvan");
    AppealHarness.Decided decided = harness.decidedCase(first.personId(), "2026-03");
    LocalDate delivered = app.clock().today();
    assertEquals(LocalDate.of(2026, 4, 15), delivered);
    app.clock().advance(Duration.ofDays(22));
    AppealHarness.Resident tolvan = harness.login("tolvan");

    JsonObject overview = tolvan.browser().get("/api/v1/overklaganden").bodyAsJsonObject();
    JsonObject offered = overview.getJsonArray("decisions").getJsonObject(0);
    assertEquals(decided.decisionId().toString(), offered.getString("id"));
    assertEquals("2026-05-06", offered.getString("deadline"));
    assertTrue(offered.getBoolean("lateIfSentToday"), "the page warns, but does not refuse");

    UUID appeal = harness.appealAndSign(tolvan, decided.decisionId(), "Jag vill få bistånd till tandvård, 4 000 kr.",
      "Tandläkaren säger att behandlingen inte kan vänta.", "Intyg från tandläkaren");

    JsonObject mine = tolvan.browser().get("/api/v1/overklaganden/" + appeal).bodyAsJsonObject();
    assertEquals("received", mine.getString("status"));
    assertTrue(mine.getBoolean("late"), mine.encode());
    assertEquals(app.clock().today().toString(), mine.getString("receivedAt").substring(0, 10));
    assertEquals(app.clock().today().plusDays(7).toString(), mine.getString("forwardBy"), "the tenant's target");
    assertEquals(1, mine.getJsonArray("attachments").size());

    StaffLogins.Staff anna = AppealHarness.anna(app);
    JsonArray list = anna.browser().get("/api/v1/overklagande-arenden").bodyAsJsonObject().getJsonArray("appeals");
    JsonObject row = find(list, appeal);
    assertTrue(row.getBoolean("late"));
    assertEquals("2026-05-06", row.getString("deadline"));
    assertEquals("Tolvan Tolvansson", row.getString("household"));

    HttpResponse<Buffer> forwarded = anna.browser().post("/api/v1/overklagande-arenden/" + appeal + "/forward",
      new JsonObject());
    assertEquals(200, forwarded.statusCode(), forwarded.bodyAsString());
    assertEquals("forwarded", forwarded.bodyAsJsonObject().getString("status"));

    byte[] bundle = Files.readAllBytes(court.resolve(appeal + ".pdf"));
    String text = PdfText.of(bundle);
    assertTrue(text.contains("Överklagande till förvaltningsrätten"), text);
    assertTrue(text.contains("kom in för sent"), "the cover carries the FL 44 § check");
    assertTrue(text.contains("Jag vill få bistånd till tandvård"), "the appeal as signed");
    assertTrue(text.contains("Hur du överklagar"), "the decision letter");
    assertTrue(text.replaceAll("\\s+", " ").contains("öppna beslutet och välj Överklaga beslutet"),
      "the letter's appeal text points to the e-service");
    assertTrue(text.contains("Ansökan om ekonomiskt bistånd"), "the application");
    assertTrue(text.contains("Intyg från tandläkaren"), "the attachment");
    assertFalse(text.matches("(?s).*19121212-?1212.*"), "no personnummer in the bundle");
    JsonObject meta = new JsonObject(Buffer.buffer(Files.readAllBytes(court.resolve(appeal + ".json"))));
    assertTrue(meta.getBoolean("late"));
    assertEquals(forwarded.bodyAsJsonObject().getString("bundleSha256"), harness.one(
      "SELECT bundle_sha256 FROM overklagande WHERE id = $1", Tuple.of(appeal)).getString(0));

    assertEquals("forwarded", tolvan.browser().get("/api/v1/overklaganden/" + appeal).bodyAsJsonObject()
      .getString("status"), "the resident follows the status");
    assertEquals(409, anna.browser().post("/api/v1/overklagande-arenden/" + appeal + "/forward", new JsonObject())
      .statusCode(), "forwarded once");
    assertTrue(harness.count("SELECT count(*) FROM audit_event WHERE action = 'overklagande.read' AND actor_kind = "
      + "'resident' AND case_id = $1", decided.applicationId()) >= 1);
    assertTrue(harness.count("SELECT count(*) FROM audit_event WHERE action = 'overklagande.list' AND actor_kind = "
      + "'staff' AND case_id = $1", decided.applicationId()) >= 1);
    assertEquals(1, harness.count("SELECT count(*) FROM audit_event WHERE action = 'overklagande.forward' AND case_id = $1",
      decided.applicationId()));
  }

  @Test
  @DisplayName("an appeal signed within the three weeks is received in time")
  void appealInTime() {
    AppealHarness.Resident first = harness.login("testa");
    AppealHarness.Decided decided = harness.decidedCase(first.personId(), "2026-02");
    app.clock().advance(Duration.ofDays(10));
    AppealHarness.Resident testa = harness.login("testa");

    HttpResponse<Buffer> started = testa.browser().post("/api/v1/overklaganden",
      new JsonObject().put("decisionId", decided.decisionId().toString()));
    String id = started.bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> incomplete = testa.browser().post("/api/v1/overklaganden/" + id + "/sign?device=same",
      new JsonObject());
    assertEquals(400, incomplete.statusCode(), "what to change and why are asked for before signing");
    assertEquals(2, incomplete.bodyAsJsonObject().getJsonArray("fields").size());

    UUID appeal = harness.appealAndSign(testa, decided.decisionId(), "Bifall med 1 000 kr mer.",
      "Min hyra är högre än beslutet räknar med.", null);
    JsonObject mine = testa.browser().get("/api/v1/overklaganden/" + appeal).bodyAsJsonObject();
    assertEquals("received", mine.getString("status"));
    assertFalse(mine.getBoolean("late"));
    assertEquals(409, testa.put("/api/v1/overklaganden/" + appeal, new JsonObject().put("reasons", "ändrat"))
      .statusCode(), "a signed appeal cannot be changed");
  }

  @Test
  @DisplayName("omprövning: the nämnd changes its decision as asked through the decision path, and the appeal lapses")
  void omprovningAsRequested() {
    AppealHarness.Resident first = harness.login("demo");
    AppealHarness.Decided decided = harness.decidedCase(first.personId(), "2026-01");
    AppealHarness.Resident demo = harness.login("demo");
    UUID appeal = harness.appealAndSign(demo, decided.decisionId(), "Bifall med 6 000 kr.",
      "Jag har fått en högre elräkning.", null);

    Browser anna = AppealHarness.anna(app).browser();
    String base = "/api/v1/overklagande-arenden/" + appeal;
    HttpResponse<Buffer> unfinished = anna.post(base + "/omprovning", new JsonObject().put("outcome", "bifall")
      .put("amount", 6000).put("asRequested", true));
    assertEquals(400, unfinished.statusCode(), "a motivering is required");
    HttpResponse<Buffer> changed = anna.post(base + "/omprovning", new JsonObject().put("outcome", "bifall")
      .put("amount", 6000).put("asRequested", true)
      .put("motivering", "Elkostnaden är styrkt med faktura och ryms i skälig nivå."));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    JsonObject result = changed.bodyAsJsonObject();
    assertEquals("lapsed", result.getString("appealStatus"));

    UUID newDecision = UUID.fromString(result.getString("decisionId"));
    var row = harness.one("SELECT original_decision_id, amount, delegation_valid, legal_basis::text FROM decision "
      + "WHERE id = $1", Tuple.of(newDecision));
    assertEquals(decided.decisionId(), row.getUUID(0));
    assertEquals(0, row.getBigDecimal(1).compareTo(java.math.BigDecimal.valueOf(6000)));
    assertTrue(row.getBoolean(2));
    assertTrue(row.getString(3).contains("37 § förvaltningslagen"));
    assertEquals(1, harness.count("SELECT count(*) FROM decision_letter_decision WHERE decision_id = $1", newDecision),
      "the new decision has its own letter");
    assertEquals("lapsed", demo.browser().get("/api/v1/overklaganden/" + appeal).bodyAsJsonObject().getString("status"));
    assertEquals(409, anna.post(base + "/forward", new JsonObject()).statusCode(), "a lapsed appeal is not forwarded");
  }

  @Test
  @DisplayName("residents see only their own appeals and decisions; staff only their tenant's")
  void isolation() {
    AppealHarness.Resident first = harness.login("ylva");
    AppealHarness.Decided decided = harness.decidedCase(first.personId(), "2025-12");
    AppealHarness.Resident ylva = harness.login("ylva");
    UUID appeal = harness.appealAndSign(ylva, decided.decisionId(), "Bifall.", "Skäl.", null);

    AppealHarness.Resident signe = harness.login("signe");
    assertEquals(404, signe.browser().get("/api/v1/overklaganden/" + appeal).statusCode());
    HttpResponse<Buffer> foreign = signe.browser().post("/api/v1/overklaganden",
      new JsonObject().put("decisionId", decided.decisionId().toString()));
    assertEquals(400, foreign.statusCode(), "someone else's decision cannot be appealed");
    JsonObject overview = signe.browser().get("/api/v1/overklaganden").bodyAsJsonObject();
    assertTrue(overview.getJsonArray("appeals").isEmpty() && overview.getJsonArray("decisions").stream()
      .noneMatch(d -> ((JsonObject) d).getString("id").equals(decided.decisionId().toString())));
    assertEquals(404, signe.put("/api/v1/overklaganden/" + appeal, new JsonObject()).statusCode());

    Browser neighbour = StaffLogins.login(app, "gustav.granne", "Gustav Grannsson", "grannkommun", "handlaggare")
      .browser();
    assertEquals(404, neighbour.get("/api/v1/overklagande-arenden/" + appeal).statusCode());
    assertTrue(neighbour.get("/api/v1/overklagande-arenden").bodyAsJsonObject().getJsonArray("appeals").isEmpty());
    assertEquals(404, neighbour.post("/api/v1/overklagande-arenden/" + appeal + "/forward", new JsonObject())
      .statusCode());
    assertEquals(401, new Browser(app).get("/api/v1/overklaganden").statusCode());
  }

  @Test
  @DisplayName("a protected household's appeal: only assigned staff see it, and the bundle carries no address")
  void protectedIdentityBundle() throws IOException {
    AppealHarness.Resident first = harness.login("signe");
    harness.one("UPDATE person SET protection = 'skyddad_folkbokforing' WHERE id = $1 RETURNING id",
      Tuple.of(first.personId()));
    JsonObject content = new JsonObject().put("declaration", true).put("household", new JsonObject()
      .put("applicant", new JsonObject().put("contact", new JsonObject().put("address", "Hemliga gatan 7")
        .put("postalCode", "12345").put("city", "Hemlighult"))));
    AppealHarness.Decided decided = harness.decidedCase(first.personId(), "2025-11", content, true);
    AppealHarness.Resident signe = harness.login("signe");
    UUID appeal = harness.appealAndSign(signe, decided.decisionId(), "Bifall.", "Beslutet bygger på fel hyra.",
      "Hyresavtal Hemliga gatan 7");

    Browser colleague = StaffLogins.login(app, "sam.socialsekreterare", "Sam Socialsekreterarsson", "demo",
      "socialsekreterare").browser();
    assertEquals(404, colleague.get("/api/v1/overklagande-arenden/" + appeal).statusCode());
    assertTrue(colleague.get("/api/v1/overklagande-arenden").bodyAsJsonObject().getJsonArray("appeals").stream()
      .noneMatch(item -> ((JsonObject) item).getString("id").equals(appeal.toString())));

    Browser anna = AppealHarness.anna(app).browser();
    HttpResponse<Buffer> forwarded = anna.post("/api/v1/overklagande-arenden/" + appeal + "/forward", new JsonObject());
    assertEquals(200, forwarded.statusCode(), forwarded.bodyAsString());
    String text = PdfText.of(Files.readAllBytes(court.resolve(appeal + ".pdf")));
    assertTrue(text.contains("lämnas inte ut"), text);
    assertFalse(text.contains("12345") || text.contains("Hemlighult") || text.contains("Hyresavtal Hemliga"),
      "neither the application's address nor an attachment reaches the bundle: " + text);
    assertTrue(text.contains("[skyddad adress]"), text);
  }

  private static JsonObject find(JsonArray list, UUID appeal) {
    return list.stream().map(JsonObject.class::cast).filter(item -> item.getString("id").equals(appeal.toString()))
      .findFirst().orElseThrow(() -> new AssertionError("not in the list: " + list.encode()));
  }
}
