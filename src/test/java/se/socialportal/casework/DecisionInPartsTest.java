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
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Every case is decidable: a norm computed on request, decisions in parts, referral up the delegation")
class DecisionInPartsTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff erik;

  @BeforeAll
  static void start() throws IOException {
    app = TestApp.start("decisioninparts", new JsonObject()
      .put("LETTER_OUTBOX_DIR", Files.createTempDirectory("letter-outbox").toString()));
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    erik = StaffLogins.login(app, "erik.enhetschef", "Erik Enhetschefsson", "demo", "enhetschef");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("the month within the handläggare's delegation is decided now, the 12 000 kr need referred and decided by the enhetschef, one letter tells both")
  void monthNowNeedReferred() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Stig", "Delsson", "none", List.of(), 12000);
    String base = "/api/v1/casework/cases/" + c.applicationId();
    JsonObject approve = new JsonObject().put("proposalId", c.proposalId().toString());

    HttpResponse<Buffer> refused = anna.browser().post(base + "/approve", approve);
    assertEquals(403, refused.statusCode(), refused.bodyAsString());
    assertEquals("delegation_required", refused.bodyAsJsonObject().getString("error"));
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision WHERE application_id = $1", c.applicationId()));

    HttpResponse<Buffer> split = anna.browser().post(base + "/approve", approve.copy()
      .put("referBeyondDelegation", true).put("note", "Möblerna behövs efter flytten; kvitton finns."));
    assertEquals(200, split.statusCode(), split.bodyAsString());
    JsonObject result = split.bodyAsJsonObject();
    assertEquals(1, result.getJsonArray("decisions").size());
    assertEquals("forsorjningsstod", result.getJsonArray("decisions").getJsonObject(0).getString("type"));
    assertEquals("7520", result.getJsonArray("decisions").getJsonObject(0).getString("amount"));
    JsonObject referral = result.getJsonArray("referrals").getJsonObject(0);
    assertEquals("livsforing_ovrigt", referral.getString("type"));
    assertEquals("enhetschef", referral.getString("level"));
    assertNull(result.getString("letterId"), "the letter waits for the referred part");
    assertEquals("under_review", status(c.applicationId()));
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision_letter WHERE application_id = $1", c.applicationId()));
    assertEquals(409, anna.browser().post(base + "/approve", approve).statusCode(), "the proposal is decided now");

    assertTrue(anna.browser().get("/api/v1/casework/referrals").bodyAsJsonObject().getJsonArray("referrals").isEmpty(),
      "nothing waits for a handläggare's decision here");
    String decide = "/api/v1/casework/referrals/" + referral.getString("id") + "/decide";
    assertEquals(403, anna.browser().post(decide, new JsonObject()).statusCode());

    JsonArray waiting = erik.browser().get("/api/v1/casework/referrals").bodyAsJsonObject().getJsonArray("referrals");
    JsonObject mine = waiting.stream().map(JsonObject.class::cast)
      .filter(item -> item.getString("id").equals(referral.getString("id"))).findFirst().orElseThrow();
    assertEquals("Stig Delsson", mine.getString("household"));
    assertEquals("Anna Handläggarsson", mine.getString("preparedBy"));
    assertEquals("Möblerna behövs efter flytten; kvitton finns.", mine.getString("note"));

    HttpResponse<Buffer> decided = erik.browser().post(decide, new JsonObject());
    assertEquals(200, decided.statusCode(), decided.bodyAsString());
    assertTrue(decided.bodyAsJsonObject().getBoolean("complete"));
    String letterId = decided.bodyAsJsonObject().getString("letterId");
    assertEquals("decided", status(c.applicationId()));
    assertEquals(409, erik.browser().post(decide, new JsonObject()).statusCode(), "decided once");

    var need = fixtures.one("SELECT decided_by_name, prepared_by_name, delegation_source, legal_basis, decision_set "
      + "FROM decision WHERE application_id = $1 AND type = 'livsforing_ovrigt'", Tuple.of(c.applicationId()));
    assertEquals("Erik Enhetschefsson", need.getString("decided_by_name"));
    assertEquals("Anna Handläggarsson, Handläggare", need.getString("prepared_by_name"));
    assertTrue(need.getString("delegation_source").endsWith("(12 kap. 1 § SoL)"), need.getString("delegation_source"));
    assertEquals(1, fixtures.count("SELECT count(DISTINCT decision_set) FROM decision WHERE application_id = $1",
      c.applicationId()), "one decision set, one letter");

    String text = PdfText.of(anna.browser().get("/api/v1/casework/letters/" + letterId + "/pdf").body().getBytes())
      .replaceAll("\\s+", " ");
    assertTrue(text.contains("1. Försörjningsstöd för mars 2026: Bifall, 7 520 kr"), text);
    assertTrue(text.contains("2. Tandvård (engångsbelopp): Bifall, 12 000 kr"), text);
    assertTrue(text.contains("−4 200 kr"), "the salary is a deduction: " + text);
    assertTrue(text.contains("Behov (riksnorm + skäliga kostnader) 11 720 kr"), text);
    assertTrue(text.contains("Anna Handläggarsson, Handläggare. Enligt delegation: Delegationsordning 8.1.1"), text);
    assertTrue(text.contains("Erik Enhetschefsson, Enhetschef. Enligt delegation: Delegationsordning 8.1.1"), text);
    assertTrue(text.contains("Beslutsunderlaget har beretts av Anna Handläggarsson, Handläggare."), text);
    assertFalse(text.contains("19 520"), "the parts are not added into one monthly sum: " + text);
    assertFalse(text.contains("4 kap. 1 §"), "one legal vocabulary: " + text);
    assertFalse(text.contains("demo-delegation"), "no internal version ids: " + text);

    JsonObject view = anna.browser().get(base).bodyAsJsonObject();
    List<String> history = view.getJsonArray("history").stream().map(JsonObject.class::cast)
      .map(event -> event.getString("type") + " " + event.getString("staff")).toList();
    assertTrue(history.contains("referred Anna Handläggarsson"), history.toString());
    assertTrue(history.contains("decided Erik Enhetschefsson"), history.toString());
    assertTrue(view.getJsonArray("referrals").getJsonObject(0).getBoolean("decided"));
  }

  @Test
  @DisplayName("the enhetschef may decide a referred part differently, with a motivering")
  void decidedDifferently() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Sara", "Delsson", "none", List.of(), 15000);
    JsonObject result = anna.browser().post("/api/v1/casework/cases/" + c.applicationId() + "/approve",
      new JsonObject().put("proposalId", c.proposalId().toString()).put("referBeyondDelegation", true))
      .bodyAsJsonObject();
    String decide = "/api/v1/casework/referrals/" + result.getJsonArray("referrals").getJsonObject(0).getString("id")
      + "/decide";
    HttpResponse<Buffer> missing = erik.browser().post(decide, new JsonObject().put("outcome", "delvis_bifall")
      .put("amount", "9000"));
    assertEquals(400, missing.statusCode(), "a changed decision needs its own motivering");
    assertEquals(400, erik.browser().post(decide, new JsonObject().put("outcome", "delvis_bifall").put("amount", "15000")
      .put("motivering", "Delvis.")).statusCode(), "a partial grant is less than applied for");
    HttpResponse<Buffer> partial = erik.browser().post(decide, new JsonObject().put("outcome", "delvis_bifall")
      .put("amount", "9000").put("motivering", "Tandvården beviljas enligt det billigare kostnadsförslaget."));
    assertEquals(200, partial.statusCode(), partial.bodyAsString());
    String text = PdfText.of(anna.browser().get("/api/v1/casework/letters/"
      + partial.bodyAsJsonObject().getString("letterId") + "/pdf").body().getBytes()).replaceAll("\\s+", " ");
    assertTrue(text.contains("Du beviljas 9 000 kr av de 15 000 kr du ansökt om för tandvård. Resten avslås."), text);
    assertTrue(text.contains("Tandvården beviljas enligt det billigare kostnadsförslaget."), text);
  }

  @Test
  @DisplayName("a case the robot left for manual review gets its norm computed on request and is decided like any other")
  void manualReviewCase() {
    UUID maria = fixtures.one("SELECT a.id FROM application a JOIN person p ON p.id = a.applicant_id "
      + "WHERE p.given_name = 'Maria' AND p.surname = 'Manuellsson'", Tuple.tuple()).getUUID("id");
    String base = "/api/v1/casework/cases/" + maria;
    assertFalse(anna.browser().get(base).bodyAsJsonObject().containsKey("proposal"), "no proposal yet");

    HttpResponse<Buffer> calculated = anna.browser().post(base + "/calculation", null);
    assertEquals(200, calculated.statusCode(), calculated.bodyAsString());
    String proposalId = calculated.bodyAsJsonObject().getString("proposalId");
    assertEquals(409, anna.browser().post(base + "/calculation", null).statusCode(), "one proposal per version");

    JsonObject view = anna.browser().get(base).bodyAsJsonObject();
    JsonObject proposal = view.getJsonObject("proposal");
    assertEquals(proposalId, proposal.getString("id"));
    List<String> lines = proposal.getJsonObject("calculation").getJsonArray("lines").stream()
      .map(JsonObject.class::cast).map(line -> line.getString("key") + "=" + line.getString("amount")).toList();
    // The application's own costs (rent 5 200, capped at the municipality's level; electricity 300) by the same engine.
    assertTrue(lines.contains("cost:householdElectricity=300.00") && lines.stream().anyMatch(line -> line.startsWith("cost:rent=")),
      lines.toString());
    assertEquals("5200.00", proposal.getJsonObject("calculation").getJsonArray("lines").stream()
      .map(JsonObject.class::cast).filter(line -> "cost:rent".equals(line.getString("key"))).findFirst().orElseThrow()
      .getString("entered"));
    assertTrue(view.getJsonArray("history").stream().map(JsonObject.class::cast)
      .anyMatch(event -> "calculated".equals(event.getString("type"))
        && "Anna Handläggarsson".equals(event.getString("staff"))), "the history says who asked for it");
    for (Object warning : proposal.getJsonArray("warnings")) {
      JsonObject w = (JsonObject) warning;
      assertEquals(200, anna.browser().post(base + "/warnings/" + w.getString("id") + "/acknowledge", null).statusCode());
    }
    HttpResponse<Buffer> approved = anna.browser().post(base + "/approve", new JsonObject().put("proposalId", proposalId));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    assertEquals("decided", status(maria));
    String text = PdfText.of(anna.browser().get("/api/v1/casework/letters/"
      + approved.bodyAsJsonObject().getString("letterId") + "/pdf").body().getBytes()).replaceAll("\\s+", " ");
    assertTrue(text.contains("Försörjningsstöd för april 2026"), text);
    assertTrue(text.contains("Boendekostnad (hyra eller avgift) 5 200 kr"), text);
    assertTrue(text.contains("12 kap. 1 § socialtjänstlagen (2025:400)"), text);
    assertEquals(1, fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'case.calculate'"));
  }

  private static String status(UUID applicationId) {
    return fixtures.one("SELECT status FROM application WHERE id = $1", Tuple.of(applicationId)).getString("status");
  }
}
