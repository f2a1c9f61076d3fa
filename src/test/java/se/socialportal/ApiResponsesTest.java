package se.socialportal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.Eligibility;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ContractAnswers;
import se.socialportal.testing.PaperRegistrations;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract tells the truth about answers too: a resident and staff go through the service – a draft, a paper
 * registration, komplettering asked and answered, messages, the queue, the case, reports, the rule book – and every
 * answer, success or error, must be one the contract documents for its operation, with a JSON body of its schema.
 */
@DisplayName("Every answer on a walk through the service is one the contract documents, in its schema")
class ApiResponsesTest {

  private static TestApp app;
  private static ContractAnswers answers;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start("apiresponses");
    answers = new ContractAnswers(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> check(String operationId, HttpResponse<Buffer> response) {
    return answers.check(operationId, response);
  }

  @Test
  @DisplayName("a resident, a handläggare, an enhetschef and an admin, through every room")
  void walk() throws Exception {
    List<YearMonth> open = new Eligibility(app.services().clock()).openMonths();
    LocalDate today = app.clock().today();
    Browser resident = new Browser(app);
    check("residentSession", resident.get("/api/v1/session"));
    check("residentCases", resident.get("/api/v1/cases"));
    JsonObject started = check("residentLogin", resident.post("/api/v1/login", new JsonObject().put("device", "other")))
      .bodyAsJsonObject();
    check("bankIdCollect", resident.post("/api/v1/bankid/orders/" + started.getString("orderId") + "/collect",
      new JsonObject()));
    check("bankIdCancel", resident.post("/api/v1/bankid/orders/" + started.getString("orderId") + "/cancel",
      new JsonObject()));
    check("bankIdQr", resident.get("/api/v1/bankid/orders/" + started.getString("orderId") + "/qr"));
    check("residentLogin", resident.post("/api/v1/login", new JsonObject().put("device", "phone")));
    ResidentLogins.login(resident, "tolvan");
    check("residentSession", resident.get("/api/v1/session"));
    check("applicationEligibility", resident.get("/api/v1/applications/eligibility?month=" + open.get(0)));
    check("applicationEligibility", resident.get("/api/v1/applications/eligibility?month=1999-01"));
    HttpResponse<Buffer> created = check("applicationCreate", send(resident, "POST", "/api/v1/applications",
      new JsonObject().put("month", open.get(0).toString()), "walk-create-0001"));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String draft = created.bodyAsJsonObject().getString("id");
    check("applicationCreate", send(resident, "POST", "/api/v1/applications",
      new JsonObject().put("month", open.get(0).toString()), "walk-create-0002"));
    JsonObject view = check("applicationGet", resident.get("/api/v1/applications/" + draft)).bodyAsJsonObject();
    check("applicationSave", send(resident, "PUT", "/api/v1/applications/" + draft + "/content",
      new JsonObject().put("content", view.getJsonObject("content")).put("step", "household"), null));
    check("applicationCoApplicant", send(resident, "PUT", "/api/v1/applications/" + draft + "/co-applicant",
      new JsonObject().put("personnummer", "19800101-9804"), null));
    check("applicationCoApplicant", send(resident, "PUT", "/api/v1/applications/" + draft + "/co-applicant",
      new JsonObject().put("personnummer", "1980"), null));
    HttpResponse<Buffer> uploaded = check("attachmentUpload", upload(resident, "/api/v1/applications/" + draft
      + "/attachments", "application", "hyresavtal.pdf"));
    assertEquals(201, uploaded.statusCode(), uploaded.bodyAsString());
    JsonObject attached = uploaded.bodyAsJsonObject();
    check("attachmentUpload", upload(resident, "/api/v1/applications/" + draft + "/attachments", "nothing", "x.pdf"));
    check("attachmentDownload", resident.get("/api/v1/applications/" + draft + "/attachments/"
      + attached.getString("id")));
    check("applicationGet", resident.get("/api/v1/applications/" + draft));
    check("attachmentRemove", send(resident, "DELETE", "/api/v1/applications/" + draft + "/attachments/"
      + attached.getString("id"), new JsonObject(), null));
    check("attachmentRemove", send(resident, "DELETE", "/api/v1/applications/" + draft + "/attachments/"
      + attached.getString("id"), new JsonObject(), null));
    check("applicationReview", resident.post("/api/v1/applications/" + draft + "/review", new JsonObject()));
    check("applicationSign", send(resident, "POST", "/api/v1/applications/" + draft + "/sign", new JsonObject(),
      "walk-sign-0001"));
    check("applicationCosign", send(resident, "POST", "/api/v1/applications/" + draft + "/cosign", new JsonObject(),
      "walk-cosign-0001"));
    check("applicationCosignDecline", resident.post("/api/v1/applications/" + draft + "/cosign/decline",
      new JsonObject()));
    check("residentCase", resident.get("/api/v1/cases/" + draft));
    check("residentCase", resident.get("/api/v1/cases/" + UUID.randomUUID()));
    check("residentMessage", resident.post("/api/v1/cases/" + draft + "/messages", new JsonObject().put("body", "Hej")));

    StaffLogins.Staff chef = StaffLogins.login(app, "walk.chef", "Eva Enhetschefsson", "demo", "handlaggare",
      "gruppledare", "enhetschef", "admin");
    StaffLogins.Staff bo = StaffLogins.login(app, "walk.bo", "Bo Handläggarsson", "demo", "handlaggare");
    Browser staff = chef.browser();
    check("staffSession", staff.get("/api/v1/staff/session"));
    check("residentCases", staff.get("/api/v1/cases"));
    HttpResponse<Buffer> registered = check("caseworkRegister", staff.post("/api/v1/casework/registrations",
      PaperRegistrations.tolvan(open.get(1).toString())));
    assertEquals(200, registered.statusCode(), registered.bodyAsString());
    String caseId = registered.bodyAsJsonObject().getString("applicationId");
    check("caseworkRegister", staff.post("/api/v1/casework/registrations", PaperRegistrations.tolvan(open.get(1).toString())));
    check("caseworkQueue", staff.get("/api/v1/casework/queue?sort=age&owner=any"));
    check("caseworkQueue", staff.get("/api/v1/casework/queue?sort=name"));
    check("caseworkClaim", staff.post("/api/v1/casework/cases/" + caseId + "/claim", new JsonObject()));
    check("caseworkAssign", staff.post("/api/v1/casework/cases/" + caseId + "/assign",
      new JsonObject().put("staffId", bo.staffId().toString())));
    check("caseworkAccess", staff.post("/api/v1/casework/cases/" + caseId + "/access",
      new JsonObject().put("staffId", bo.staffId().toString())));
    JsonObject asked = check("caseworkKomplettering", staff.post("/api/v1/casework/cases/" + caseId + "/komplettering",
      new JsonObject().put("message", "Skicka kontoutdrag.").put("dueDate", today.plusDays(5).toString())
        .put("items", new JsonArray().add("bankStatements")))).bodyAsJsonObject();
    check("caseworkMessage", staff.post("/api/v1/casework/cases/" + caseId + "/messages",
      new JsonObject().put("body", "Vi har tagit emot din ansökan.")));
    check("caseworkCase", staff.get("/api/v1/casework/cases/" + caseId));
    check("caseworkCase", staff.get("/api/v1/casework/cases/" + UUID.randomUUID()));
    check("caseworkAdjust", staff.post("/api/v1/casework/cases/" + caseId + "/adjustments",
      new JsonObject().put("lineKey", "housing.rent").put("amount", "6200.00").put("reason", "Enligt hyresavtal.")));
    check("caseworkApprove", staff.post("/api/v1/casework/cases/" + caseId + "/approve",
      new JsonObject().put("proposalId", UUID.randomUUID().toString())));
    check("caseworkReject", staff.post("/api/v1/casework/cases/" + caseId + "/reject",
      new JsonObject().put("proposalId", UUID.randomUUID().toString()).put("templateId", "nope").put("motivering", "x")));
    check("caseworkTemplates", staff.get("/api/v1/casework/templates"));
    check("caseworkStaff", staff.get("/api/v1/casework/staff"));
    check("caseworkRegisterAbsence", staff.post("/api/v1/casework/absences", new JsonObject()
      .put("deputyId", bo.staffId().toString()).put("from", today.toString()).put("to", today.plusDays(3).toString())
      .put("reason", "Semester")));
    check("caseworkAbsences", staff.get("/api/v1/casework/absences"));
    check("loggkontroll", staff.get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today));
    check("stickprovReport", staff.get("/api/v1/reports/stickprov?from=" + today + "&to=" + today));
    check("loggkontroll", staff.get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today.minusDays(1)));
    check("adminRules", staff.get("/api/v1/admin/rules"));
    check("adminRules", bo.browser().get("/api/v1/admin/rules"));
    check("caseworkQueue", resident.get("/api/v1/casework/queue"));

