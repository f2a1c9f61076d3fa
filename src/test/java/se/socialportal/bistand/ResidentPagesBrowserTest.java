package se.socialportal.bistand;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.signing.SignedOrder;
import se.socialportal.bistand.signing.SigningSummary;
import se.socialportal.identity.session.SessionCookies;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Browser;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.Futures;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.expect;

/**
 * What a resident sees of their case in a real browser, after the robot and a handläggare have done their part: the
 * robot's step in the history in Swedish, English and Arabic (right to left), the calculation behind the decision in
 * plain words, the receipt of what they signed as a PDF, Mina sidor in Arabic, and the idle-timeout warning with
 * "Fortsätt" and, once the session has ended, a login link back to the same page. axe-core (WCAG 2.1 A and AA) checks
 * each of these pages in the state the test leaves it in.
 */
@DisplayName("In a real browser: the resident's case page, receipt, calculation, Arabic and the idle timeout")
class ResidentPagesBrowserTest {

  private static RobotsFolder robots;
  private static TestApp app;
  private static Chromium chromium;
  private static Decided decided;

  /** A case the robot proposed and a handläggare approved, its applicant and the hash of what was signed. */
  record Decided(String id, String nextMonth, UUID resident, String name, String contentHash) {

    /** A new session for the applicant (each test has its own: one of them lets the server's clock run past idle). */
    String token() {
      return Futures.await(app.services().identity().sessions().store().createResident(app.services().pool(),
        "demo", resident, name)).token();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    // No stickprov: the robot's proposal goes straight to the handläggare (a drawn stickprov would ask for documents).
    robots = RobotsFolder.upTo(2026).write("tenants/demo/stickprov-2025.json", """
      {"kind": "stickprov", "version": "test-stickprov-0", "effectiveFrom": "2025-01-01", "percent": 0,
       "channels": ["digital", "paper", "assisted"], "source": "Test: no stickprov."}""");
    app = TestApp.start("residentpages", new JsonObject().put("ROBOT_ENABLED", "true")
      .put("ROBOTS_DIR", robots.root().toString()).put("ROBOTS_RELOAD_SECONDS", "0"));
    chromium = Chromium.launch(app.clock());
    decided = decidedCase();
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static Decided decidedCase() throws Exception {
    var resident = Residents.login(app, "19850412", "Rut", "Robotsson");
    String id = Fixtures.ready(resident, Fixtures.single(), null);
    String hash = signAndDecide(resident, id);
    // Next month's re-application with a lower rent (below the cap), decided too: its page compares with this one.
    String next = expect(201, resident.post("/api/v1/applications", new JsonObject()
      .put("month", app.clock().thisMonth().plusMonths(1).toString()), "key-" + UUID.randomUUID()))
      .bodyAsJsonObject().getString("id");
    JsonObject content = Fixtures.single();
    content.getJsonObject("housing").put("rent", 6900);
    var saved = expect(200, resident.put("/api/v1/applications/" + next + "/content",
      new JsonObject().put("content", content).put("step", "review"))).bodyAsJsonObject();
    for (Object missing : saved.getJsonArray("missingAttachments")) {
      expect(201, resident.upload("/api/v1/applications/" + next + "/attachments", "application", (String) missing,
        missing + ".pdf", Fixtures.pdf()));
    }
    signAndDecide(resident, next);
    return new Decided(id, next, resident.id, "Rut Robotsson", hash);
  }

  /** Signs the application as it is, lets the robot propose, and has a handläggare approve; the signed content's hash. */
  private static String signAndDecide(Residents.Resident resident, String id) throws Exception {
    var row = Futures.await(app.services().pool().withTransaction(tx ->
      ApplicationRepository.find(tx, UUID.fromString(id)))).orElseThrow();
    // The order service hands the completion the text the BankID app showed; here that is the e-tjänst's own text.
    UUID order = UUID.randomUUID();
    SignedOrder signed = new SignedOrder(order, "demo", Fixtures.applicant(app, id), resident.id, "ref-" + order,
      "PHNpZ25hdHVyZT4=", "b2NzcA==", SigningSummary.markdown(row.month(), row.content(), "applicant"),
      app.clock().instant());
    Futures.await(app.services().pool().withTransaction(tx -> app.services().bistand().signing().complete(tx, signed)));
    eventually("the robot proposes", () -> count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id) == 1);

    StaffLogins.Staff anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    Browser staff = anna.browser();
    String base = "/api/v1/casework/cases/" + id;
    String proposal = one("SELECT id FROM beslutsforslag WHERE application_id = $1", id).getUUID("id").toString();
    expect(200, staff.post(base + "/claim", new JsonObject()));
    for (Row warning : Futures.await(app.services().pool().preparedQuery(
      "SELECT id FROM case_warning WHERE application_id = $1").execute(Tuple.of(UUID.fromString(id))))) {
      expect(200, staff.post(base + "/warnings/" + warning.getUUID("id") + "/acknowledge", new JsonObject()));
    }
    expect(200, staff.post(base + "/approve", new JsonObject().put("proposalId", proposal)));
    return row.contentHash();
  }

