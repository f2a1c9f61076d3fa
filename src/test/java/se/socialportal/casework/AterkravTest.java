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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Återkrav at the original decision's level, eftergift by an enhetschef")
class AterkravTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff erik;

  @BeforeAll
  static void start() {
    app = TestApp.start("aterkrav");
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    erik = StaffLogins.login(app, "erik.enhetschef", "Erik Enhetschefsson", "demo", "enhetschef");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("a claim on an enhetschef's decision needs an enhetschef; one on a handläggare's decision does not")
  void sameLevelAsOriginal() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Åke", "Återkravsson", "none", List.of(), 15_000);
    String base = "/api/v1/casework/cases/" + c.applicationId();
    assertEquals(200, erik.browser().post(base + "/approve", new JsonObject().put("proposalId", c.proposalId().toString()))
      .statusCode());
    String livsforing = fixtures.one("SELECT id FROM decision WHERE application_id = $1 AND type = 'livsforing_ovrigt'",
      Tuple.of(c.applicationId())).getUUID("id").toString();
    String forsorjning = fixtures.one("SELECT id FROM decision WHERE application_id = $1 AND type = 'forsorjningsstod'",
      Tuple.of(c.applicationId())).getUUID("id").toString();
    JsonObject claim = new JsonObject().put("originalDecisionId", livsforing).put("amount", 5000).put("ground", "9_1")
      .put("motivering", "Du uppgav inte att möblerna betalades av försäkringen. Beloppet betalades ut på felaktig grund.");
    HttpResponse<Buffer> refused = anna.browser().post(base + "/aterkrav", claim);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("message").contains("Enhetschef"));
    HttpResponse<Buffer> started = erik.browser().post(base + "/aterkrav", claim);
    assertEquals(200, started.statusCode(), started.bodyAsString());
    assertEquals(400, erik.browser().post(base + "/aterkrav", claim.copy().put("amount", 10_001)).statusCode(),
      "more than is left of the original decision");
    HttpResponse<Buffer> small = anna.browser().post(base + "/aterkrav", claim.copy().put("originalDecisionId", forsorjning)
      .put("amount", 500));
    assertEquals(200, small.statusCode(), small.bodyAsString());

    String aterkrav = started.bodyAsJsonObject().getString("aterkravId");
    JsonObject waive = new JsonObject().put("amount", 2000)
      .put("motivering", "Du saknar i dag förmåga att betala tillbaka hela beloppet; 2 000 kr efterges.");
    assertEquals(403, anna.browser().post("/api/v1/casework/aterkrav/" + aterkrav + "/eftergift", waive).statusCode());
    HttpResponse<Buffer> waived = erik.browser().post("/api/v1/casework/aterkrav/" + aterkrav + "/eftergift", waive);
    assertEquals(200, waived.statusCode(), waived.bodyAsString());
    assertEquals("3000.00", waived.bodyAsJsonObject().getString("remaining"));
    assertEquals(2000, fixtures.one("SELECT waived_amount FROM aterkrav WHERE id = $1",
      Tuple.of(java.util.UUID.fromString(aterkrav))).getBigDecimal(0).intValue());
    assertEquals("8.3-eftergift", fixtures.one("SELECT delegation_row FROM decision WHERE type = 'eftergift' "
      + "AND application_id = $1", Tuple.of(c.applicationId())).getString(0));

    // FL 33 §: both decisions reach the household as letters with the amount, the law and how to appeal.
    String claimLetter = letterText(started.bodyAsJsonObject());
    assertTrue(claimLetter.contains("Beslut om återkrav av ekonomiskt bistånd"), claimLetter);
    assertTrue(claimLetter.contains("Nämnden återkräver 5 000 kr"), claimLetter);
    assertTrue(claimLetter.contains("motsvarar 9 kap. 1–2 §§ socialtjänstlagen (2001:453)"), claimLetter);
    assertTrue(claimLetter.contains("möblerna betalades av försäkringen"), "the motivering");
    assertTrue(claimLetter.contains("förvaltningsrätten") && claimLetter.contains("tre veckor"), "how to appeal");
    assertTrue(claimLetter.contains("Erik Enhetschefsson"), "who decided");
    assertFalse(claimLetter.contains("kronor per månad"), "a claim is not a monthly calculation: " + claimLetter);
    String waiverLetter = letterText(waived.bodyAsJsonObject());
    assertTrue(waiverLetter.contains("Nämnden efterger 2 000 kr"), waiverLetter);
    assertTrue(waiverLetter.contains("9 kap. 4 § socialtjänstlagen (2001:453)"), waiverLetter);
    assertEquals(1L, fixtures.one("SELECT count(*) FROM decision_letter_decision l JOIN decision d ON d.id = l.decision_id "
      + "WHERE d.type = 'eftergift' AND d.application_id = $1", Tuple.of(c.applicationId())).getLong(0));
  }

  private static String letterText(JsonObject result) {
    HttpResponse<Buffer> pdf = erik.browser().get("/api/v1/casework/letters/" + result.getString("letterId") + "/pdf");
    assertEquals(200, pdf.statusCode());
    return se.socialportal.testing.PdfText.of(pdf.body().getBytes()).replaceAll("\\s+", " ");
  }
}
