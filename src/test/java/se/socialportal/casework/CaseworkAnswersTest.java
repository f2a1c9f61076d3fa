package se.socialportal.casework;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ContractAnswers;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract tells the truth about the handläggare's decisions: a case with a proposal is read, its warning
 * acknowledged, a need added, approved, its letter opened; återkrav and eftergift decided; other cases rejected and
 * closed; the delegationsbeslut list and a rule reload – every answer one the contract documents, in its schema.
 */
@DisplayName("Every answer while deciding cases is one the contract documents, in its schema")
class CaseworkAnswersTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static ContractAnswers answers;
  private static StaffLogins.Staff erik;

  @BeforeAll
  static void start() {
    app = TestApp.start("caseworkanswers");
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    answers = new ContractAnswers(app);
    erik = StaffLogins.login(app, "erik.answers", "Erik Enhetschefsson", "demo", "enhetschef", "admin");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("approve, letter, återkrav, eftergift, reject, close, reports, reload")
  void decisions() {
    Browser staff = erik.browser();
    LocalDate today = app.clock().today();
    CaseFixtures.Case approved = fixtures.submitted("demo", "Åke", "Svarsson", "none", List.of("INCOME_CHANGE"), 15_000);
    String base = "/api/v1/casework/cases/" + approved.applicationId();
    answers.check("caseworkCase", staff.get(base));
    answers.check("caseworkAcknowledge", staff.post(base + "/warnings/" + approved.warningIds().get(0)
      + "/acknowledge", new JsonObject()));
    answers.check("caseworkAcknowledge", staff.post(base + "/warnings/" + UUID.randomUUID() + "/acknowledge",
      new JsonObject()));
    answers.check("caseworkAdjust", staff.post(base + "/adjustments", new JsonObject().put("lineKey", "need:new")
      .put("amount", 1200).put("reason", "Elskuld enligt faktura.").put("decisionType", "skulder")
      .put("label", "Elskuld")));
    answers.check("caseworkAdjust", staff.post(base + "/adjustments", new JsonObject().put("lineKey", "cost:rent")
      .put("amount", 6000)));
    answers.check("caseworkCase", staff.get(base));
    JsonObject decided = answers.check("caseworkApprove", staff.post(base + "/approve",
      new JsonObject().put("proposalId", approved.proposalId().toString()))).bodyAsJsonObject();
    answers.check("caseworkApprove", staff.post(base + "/approve",
      new JsonObject().put("proposalId", approved.proposalId().toString())));
    answers.check("caseworkLetter", staff.get("/api/v1/casework/letters/" + decided.getString("letterId") + "/pdf"));
    answers.check("caseworkCase", staff.get(base));
    String livsforing = fixtures.one("SELECT id FROM decision WHERE application_id = $1 AND type = 'livsforing_ovrigt'",
      Tuple.of(approved.applicationId())).getUUID("id").toString();
    JsonObject claim = answers.check("caseworkAterkrav", staff.post(base + "/aterkrav", new JsonObject()
      .put("originalDecisionId", livsforing).put("amount", 5000).put("ground", "9_1")
      .put("motivering", "Du uppgav inte att möblerna betalades av försäkringen."))).bodyAsJsonObject();
    answers.check("caseworkAterkrav", staff.post(base + "/aterkrav", new JsonObject()
      .put("originalDecisionId", livsforing).put("amount", 0).put("ground", "9_3").put("motivering", "")));
    answers.check("caseworkEftergift", staff.post("/api/v1/casework/aterkrav/" + claim.getString("aterkravId")
      + "/eftergift", new JsonObject().put("amount", 2000).put("motivering", "Du saknar förmåga att betala.")));
    answers.check("caseworkEftergift", staff.post("/api/v1/casework/aterkrav/" + claim.getString("aterkravId")
      + "/eftergift", new JsonObject().put("amount", 999_999).put("motivering", "Allt.")));

    CaseFixtures.Case rejected = fixtures.submitted("demo", "Rut", "Svarsson", "none", List.of());
    answers.check("caseworkReject", staff.post("/api/v1/casework/cases/" + rejected.applicationId() + "/reject",
      new JsonObject().put("proposalId", rejected.proposalId().toString()).put("templateId", "avslag_tillgangar")
        .put("motivering", "Du har 40 000 kr på ditt sparkonto som du kan använda för din försörjning under mars.")));
    CaseFixtures.Case closed = fixtures.submitted("demo", "Stig", "Svarsson", "none", List.of());
    answers.check("caseworkClose", staff.post("/api/v1/casework/cases/" + closed.applicationId() + "/close",
      new JsonObject().put("motivering", "Du har tagit tillbaka din begäran om bistånd i telefon.")));
    answers.check("caseworkClose", staff.post("/api/v1/casework/cases/" + closed.applicationId() + "/close",
      new JsonObject().put("motivering", "Igen.")));
    answers.check("caseworkAttachment", staff.get("/api/v1/casework/cases/" + closed.applicationId() + "/attachments/"
      + UUID.randomUUID()));
    answers.check("caseworkQueue", staff.get("/api/v1/casework/queue?sort=amount&warnings=true"));
    answers.check("delegationsbeslut", staff.get("/api/v1/reports/delegationsbeslut.csv?from=" + today + "&to="
      + today));
    answers.check("stickprovReport", staff.get("/api/v1/reports/stickprov?from=" + today + "&to=" + today));
    String period = "?from=" + today + "&to=" + today;
    answers.check("loggkontroll", staff.get("/api/v1/reports/loggkontroll" + period + "&action=case.read"));
    answers.check("loggkontroll", staff.get("/api/v1/reports/loggkontroll" + period + "&action=not-a-kind"));
    answers.check("loggkontrollCsv", staff.get("/api/v1/reports/loggkontroll.csv" + period));
    answers.check("delegationsbeslutRows", staff.get("/api/v1/reports/delegationsbeslut" + period));
    answers.check("delegationsbeslutRows", staff.get("/api/v1/reports/delegationsbeslut" + period + "&staffId=x"));
    answers.check("stickprovCsv", staff.get("/api/v1/reports/stickprov.csv" + period));
    answers.check("reportStaff", staff.get("/api/v1/reports/staff"));
    answers.check("adminRulesReload", staff.post("/api/v1/admin/rules/reload", new JsonObject()));
    answers.check("adminRules", staff.get("/api/v1/admin/rules"));

    assertTrue(answers.checked() >= 20, "answers checked: " + answers.checked());
    assertEquals("", answers.problems(), "answers the contract does not describe");
  }
}
