package se.socialportal.overklagande;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("In a real browser: the resident writes an appeal from the decision on the case page and signs it with BankID")
class AppealBrowserTest {

  private static TestApp app;
  private static Chromium chromium;
  private static AppealHarness harness;

  @BeforeAll
  static void start() {
    app = TestApp.start("appealbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    harness = new AppealHarness(app);
    chromium = Chromium.launch(app.clock());
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static void approveOnPhone(BrowserContext context, String simulatorUrl, String identity) {
    Page phone = context.newPage();
    phone.navigate(simulatorUrl);
    phone.locator("#identity").selectOption(identity);
    if (phone.locator("#order").isHidden()) {
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna").setExact(true)).click();
    }
    assertThat(phone.locator("#order")).isVisible();
    phone.locator("#approve").click();
    phone.close();
  }

  @Test
  @DisplayName("case page → Överklaga beslutet → write, attach, sign with BankID → received; axe-core finds nothing")
  void writeAndSign() {
    AppealHarness.Resident ylva = harness.login("ylva");
    AppealHarness.Decided decided = harness.decidedCase(ylva.personId(), "2026-03");

    try (BrowserContext context = Axe.context(chromium)) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/logga-in/");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på den här enheten")).click();
      assertThat(page.locator("#simulator-link")).isVisible();
      approveOnPhone(context, page.locator("#simulator-link").getAttribute("href"), "ylva");
      page.waitForURL("**/mina-sidor/");

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
      approveOnPhone(context, page.locator("#simulator-link").getAttribute("href"), "ylva");

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
}