  /** A browser logged in with the session token; the page's CSP is bypassed only so that axe-core can be put in. */
  private BrowserContext context(String language, String token) {
    BrowserContext context = chromium.context(new com.microsoft.playwright.Browser.NewContextOptions()
      .setLocale("sv-SE").setAcceptDownloads(true).setBypassCSP(true));
    List<Cookie> cookies = new ArrayList<>();
    cookies.add(new Cookie(SessionCookies.NAME, token).setDomain("127.0.0.1").setPath("/"));
    if (language != null) {
      cookies.add(new Cookie("lang", language).setDomain("127.0.0.1").setPath("/"));
    }
    context.addCookies(cookies);
    return context;
  }

  private static String casePage() {
    return app.baseUrl() + "/mina-sidor/arende/?id=" + decided.id();
  }

  @Test
  @DisplayName("the robot's step is in the history in Swedish, English and Arabic; Arabic is right to left")
  void robotStepInThreeLanguages() {
    String[][] expected = {
      {"sv", "Ett beslutsförslag räknades fram.", "ltr"},
      {"en", "A proposed decision was calculated.", "ltr"},
      {"ar", "حُسب مقترح قرار.", "rtl"}};
    for (String[] language : expected) {
      try (BrowserContext context = context(language[0], decided.token())) {
        Page page = context.newPage();
        page.navigate(casePage());
        assertThat(page.locator("#history")).containsText(language[1]);
        assertThat(page.locator("html")).hasAttribute("dir", language[2]);
        assertThat(page.locator("html")).hasAttribute("lang", language[0]);
        assertThat(page.locator("#history")).not().containsText("event.");
      }
    }
  }

  @Test
  @DisplayName("after the decision: the calculation in plain words, and the receipt of exactly what was signed")
  void calculationAndReceipt() throws Exception {
    try (BrowserContext context = context("sv", decided.token())) {
      Page page = context.newPage();
      page.navigate(casePage());
      var calculation = page.locator("#calculation");
      assertThat(calculation).isVisible();
      assertThat(calculation).containsText("Så räknade vi");
      assertThat(calculation).containsText("Riksnorm – det som räknas för mat");
      assertThat(calculation).containsText("Godkända kostnader");
      assertThat(calculation).containsText("Inkomster som räknas av");
      assertThat(calculation.locator(".calc-result")).containsText(Pattern.compile(
        "Riksnorm .* \\+ kostnader .* − inkomster 1\\s250 kr = .* i försörjningsstöd för månaden\\."));
      long granted = one("SELECT amount FROM decision WHERE application_id = $1 AND type = 'forsorjningsstod'",
        decided.id()).getBigDecimal("amount").longValue();
      String amount = String.format(java.util.Locale.ROOT, "%,d", granted).replace(',', '\u00a0');
      assertThat(calculation.locator(".calc-result")).containsText("= " + amount + " kr");

      assertThat(page.locator("#contact")).containsText("Din handläggare: Anna Handläggarsson");
      assertThat(page.locator("#contact")).containsText("Telefon: 0123-456 00");
      assertThat(calculation).not().containsText("sedan förra månaden");
      assertThat(page.locator("#signatures a.receipt")).hasCount(1);
      Axe.assertClean(page);

      Download download = page.waitForDownload(() -> page.locator("#signatures a.receipt").first().click());
      String text = PdfText.of(Files.readAllBytes(download.path()));
      assertTrue(text.contains("Kvitto på din underskrift"), text);
      assertTrue(text.contains("Sökande Rut Robotsson skrev under med BankID"), text);
      assertTrue(text.contains("Ansökan om ekonomiskt bistånd"), "the BankID text itself: " + text);
      assertTrue(text.contains("Jag intygar att uppgifterna är sanna och fullständiga."), text);
      assertTrue(text.contains(decided.contentHash()), "the signed content's checksum: " + text);
      assertTrue(text.contains("Ansökans innehåll, så som det skrevs under"), text);
      assertTrue(text.contains("7 800 kr") || text.contains("7\u00a0800 kr"), "the rent stated: " + text);
      assertTrue(text.contains("bankStatements.applicant.pdf"), "the documents sent with it: " + text);
    }
    assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'signature_receipt.read'"),
      "the download is in the audit log");
  }