    check("residentCases", resident.get("/api/v1/cases"));
    check("residentCase", resident.get("/api/v1/cases/" + caseId));
    check("residentAnswerKomplettering", resident.post("/api/v1/cases/" + caseId + "/kompletteringar/"
      + asked.getString("id") + "/answer", new JsonObject().put("text", "Kontoutdraget kommer med posten.")));
    check("residentAnswerKomplettering", resident.post("/api/v1/cases/" + caseId + "/kompletteringar/"
      + asked.getString("id") + "/answer", new JsonObject().put("text", "Igen.")));
    check("residentMessage", resident.post("/api/v1/cases/" + caseId + "/messages",
      new JsonObject().put("body", "Tack!")));
    check("residentCase", resident.get("/api/v1/cases/" + caseId));
    check("residentWithdraw", resident.post("/api/v1/cases/" + draft + "/withdraw", new JsonObject()));
    check("provrakningOptions", app.client().get("/api/v1/provrakning/options").send()
      .await(10, TimeUnit.SECONDS));
    check("provrakningOptions", app.client().get("/api/v1/provrakning/options?month=2025-13").send()
      .await(10, TimeUnit.SECONDS));
    check("residentLogout", resident.post("/api/v1/logout", new JsonObject()));
    check("staffLogout", staff.post("/api/v1/staff/logout", new JsonObject()));
    check("residentCases", resident.get("/api/v1/cases"));

