package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.DemoHousehold;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.expect;

@DisplayName("The application draft: eligibility, one per household and month, saving, validation messages")
class ApplicationDraftTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("bistanddraft");
  }

  /** This month by the server's clock. */
  private static YearMonth thisMonth() {
    return app.clock().thisMonth();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("without a resident session the API answers 401; without the CSRF token a change is refused")
  void sessionAndCsrf() {
    var anonymous = app.client().get("/api/v1/cases");
    assertEquals(401, Futures.await(anonymous.send()).statusCode());
    var resident = Residents.login(app, "19800101", "Ada", "Andersson");
    var forged = resident.postWithoutCsrf("/api/v1/applications", new JsonObject().put("month", thisMonth().toString()));
    assertEquals(403, forged.statusCode());
    assertEquals("csrf_failed", forged.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("only this month and next are open; the answer names the field")
  void openMonths() {
    var resident = Residents.login(app, "19800102", "Bo", "Berg");
    var eligibility = expect(200, resident.get("/api/v1/applications/eligibility?month=" + thisMonth()))
      .bodyAsJsonObject();
    assertTrue(eligibility.getBoolean("mayApply"));
    assertEquals("new", eligibility.getString("kind"));
    assertEquals(new JsonArray().add(thisMonth().toString()).add(thisMonth().plusMonths(1).toString()),
      eligibility.getJsonArray("openMonths"));
    var past = resident.get("/api/v1/applications/eligibility?month=" + thisMonth().minusMonths(1));
    assertEquals(400, past.statusCode());
    JsonObject field = past.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    assertEquals("month", field.getString("field"));
    assertEquals("month_not_open", field.getString("error"));
    assertEquals("Du kan söka för innevarande och nästa månad.", field.getString("message"));
  }

  @Test
  @DisplayName("a double click starts one draft; a second application for the month is refused and the first is named")
  void onePerHouseholdAndMonth() {
    var resident = Residents.login(app, "19800103", "Cia", "Carlsson");
    JsonObject month = new JsonObject().put("month", thisMonth().toString());
    var first = expect(201, resident.post("/api/v1/applications", month, "double-click-1"));
    var again = expect(201, resident.post("/api/v1/applications", month, "double-click-1"));
    assertEquals(first.bodyAsJsonObject().getString("id"), again.bodyAsJsonObject().getString("id"));
    var second = resident.post("/api/v1/applications", month, "another-key-2");
    assertEquals(409, second.statusCode());
    assertEquals("application_exists_for_month", second.bodyAsJsonObject().getString("error"));
    var eligibility = expect(200, resident.get("/api/v1/applications/eligibility?month=" + thisMonth()))
      .bodyAsJsonObject();
    assertFalse(eligibility.getBoolean("mayApply"));
    assertEquals(first.bodyAsJsonObject().getString("id"), eligibility.getJsonObject("existing").getString("id"));
    assertEquals(1, Fixtures.count(app, "SELECT count(*) FROM application WHERE applicant_id = $1", resident.id));
    var reused = resident.post("/api/v1/applications", new JsonObject().put("month",
      thisMonth().plusMonths(1).toString()), "double-click-1");
    assertEquals(409, reused.statusCode());
    assertEquals("idempotency_key_reused", reused.bodyAsJsonObject().getString("error"));
    var noKey = resident.post("/api/v1/applications", month);
    assertEquals(400, noKey.statusCode());
    assertEquals("idempotency_key_required", noKey.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("a draft keeps everything typed, even wrong values, and reports each problem next to its field")
  void draftKeepsWhatWasTyped() {
    var resident = Residents.login(app, "19800104", "Dan", "Dahl");
    String id = Fixtures.draft(resident);
    var started = expect(200, resident.get("/api/v1/applications/" + id)).bodyAsJsonObject();
    assertEquals(resident.personnummer.birthDate().toString(),
      started.getJsonObject("content").getJsonObject("household").getJsonObject("applicant").getString("birthDate"),
      "the applicant's birth date comes from the personnummer");
    JsonObject content = Fixtures.single();
    content.getJsonObject("housing").put("rent", "sju tusen");
    content.getJsonObject("household").getJsonArray("children").getJsonObject(0)
      .put("birthDate", "2016-02-30").put("livesHere", "partTime");
    content.remove("declaration");
    var saved = expect(200, resident.put("/api/v1/applications/" + id + "/content",
      new JsonObject().put("content", content).put("step", "housing"))).bodyAsJsonObject();
    assertEquals("sju tusen", saved.getJsonObject("content").getJsonObject("housing").getString("rent"));
    assertEquals("housing", saved.getString("draftStep"));
    JsonArray problems = saved.getJsonArray("problems");
    assertProblem(problems, "household.children[0].birthDate", "date_invalid");
    assertProblem(problems, "household.children[0].daysPerMonth", "days_per_month_required");
    assertProblem(problems, "housing.rent", "amount_invalid");
    assertTrue(problems.stream().noneMatch(p -> ((JsonObject) p).getString("field").equals("declaration")),
      "a draft is not asked for what is not there yet: " + problems);
    var reread = expect(200, resident.get("/api/v1/applications/" + id)).bodyAsJsonObject();
    assertEquals(saved.getJsonObject("content"), reread.getJsonObject("content"), "resumes as it was left");
  }

  @Test
  @DisplayName("the full check before signing lists every problem, in Swedish or English, with the field's path")
  void reviewMessages() {
    var resident = Residents.login(app, "19800105", "Eva", "Ek");
    String id = Fixtures.draft(resident);
    JsonObject content = Fixtures.single();
    content.remove("declaration");
    content.getJsonObject("household").getJsonArray("children").add(new JsonObject().put("firstName", "Vuxen")
      .put("birthDate", "1990-01-01").put("livesHere", "full"));
    content.getJsonArray("incomes").add(new JsonObject().put("person", "coApplicant").put("type", "salary")
      .put("amount", 100));
    expect(200, resident.put("/api/v1/applications/" + id + "/content", new JsonObject().put("content", content)));
    var review = resident.post("/api/v1/applications/" + id + "/review", new JsonObject());
    assertEquals(400, review.statusCode());
    JsonArray fields = review.bodyAsJsonObject().getJsonArray("fields");
    assertProblem(fields, "household.children[1].birthDate", "child_too_old");
    assertProblem(fields, "incomes[1].person", "person_unknown");
    assertProblem(fields, "declaration", "declaration_required");
    assertProblem(fields, "attachments.bankStatements.applicant", "attachment_required");
    JsonObject declaration = find(fields, "declaration");
    assertEquals("Du behöver intyga att uppgifterna är sanna och fullständiga.", declaration.getString("message"));
    var english = Residents.Resident.send(resident.request(io.vertx.core.http.HttpMethod.POST,
      "/api/v1/applications/" + id + "/review").putHeader("Accept-Language", "en-GB,en;q=0.8"), new JsonObject());
    assertEquals("You need to confirm that the information is true and complete.", find(english.bodyAsJsonObject().getJsonArray("fields"), "declaration")
      .getString("message"));
  }

  @Test
  @DisplayName("the co-applicant is named by a valid personnummer that is not the applicant's own")
  void coApplicant() {
    var resident = Residents.login(app, "19800106", "Fia", "Fors");
    String id = Fixtures.draft(resident);
    var invalid = resident.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", "19121212-1213"));
    assertEquals(400, invalid.statusCode());
    assertProblem(invalid.bodyAsJsonObject().getJsonArray("fields"), "coApplicant.personnummer", "personnummer_invalid");
    assertFalse(invalid.bodyAsString().contains("1912121212"), "the personnummer is never echoed");
    var self = resident.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", resident.personnummer.value()));
    assertProblem(self.bodyAsJsonObject().getJsonArray("fields"), "coApplicant.personnummer", "co_applicant_is_applicant");
    var named = expect(200, resident.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", "19121212-1212"))).bodyAsJsonObject();
    assertEquals("19121212-****", named.getJsonObject("coApplicant").getString("personnummer"));
    var removed = expect(200, resident.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().putNull("personnummer"))).bodyAsJsonObject();
    assertNull(removed.getValue("coApplicant"));
  }

  @Test
  @DisplayName("a re-application starts from last month's application and shows what changed")
  void reapplicationPrefill() {
    var resident = Residents.login(app, "19800107", "Gun", "Gran");
    // Last month's application, sent in (inserted as the e-tjänst would have left it).
    java.time.Instant lastMonth = app.clock().instant().minus(java.time.Duration.ofDays(30));
    UUID previous = Futures.await(app.services().pool().withTransaction(tx -> ApplicationRepository.insertDraft(tx,
        "demo", thisMonth().minusMonths(1), "new", resident.id, null, Fixtures.single(), null, lastMonth)
      .compose(row -> ApplicationRepository.markSubmitted(tx, row, lastMonth).map(row.id()))));
    var eligibility = expect(200, resident.get("/api/v1/applications/eligibility?month=" + thisMonth()))
      .bodyAsJsonObject();
    assertEquals("reapplication", eligibility.getString("kind"));
    String id = Fixtures.draft(resident);
    var draft = expect(200, resident.get("/api/v1/applications/" + id)).bodyAsJsonObject();
    assertEquals("reapplication", draft.getString("kind"));
    JsonObject content = draft.getJsonObject("content");
    assertEquals(7800, content.getJsonObject("housing").getInteger("rent"));
    assertNull(content.getValue("declaration"), "the declaration is made anew every month");
    assertEquals(new JsonArray(), draft.getJsonArray("changedPaths"));
    content.getJsonObject("housing").put("rent", 8100);
    var saved = expect(200, resident.put("/api/v1/applications/" + id + "/content",
      new JsonObject().put("content", content))).bodyAsJsonObject();
    assertEquals(new JsonArray().add("housing.rent"), saved.getJsonArray("changedPaths"));
    assertEquals(thisMonth().minusMonths(1).toString(), saved.getJsonObject("previous").getString("month"));
    assertEquals(new JsonArray().add("housingCost.housing"), saved.getJsonArray("missingAttachments"),
      "a higher housing cost needs its document; nothing else does on a re-application");
    assertNotEquals(previous.toString(), id);
  }

  @Test
  @DisplayName("demo mode: Demo Demosson has last month's application, so a re-application can be tried at once")
  void demoHousehold() {
    var demo = Residents.login(app, se.socialportal.identity.Personnummer.of(DemoHousehold.DEMO_PERSONNUMMER),
      "Demo", "Demosson");
    Futures.await(DemoHousehold.seed(app.services().pool(), app.services().clock(),
      app.services().bistand().komplettering()));
    var cases = expect(200, demo.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases");
    assertEquals(1, cases.size(), "seeding again adds nothing");
    assertEquals(thisMonth().minusMonths(1).toString(), cases.getJsonObject(0).getString("month"));
    assertEquals(1, cases.getJsonObject(0).getInteger("openKompletteringar"));
    assertEquals("reapplication", expect(200, demo.get("/api/v1/applications/eligibility?month=" + thisMonth()))
      .bodyAsJsonObject().getString("kind"));
  }

  static void assertProblem(JsonArray problems, String field, String code) {
    JsonObject problem = find(problems, field);
    assertEquals(code, problem.getString("error"), field + " in " + problems.encodePrettily());
    assertFalse(problem.getString("message").startsWith("field."), "has a text: " + problem);
  }

  static JsonObject find(JsonArray problems, String field) {
    return problems.stream().map(p -> (JsonObject) p).filter(p -> field.equals(p.getString("field"))).findFirst()
      .orElseThrow(() -> new AssertionError("no problem for " + field + " in " + problems.encodePrettily()));
  }
}