  @Test
  @DisplayName("at a re-application the decision's page says what changed in the calculation since last month")
  void whatChangedSinceLastMonth() {
    try (BrowserContext context = context("sv", decided.token())) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/mina-sidor/arende/?id=" + decided.nextMonth());
      var calculation = page.locator("#calculation");
      assertThat(calculation).containsText("Det här har ändrats sedan förra månaden");
      assertThat(calculation.locator(".calc-changes")).containsText(Pattern.compile(
        "7\\s300 kr förra månaden, nu 6\\s900 kr"));
      assertThat(calculation.locator(".calc-changes li")).hasCount(1);
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("Mina sidor in Arabic: right to left, every text Arabic, the municipality's contact details")
  void minaSidorInArabic() {
    try (BrowserContext context = context("ar", decided.token())) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/mina-sidor/");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("h1")).hasText("صفحاتي");
      assertThat(page.locator("#cases")).containsText("صدر القرار");
      assertThat(page.locator("#contact")).containsText("0123-456 00");
      assertThat(page.locator("#contact")).containsText("أوقات الاتصال");
      assertThat(page.locator("#logout")).isVisible();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      Axe.assertClean(page);
      // The choice follows the resident to the next page without choosing again.
      page.navigate(app.baseUrl() + "/provrakning/");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("#logout")).isVisible();
    }
  }

  @Test
  @DisplayName("Mina sidor with the decided cases, then logged out: the start page and the login page; axe-core finds nothing")
  void minaSidorAndLoggedOut() {
    try (BrowserContext context = context("sv", decided.token())) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/mina-sidor/");
      assertThat(page.locator("#cases")).containsText("Beslut fattat");
      page.waitForLoadState(LoadState.NETWORKIDLE);
      Axe.assertClean(page);

      page.locator("#logout").click();
      page.waitForURL(app.baseUrl() + "/");
      assertThat(page.locator("#logout")).isHidden();
      Axe.assertClean(page);
      page.navigate(app.baseUrl() + "/mina-sidor/");
      page.waitForURL("**/logga-in/?next=*");
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på den här enheten")))
        .isVisible();
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("two minutes before the idle timeout a warning with Fortsätt; once ended, a login link back to the page")
  void idleTimeout() {
    var resident = Residents.login(app, "19900101", "Tim", "Tidsson");
    var session = Futures.await(app.services().identity().sessions().store().createResident(app.services().pool(),
      "demo", resident.id, "Tim Tidsson"));
    Duration idle = app.services().identity().sessions().store().settings().idle();
    try (BrowserContext context = context("sv", session.token())) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/mina-sidor/");
      assertThat(page.locator("#greeting")).containsText("Tim Tidsson");
      // Every answer restarts the idle clock: let the page's own calls (cases, familjerätt) finish first.
      assertThat(page.locator("#cases-empty")).isVisible();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      var notice = page.locator("#session-notice");
      assertThat(notice).isHidden();

      page.clock().runFor(idle.minusMinutes(2).minusSeconds(5).toMillis());
      assertThat(notice).isHidden();
      page.clock().runFor(Duration.ofSeconds(10).toMillis());
      assertThat(notice).isVisible();
      assertThat(notice).containsText("Du loggas ut om två minuter");
      Axe.assertClean(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fortsätt")).click();
      assertThat(notice).isHidden();

      // Nothing more happens: the server's session ends, and the page says so with a way back.
      app.clock().advance(idle.plusMinutes(1));
      page.clock().runFor(idle.plusSeconds(5).toMillis());
      assertThat(notice).containsText("Du har loggats ut");
      assertThat(page.locator("#session-login")).hasAttribute("href", "/logga-in/?next=%2Fmina-sidor%2F");
      assertThat(page.locator("#logout")).isHidden();
      Axe.assertClean(page);
    }
  }

  private static long count(String sql, Object... params) {
    Object[] values = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      values[i] = params[i] instanceof String text && text.length() == 36 ? UUID.fromString(text) : params[i];
    }
    return Fixtures.count(app, sql, values);
  }

  private static Row one(String sql, String id) {
    return Futures.await(app.services().pool().preparedQuery(sql).execute(Tuple.of(UUID.fromString(id))))
      .iterator().next();
  }

  /** Bounded polling: the robot works on its own event loop. */
  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
