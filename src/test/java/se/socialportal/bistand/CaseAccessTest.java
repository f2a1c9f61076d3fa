package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.notify.FileNotificationChannel;
import se.socialportal.bistand.notify.NotificationDispatcher;
import se.socialportal.bistand.signing.SigningSummary;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.count;
import static se.socialportal.bistand.Fixtures.expect;

@DisplayName("Mina sidor: own and household cases only, messages, komplettering, withdrawal, decision and payments")
class CaseAccessTest {

  private static TestApp app;
  private static BistandModule module;

  @BeforeAll
  static void start() {
    app = TestApp.start("bistandcases");
    module = app.services().bistand();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String submitted(Residents.Resident resident) {
    String id = Fixtures.ready(resident, Fixtures.single(), null);
    Fixtures.completeSignature(app, module, resident.id, Fixtures.applicant(app, id));
    return id;
  }

  @Test
  @DisplayName("resident A can never read, change or even confirm resident B's case: always 404")
  void residentAIsNotResidentB() {
    var a = Residents.login(app, "19840101", "Anna", "Ahl");
    var b = Residents.login(app, "19840102", "Bert", "Bok");
    String bCase = submitted(b);
    String base = "/api/v1/cases/" + bCase;
    assertEquals(404, a.get(base).statusCode());
    assertEquals(404, a.post(base + "/messages", new JsonObject().put("body", "hej")).statusCode());
    assertEquals(404, a.post(base + "/withdraw", new JsonObject()).statusCode());
    assertEquals(404, a.post(base + "/kompletteringar/" + UUID.randomUUID() + "/answer",
      new JsonObject().put("text", "x")).statusCode());
    assertEquals(404, a.get(base + "/letters/" + UUID.randomUUID()).statusCode());
    assertEquals(404, a.get(base + "/receipts/applicant").statusCode(), "nor the receipt of B's signature");
    assertEquals("application/pdf", expect(200, b.get(base + "/receipts/applicant")).getHeader("Content-Type"));
    assertEquals(404, b.get(base + "/receipts/coApplicant").statusCode(), "nobody signed as co-applicant");
    assertEquals(404, b.get(base + "/receipts/someone").statusCode());
    assertEquals(404, a.get("/api/v1/applications/" + bCase).statusCode());
    assertEquals(404, a.put("/api/v1/applications/" + bCase + "/content", new JsonObject().put("content",
      new JsonObject())).statusCode());
    assertEquals(404, a.post("/api/v1/applications/" + bCase + "/cosign", new JsonObject(), "cosign-key-1").statusCode());
    assertEquals(404, a.get("/api/v1/cases/not-a-uuid").statusCode());
    assertEquals(404, a.get("/api/v1/cases/" + UUID.randomUUID()).statusCode(), "unknown looks the same as foreign");
    assertEquals(new JsonArray(), expect(200, a.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases"));
    assertEquals(1, expect(200, b.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases").size());
  }

  @Test
  @DisplayName("the case shows a status timeline in order, with history from the case's events")
  void timeline() {
    var resident = Residents.login(app, "19840103", "Cecilia", "Cedar");
    String id = submitted(resident);
    var view = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    JsonArray steps = view.getJsonArray("steps");
    assertEquals("draft", steps.getJsonObject(0).getString("status"));
    assertEquals("done", steps.getJsonObject(0).getString("state"));
    assertEquals("submitted", steps.getJsonObject(1).getString("status"));
    assertEquals("current", steps.getJsonObject(1).getString("state"));
    assertEquals("paid", steps.getJsonObject(steps.size() - 1).getString("status"));
    assertEquals("upcoming", steps.getJsonObject(steps.size() - 1).getString("state"));
    List<String> types = view.getJsonArray("history").stream().map(e -> ((JsonObject) e).getString("type")).toList();
    assertEquals(List.of("draft_created", "signed_by_applicant", "submitted"), types);
  }

  @Test
  @DisplayName("the co-applicant asked to sign reads every figure and every attached document first")
  void coApplicantReadsBeforeSigning() {
    var applicant = Residents.login(app, "19840107", "Gun", "Gran");
    var co = Residents.login(app, "19840108", "Hans", "Hed");
    String id = Fixtures.ready(applicant, Fixtures.couple(), co);
    Fixtures.completeSignature(app, module, applicant.id, Fixtures.applicant(app, id));
    var view = expect(200, co.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("awaiting_cosignature", view.getString("status"));
    assertTrue(view.getJsonObject("actions").getBoolean("cosign"));
    assertEquals(Fixtures.couple().getJsonArray("incomes"), view.getJsonObject("content").getJsonArray("incomes"),
      "every income, whose it is and its amount");
    JsonArray attachments = view.getJsonArray("attachments");
    assertEquals(count(app, "SELECT count(*) FROM application_attachment WHERE application_id = $1 "
      + "AND purpose = 'application'", UUID.fromString(id)), attachments.size());
    assertTrue(attachments.size() > 0);
    expect(200, co.get("/api/v1/applications/" + id + "/attachments/" + attachments.getJsonObject(0).getString("id")));
    var applicantView = expect(200, applicant.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals(null, applicantView.getValue("content"), "the applicant has the form itself");
    // The page reads of the content only what the totals add up: they are those of the whole content.
    JsonObject totals = SigningSummary.totals(Fixtures.couple()).toJson();
    assertTrue(Double.parseDouble(totals.getString("incomes")) > 0, totals.encode());
    assertEquals(totals, view.getJsonObject("totals"));
    assertEquals(totals, applicantView.getJsonObject("totals"));
  }

  @Test
  @DisplayName("messages both ways, with an attachment; staff messages are marked read when the resident reads them")
  void messages() {
    var resident = Residents.login(app, "19840104", "Dora", "Dal");
    String id = submitted(resident);
    String attachment = expect(201, resident.upload("/api/v1/applications/" + id + "/attachments", "message", null,
      "kvitto.jpg", io.vertx.core.buffer.Buffer.buffer(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 1, 2})))
      .bodyAsJsonObject().getString("id");
    var empty = resident.post("/api/v1/cases/" + id + "/messages", new JsonObject().put("body", "  "));
    assertEquals("message_empty", empty.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("error"));
    expect(201, resident.post("/api/v1/cases/" + id + "/messages", new JsonObject().put("body", "Här är kvittot.")
      .put("attachmentIds", new JsonArray().add(attachment))));
    UUID staff = staffMember();
    Futures.await(app.services().pool().withTransaction(tx -> ApplicationRepository.find(tx, UUID.fromString(id))
      .compose(row -> module.messages().postFromStaff(tx, row.orElseThrow(), staff, "Tack, vi har fått det."))));
    assertEquals(1, expect(200, resident.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases")
      .getJsonObject(0).getInteger("unreadMessages"));
    JsonArray thread = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject().getJsonArray("messages");
    assertEquals(2, thread.size());
    assertTrue(thread.getJsonObject(0).getBoolean("mine"));
    assertEquals(attachment, thread.getJsonObject(0).getJsonArray("attachments").getJsonObject(0).getString("id"));
    assertEquals("staff", thread.getJsonObject(1).getString("authorKind"));
    assertEquals("Anna Handläggare", thread.getJsonObject(1).getString("authorName"));
    assertEquals(0, expect(200, resident.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases")
      .getJsonObject(0).getInteger("unreadMessages"));
    assertEquals(1, count(app, "SELECT count(*) FROM notification_outbox WHERE person_id = $1 AND kind = 'message_from_staff'",
      resident.id));
  }

  @Test
  @DisplayName("a komplettering request with a deadline is answered with an upload; the case goes back under review")
  void komplettering() {
    var resident = Residents.login(app, "19840105", "Erik", "Ek");
    String id = submitted(resident);
    UUID uuid = UUID.fromString(id);
    Instant due = app.clock().instant().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    UUID request = Futures.await(app.services().pool().withTransaction(tx -> ApplicationRepository.find(tx, uuid)
      .compose(row -> module.komplettering().request(tx, row.orElseThrow(), Optional.empty(),
        "Skicka kvitto på tandvården.", List.of("costReceipt.dentalCare"), due))));
    var view = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("komplettering_requested", view.getString("status"));
    assertEquals(List.of("draft:done", "submitted:done", "komplettering_requested:current", "decided:upcoming",
      "paid:upcoming"), view.getJsonArray("steps").stream().map(step -> ((JsonObject) step).getString("status") + ":"
      + ((JsonObject) step).getString("state")).toList(), "a step the case never was in is not shown as done");
    JsonObject open = view.getJsonArray("kompletteringar").getJsonObject(0);
    assertEquals("open", open.getString("status"));
    assertEquals(due.toString(), open.getString("dueAt"));
    var nothing = resident.post("/api/v1/cases/" + id + "/kompletteringar/" + request + "/answer", new JsonObject());
    assertEquals("komplettering_empty", nothing.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));
    String file = expect(201, resident.upload("/api/v1/applications/" + id + "/attachments", "komplettering", null,
      "tandvard.pdf", Fixtures.pdf())).bodyAsJsonObject().getString("id");
    expect(200, resident.post("/api/v1/cases/" + id + "/kompletteringar/" + request + "/answer",
      new JsonObject().put("text", "Kvittot bifogas.").put("attachmentIds", new JsonArray().add(file))));
    var after = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("under_review", after.getString("status"));
    assertEquals(List.of("draft:done", "submitted:done", "komplettering_requested:done", "under_review:current",
      "decided:upcoming", "paid:upcoming"), after.getJsonArray("steps").stream().map(step -> ((JsonObject) step)
      .getString("status") + ":" + ((JsonObject) step).getString("state")).toList(),
      "once answered, the request is done and the review is now: the timeline never goes backwards");
    assertEquals("answered", after.getJsonArray("kompletteringar").getJsonObject(0).getString("status"));
    assertEquals(409, resident.post("/api/v1/cases/" + id + "/kompletteringar/" + request + "/answer",
      new JsonObject().put("text", "igen")).statusCode());
  }

  @Test
  @DisplayName("the applicant withdraws a submitted application; the month is free for a new one")
  void withdrawal() {
    var resident = Residents.login(app, "19840106", "Fred", "Fur");
    String id = submitted(resident);
    assertEquals(403, resident.postWithoutCsrf("/api/v1/cases/" + id + "/withdraw", new JsonObject()).statusCode(),
      "a forged cross-site request cannot withdraw");
    assertEquals("submitted", expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject().getString("status"));
    expect(200, resident.post("/api/v1/cases/" + id + "/withdraw", new JsonObject()));
    var view = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("withdrawn", view.getString("status"));
    assertEquals("withdrawn", view.getJsonArray("steps").getJsonObject(view.getJsonArray("steps").size() - 1)
      .getString("status"));
    assertFalse(view.getJsonObject("actions").getBoolean("withdraw"));
    assertEquals(409, resident.post("/api/v1/cases/" + id + "/withdraw", new JsonObject()).statusCode());
    assertTrue(expect(200, resident.get("/api/v1/applications/eligibility?month=" + app.clock().thisMonth()))
      .bodyAsJsonObject().getBoolean("mayApply"));
  }

  @Test
  @DisplayName("the decision, its letter and payments appear on Mina sidor once casework and payment write them")
  void decisionAndPayments() {
    var resident = Residents.login(app, "19840107", "Gerd", "Gavel");
    String id = submitted(resident);
    assertEquals(new JsonArray(), expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject()
      .getJsonArray("decisions"), "nothing before the tables exist");
    // casework's tables (V61, V80) and the payment room's (V101) exist; the rows are written here as they write them.
    UUID uuid = UUID.fromString(id);
    // A decision as casework records it (with its delegation), and its letter linked through the delegation guarantee.
    UUID letter = Futures.await(app.services().pool().withTransaction(tx -> tx.preparedQuery("INSERT INTO decision "
        + "(tenant_id, application_id, application_version, decision_set, type, outcome, amount, delegation_amount, "
        + "motivering, decided_by_kind, decided_by_name, decided_by_title, delegation_valid, delegation_version, "
        + "delegation_row, delegation_source, delegation_level, decided_at) VALUES ('demo', $1, 1, gen_random_uuid(), "
        + "'forsorjningsstod', 'bifall', 4321.50, 4321.50, 'Beviljas enligt riksnormen.', 'automated', 'Test', 'Test', "
        + "true, 'v', '8.1.1', 'Delegationsordning 8.1.1', 'handlaggare', $2) RETURNING id, decision_set")
      .execute(Tuple.of(uuid, OffsetDateTime.ofInstant(app.clock().instant(), ZoneOffset.UTC)))
      .compose(rows -> tx.preparedQuery("INSERT INTO decision_letter (tenant_id, application_id, decision_set, "
          + "recipient_ids, pdf, sha256, created_at) VALUES ('demo', $1, $2, $3, $4, repeat('0', 64), $5) RETURNING id")
        .execute(Tuple.of(uuid, rows.iterator().next().getUUID("decision_set"),
          new UUID[] {UUID.randomUUID()}, Fixtures.pdf(), OffsetDateTime.ofInstant(app.clock().instant(), ZoneOffset.UTC)))
        .compose(letters -> tx.preparedQuery("INSERT INTO decision_letter_decision (letter_id, decision_id) "
            + "VALUES ($1, $2)").execute(Tuple.of(letters.iterator().next().getUUID("id"), rows.iterator().next().getUUID("id")))
          .map(v -> letters.iterator().next().getUUID("id"))))
      .compose(letterId -> tx.preparedQuery("INSERT INTO payment (id, tenant_id, application_id, decision_id, "
        + "decision_type, payee_id, amount, planned_date, execution_date, debtor_account_id, remittance, status, "
        + "created_at, updated_at) SELECT gen_random_uuid(), 'demo', a.id, d.id, d.type, a.applicant_id, 4321.50, $2, "
        + "$2, 'bistand', 'Försörjningsstöd', 'awaiting_attest', $3, $3 FROM application a JOIN decision d "
        + "ON d.application_id = a.id WHERE a.id = $1").execute(Tuple.of(uuid, app.clock().today(),
          OffsetDateTime.ofInstant(app.clock().instant(), ZoneOffset.UTC)))
        .map(letterId))));
    // A missing table is looked for again after a minute, not on every read.
    app.clock().advance(java.time.Duration.ofMinutes(1));
    var view = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("bifall", view.getJsonArray("decisions").getJsonObject(0).getString("outcome"));
    assertEquals("4321.50", view.getJsonArray("payments").getJsonObject(0).getString("amount"));
    assertEquals("planned", view.getJsonArray("payments").getJsonObject(0).getString("status"));
    var pdf = expect(200, resident.get("/api/v1/cases/" + id + "/letters/" + letter));
    assertEquals("application/pdf", pdf.getHeader("Content-Type"));
    assertTrue(pdf.getHeader("Content-Disposition").startsWith("attachment"));
    var other = Residents.login(app, "19840108", "Hugo", "Hed");
    assertEquals(404, other.get("/api/v1/cases/" + id + "/letters/" + letter).statusCode());
  }

  @Test
  @DisplayName("notifications are delivered once, through the simulator, without personal details")
  void notificationsDelivered() throws Exception {
    var resident = Residents.login(app, "19840109", "Iris", "Is");
    submitted(resident);
    Path file = Files.createTempDirectory("notify").resolve("out.jsonl");
    var dispatcher = new NotificationDispatcher(app.services().pool(), new FileNotificationChannel(app.vertx(), file),
      app.services().clock());
    int delivered = Futures.await(dispatcher.dispatch());
    assertTrue(delivered >= 1);
    assertEquals(0, (int) Futures.await(dispatcher.dispatch()), "each notification is delivered once");
    String text = Files.readString(file);
    assertTrue(text.contains(resident.id.toString()) && text.contains("\"kind\":\"submitted\""), text);
    assertFalse(text.contains(resident.personnummer.value()), "no personnummer in notifications");
    assertFalse(text.contains("Iris"), "no names in notifications");
  }

  private static UUID staffMember() {
    return Futures.await(app.services().pool().query("INSERT INTO staff_member (tenant_id, subject, name, roles) "
      + "VALUES ('demo', 'anna', 'Anna Handläggare', '{handlaggare}') ON CONFLICT (tenant_id, subject) "
      + "DO UPDATE SET name = EXCLUDED.name RETURNING id").execute()).iterator().next().getUUID(0);
  }
}
