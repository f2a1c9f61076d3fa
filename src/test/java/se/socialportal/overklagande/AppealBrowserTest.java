package se.socialportal.overklagande;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: the resident writes an appeal from the decision on the case page and signs it with BankID")
class AppealBrowserTest {

  private static TestApp app;
  private static Chromium chromium;
  private static AppealHarness harness;
  private static Path court;

  @BeforeAll
  static void start() throws IOException {
    court = Files.createTempDirectory("court-outbox");
    app = TestApp.start("appealbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000")
      .put("APPEAL_COURT_OUTBOX_DIR", court.toString()));
    harness = new AppealHarness(app);
    chromium = Chromium.launch(app.clock());
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  /** Logs the resident in on the login page with BankID on this device; the simulator plays the phone. */
  private static Page residentPage(BrowserContext context, String identity) {
    Page page = context.newPage();
    ResidentBrowserLogins.login(context, page, app.baseUrl(), identity);
    return page;
  }

  @Test
  @DisplayName("case page → Överklaga beslutet → write, attach, sign with BankID → received; axe-core finds nothing")
  void writeAndSign() {
    AppealHarness.Resident ylva = harness.login("ylva");
    AppealHarness.Decided decided = harness.decidedCase(ylva.personId(), "2026-03");

    try (BrowserContext context = Axe.context(chromium)) {
      Page page = residentPage(context, "ylva");

      page.navigate(app.baseUrl() + "/mina-sidor/arende/?id=" + decided.applicationId());
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Överklaga beslutet")).click();
      page.waitForURL("**/mina-sidor/overklagande/?id=*");
      assertThat(page.locator("#appeal-deadline")).containsText("senast");
      Axe.assertClean(page);

      page.getByLabel("Hur vill du att beslutet ska ändras?").fill("Jag vill ha bistånd till glasögon, 1 800 kr.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skriv under med BankID på den här enheten"))
        .click();
      assertThat(page.locator("#appeal-summary")).isVisible();
      assertThat(page.locator("#e-reasons")).containsText("Skriv varför beslutet ska ändras.");
      assertEquals("Jag vill ha bistånd till glasögon, 1 800 kr.", page.getByLabel("Hur vill du att beslutet ska ändras?")
        .inputValue(), "nothing typed is lost");
      Axe.assertClean(page);

      page.getByLabel("Varför ska beslutet ändras?").fill("Mina glasögon gick sönder och jag behöver dem i arbetet.");
      page.getByLabel("Bifoga handlingar (valfritt)").setInputFiles(new FilePayload("kvitto.pdf", "application/pdf",
        AppealHarness.pdfWith("Kvitto optiker")));
      assertThat(page.locator("#files")).containsText("kvitto.pdf");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skriv under med BankID på den här enheten"))
        .click();
      assertThat(page.locator("#simulator-link")).isVisible();
      ResidentBrowserLogins.approveOnPhone(context, page.locator("#simulator-link").getAttribute("href"), "ylva");

      assertThat(page.locator("#status-text")).containsText("Nämnden har tagit emot ditt överklagande");
      assertThat(page.locator("#notice")).containsText("Ditt överklagande har kommit in");
      assertThat(page.locator("#appeal-late")).isHidden();
      Axe.assertClean(page);

      page.navigate(app.baseUrl() + "/mina-sidor/overklagande/");
      assertThat(page.locator("#appeals")).containsText("Nämnden har tagit emot");
      Axe.assertClean(page);
    }
    assertEquals(1, harness.count("SELECT count(*) FROM overklagande WHERE person_id = $1 AND status = 'received' "
      + "AND late = false", ylva.personId()));
  }
  @Test
  @DisplayName("signed after the three weeks: flagged late for staff and resident, forwarded from the staff page; axe-core finds nothing")
  void lateAndForwarded() {
    AppealHarness.Resident first = harness.login("tolvan");
    AppealHarness.Decided decided = harness.decidedCase(first.personId(), "2026-03");
    app.clock().advance(Duration.ofDays(22));
    AppealHarness.Resident tolvan = harness.login("tolvan");
    UUID appeal = harness.appealAndSign(tolvan, decided.decisionId(), "Jag vill få bistånd till tandvård, 4 000 kr.",
      "Tandläkaren säger att behandlingen inte kan vänta.", null);

    try (BrowserContext staff = Axe.context(chromium); BrowserContext resident = Axe.context(chromium)) {
      Page anna = staff.newPage();
      anna.navigate(app.baseUrl() + "/handlaggare/overklaganden/");
      anna.locator("[id='login-anna.handlaggare']").click();
      anna.waitForURL("**/handlaggare/overklaganden/");
      Locator row = anna.locator("#appeals tbody tr").filter(new Locator.FilterOptions().setHasText("Tolvan Tolvansson"));
      assertThat(row).containsText("för sent");
      row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tolvan Tolvansson")).click();
      anna.waitForURL("**/handlaggare/overklaganden/?id=" + appeal);
      assertThat(anna.locator("#facts")).containsText("Nej – för sent");
      anna.locator("#forward").click();
      assertThat(anna.locator("#status")).containsText("Överlämnat till förvaltningsrätten");

      Page page = residentPage(resident, "tolvan");
      page.navigate(app.baseUrl() + "/mina-sidor/overklagande/?id=" + appeal);
      assertThat(page.locator("#appeal-late")).containsText("Överklagandet kom in efter 6 maj 2026");
      assertThat(page.locator("#status-text")).containsText("skickats till förvaltningsrätten");
      Axe.assertClean(page);
    }
    assertEquals(1, harness.count("SELECT count(*) FROM overklagande WHERE id = $1 AND status = 'forwarded' "
      + "AND late = true", appeal));
    assertTrue(Files.exists(court.resolve(appeal + ".pdf")), "the bundle went to the court's outbox");
  }
}