    assertTrue(answers.checked() >= 60, "answers checked: " + answers.checked());
    assertEquals("", answers.problems(), "answers the contract does not describe");
  }

  private static HttpResponse<Buffer> send(Browser browser, String method, String path, JsonObject body, String key) {
    var request = browser.client().request(io.vertx.core.http.HttpMethod.valueOf(method), app.port(), "127.0.0.1", path)
      .putHeader("Content-Type", "application/json")
      .putHeader("X-CSRF-Token", browser.get("/api/v1/session").bodyAsJsonObject().getString("csrfToken"));
    if (key != null) {
      request.putHeader("Idempotency-Key", key);
    }
    try {
      return request.sendBuffer(body.toBuffer()).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One small PDF, as the form uploads it. */
  private static HttpResponse<Buffer> upload(Browser browser, String path, String purpose, String fileName) {
    MultipartForm form = MultipartForm.create().attribute("purpose", purpose).attribute("category", "other")
      .binaryFileUpload("file", fileName, Buffer.buffer("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        "application/pdf");
    try {
      return browser.client().request(io.vertx.core.http.HttpMethod.POST, app.port(), "127.0.0.1", path)
        .putHeader("X-CSRF-Token", browser.get("/api/v1/session").bodyAsJsonObject().getString("csrfToken"))
        .sendMultipartForm(form).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
