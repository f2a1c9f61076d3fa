package se.socialportal.admin.live;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.Eligibility;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Browser;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.Futures;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffBrowserLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live dashboard in demo mode, with the robot on: an administrator has /admin/ open while a resident applies
 * (signing with the BankID simulator) and a handläggare decides the robot's proposal; the page's figures change by
 * themselves, with no reload. A handläggare is refused (403, audited); a neighbouring municipality's administrator
 * sees that municipality's figures only.
 */
@DisplayName("The live dashboard: figures change without a reload; handläggare refused; each municipality its own")
class LiveDashboardBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("livedashboard", new JsonObject().put("ROBOT_ENABLED", "true")
      .put("LIVE_PUSH_MILLIS", "200").put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
    // Two cores shared with other builds: give the pages time, without any timing assertion.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static Page login(BrowserContext context, String subject, String landing) {
    return StaffBrowserLogins.login(context, app.baseUrl(), "/handlaggare/", subject, landing);
  }

  @Test
  @DisplayName("an application and its decision change the open dashboard's figures without a reload")
  void figuresFollowTheCase() {
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "ada.admin", "/handlaggare/start/");
      page.navigate(app.baseUrl() + "/admin/");
      assertThat(page.locator("#figures")).isVisible();
      // The digital channel's "today" cell in the submissions table (the chart's table alternative).
      Locator digitalToday = StaffBrowserLogins.digitalSubmissionsToday(page);
      assertThat(digitalToday).hasText(java.util.regex.Pattern.compile("^\\d+$"));
      int before = Integer.parseInt(digitalToday.textContent());
      String leadBefore = page.locator("#lead").textContent();
      // A reload would lose this mark.
      page.evaluate("() => { window.stillTheSamePage = true; }");

      Browser tolvan = new Browser(app);
      ResidentLogins.login(tolvan, "tolvan");
      String applicationId = submit(tolvan);
      assertThat(digitalToday).hasText(String.valueOf(before + 1));

      StaffLogins.Staff anna = StaffLogins.login(app, "live.anna", "Anna Handläggarsson", "demo", "handlaggare");
      String base = "/api/v1/casework/cases/" + applicationId;
      page.waitForCondition(() -> anna.browser().get(base).bodyAsJsonObject().getValue("proposal") != null);
      JsonObject proposal = anna.browser().get(base).bodyAsJsonObject().getJsonObject("proposal");
      for (Object warning : proposal.getJsonArray("warnings")) {
        HttpResponse<Buffer> acknowledged = anna.browser().post(base + "/warnings/" + ((JsonObject) warning)
          .getString("id") + "/acknowledge", null);
        assertEquals(200, acknowledged.statusCode(), acknowledged.bodyAsString());
      }
      JsonObject approval = new JsonObject().put("proposalId", proposal.getString("id"));
      // The robot samples some proposals for stickprov at random: such a case is approved with the check's result.
      if (proposal.getBoolean("stickprov", false)) {
        approval.put("stickprovResult", "discrepancy").put("note", "Kontoutdraget visar en insättning som saknas.");
      }
      HttpResponse<Buffer> approved = anna.browser().post(base + "/approve", approval);
      assertEquals(200, approved.statusCode(), approved.bodyAsString());

      // The decision reaches the lead times (and the review verdicts) on the page that was never reloaded.
      assertThat(page.locator("#lead")).not().hasText(leadBefore);
      assertThat(page.locator("#proposals tbody tr").first()).containsText("Alla");
      assertEquals(true, page.evaluate("() => window.stillTheSamePage === true"));
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("a handläggare gets 403, on the page and from the API, and the refusal is in the audit log")
  void handlaggareRefused() {
    StaffLogins.Staff anna = StaffLogins.login(app, "refused.anna", "Anna Avvisadsson", "demo", "handlaggare");
    assertEquals(403, anna.browser().get("/api/v1/admin/live").statusCode());
    HttpResponse<Buffer> figures = anna.browser().get("/api/v1/admin/live/figures");
    assertEquals(403, figures.statusCode());
    assertEquals("forbidden", figures.bodyAsJsonObject().getString("error"));
    assertEquals(2L, count("SELECT count(*) FROM audit_event WHERE actor_staff_id = $1 AND action = 'admin.live_refused'",
      anna.staffId()));

    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "anna.handlaggare", "/handlaggare/");
      page.navigate(app.baseUrl() + "/admin/");
      assertThat(page.locator("#status")).hasText("Översikten är till för kommunens administratörer och enhetschefer.");
      assertThat(page.locator("#figures")).isHidden();
      assertThat(page.locator("#staff-nav a[href='/admin/']")).isHidden();
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("a neighbouring municipality's administrator sees its own municipality's figures, not the demo's")
  void neighbourSeesItsOwn() {
    StaffLogins.Staff neighbour = StaffLogins.login(app, "granne.admin", "Greta Grannadmin", "grannkommun", "admin");
    StaffLogins.Staff chef = StaffLogins.login(app, "live.chef", "Erik Enhetschefsson", "demo", "enhetschef");
    JsonObject theirs = neighbour.browser().get("/api/v1/admin/live/figures").bodyAsJsonObject();
    JsonObject ours = chef.browser().get("/api/v1/admin/live/figures").bodyAsJsonObject();
    assertEquals("grannkommun", theirs.getString("tenant"));
    assertEquals("demo", ours.getString("tenant"));
    String open = "SELECT count(*) FROM application WHERE tenant_id = $1 AND status IN ('awaiting_cosignature', "
      + "'submitted', 'under_review', 'komplettering_requested')";
    long demoOpen = count(open, "demo");
    long neighbourOpen = count(open, "grannkommun");
    assertNotEquals(demoOpen, neighbourOpen, "the demo data gives the two municipalities different queues");
    assertEquals(neighbourOpen, openCases(theirs));
    assertEquals(demoOpen, openCases(ours));
  }

  private static long openCases(JsonObject figures) {
    JsonObject queue = figures.getJsonObject("queue");
    return java.util.stream.Stream.of("awaiting_cosignature", "submitted", "under_review", "komplettering_requested")
      .mapToLong(name -> queue.getJsonObject(name).getLong("count")).sum();
  }

  /** Tolvan applies for the first open month as the form does: draft, content, attachments, signature by BankID. */
  private static String submit(Browser resident) {
    String month = new Eligibility(app.services().clock()).openMonths().get(0).toString();
    HttpResponse<Buffer> created = send(resident, HttpMethod.POST, "/api/v1/applications",
      new JsonObject().put("month", month), "live-create-" + UUID.randomUUID());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");
    JsonObject content = resident.get("/api/v1/applications/" + id).bodyAsJsonObject().getJsonObject("content");
    JsonObject household = content.getJsonObject("household", new JsonObject());
    household.put("coApplicant", null).put("children", new JsonArray()).put("otherAdults", new JsonArray());
    household.getJsonObject("applicant", new JsonObject()).put("lunchOutsideHome", false);
    content.put("household", household)
      .put("housing", new JsonObject().put("type", "rental").put("rent", 6200).put("householdElectricity", 300))
      .put("incomes", new JsonArray()).put("costs", new JsonObject()).put("assets", new JsonArray())
      .put("needs", new JsonArray()).put("declaration", true);
    HttpResponse<Buffer> saved = send(resident, HttpMethod.PUT, "/api/v1/applications/" + id + "/content",
      new JsonObject().put("content", content).put("step", "review"), null);
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    for (Object missing : saved.bodyAsJsonObject().getJsonArray("missingAttachments", new JsonArray())) {
      upload(resident, "/api/v1/applications/" + id + "/attachments", (String) missing);
    }
    HttpResponse<Buffer> signing = send(resident, HttpMethod.POST, "/api/v1/applications/" + id + "/sign",
      new JsonObject(), "live-sign-" + UUID.randomUUID());
    assertEquals(200, signing.statusCode(), signing.bodyAsString());
    JsonObject order = signing.bodyAsJsonObject();
    ResidentLogins.approve(resident, ResidentLogins.open(resident, order), "tolvan");
    JsonObject collected = resident.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("complete", collected.getString("status"), collected.encode());
    assertTrue(count("SELECT count(*) FROM application WHERE id = $1 AND submitted_at IS NOT NULL",
      UUID.fromString(id)) == 1, "submitted");
    return id;
  }

  private static HttpResponse<Buffer> send(Browser browser, HttpMethod method, String path, JsonObject body,
                                           String key) {
    var request = browser.client().request(method, app.port(), "127.0.0.1", path)
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

  private static void upload(Browser browser, String path, String category) {
    var form = io.vertx.ext.web.multipart.MultipartForm.create().attribute("purpose", "application")
      .attribute("category", category).binaryFileUpload("file", category + ".pdf",
        Buffer.buffer("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), "application/pdf");
    try {
      HttpResponse<Buffer> uploaded = browser.client().request(HttpMethod.POST, app.port(), "127.0.0.1", path)
        .putHeader("X-CSRF-Token", browser.get("/api/v1/session").bodyAsJsonObject().getString("csrfToken"))
        .sendMultipartForm(form).await(20, TimeUnit.SECONDS);
      assertEquals(201, uploaded.statusCode(), uploaded.bodyAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String sql, Object... params) {
    return Futures.await(app.services().pool().preparedQuery(sql).execute(Tuple.wrap(params)))
      .iterator().next().getLong(0);
  }
}
