package se.socialportal.casework;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: a handläggare logs in with OIDC, approves a proposal, and the resident reads the letter")
class HandlaggareBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("handlaggarebrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
    // Two cores shared with other builds: give the pages time, without any timing assertion.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  @Test
  @DisplayName("queue → take the case → acknowledge the warning → approve → the letter is on the resident's Mina sidor")
  void endToEnd() {
    try (BrowserContext staff = chromium.swedishContext()) {
      Page page = staff.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/");
      // Not logged in: the page sends the browser to the municipality's identity provider (the demo's).
      page.locator("[id='login-anna.handlaggare']").click();
      page.waitForURL("**/handlaggare/");
      assertThat(page.locator("#who")).containsText("Anna Handläggarsson");
      Locator row = page.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText("Ylva Ungsson"));
      assertThat(row).containsText("1 av 1 okvitterade");
      assertThat(page.locator("#queue")).not().containsText("Skyddad", new com.microsoft.playwright.assertions
        .LocatorAssertions.ContainsTextOptions().setUseInnerText(true));
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta ärendet")).click();
      page.waitForURL("**/handlaggare/arende/?id=*");
      assertThat(page.locator("h1")).containsText("Ylva Ungsson");
      assertThat(page.locator("#calculation")).containsText("Hyra");
      Locator approve = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkänn förslaget"));
      assertThat(approve).isDisabled();
      java.util.concurrent.atomic.AtomicInteger acknowledgements = new java.util.concurrent.atomic.AtomicInteger();
      page.onRequest(request -> {
        if (request.url().endsWith("/acknowledge")) {
          acknowledgements.incrementAndGet();
        }
      });
      // An impatient double click: the button waits for the first answer instead of acknowledging twice (a 404).
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kvittera varningen")).dblclick();
      assertThat(page.locator("#warnings")).containsText("Kvitterad av Anna Handläggarsson");
      org.junit.jupiter.api.Assertions.assertEquals(1, acknowledgements.get(), "one acknowledgement per warning");
      assertThat(approve).isEnabled();
      approve.click();
      assertThat(page.locator("#status")).containsText("Beslutet är fattat");
      assertThat(page.locator("#decisions")).containsText("Bifall");
      assertThat(page.locator("#decisions")).containsText("Beslutsbrev");
    }
    try (BrowserContext resident = chromium.swedishContext()) {
      Page page = resident.newPage();
      page.navigate(app.baseUrl() + "/logga-in/");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på den här enheten")).click();
      assertThat(page.locator("#simulator-link")).isVisible();
      Page phone = resident.newPage();
      phone.navigate(page.locator("#simulator-link").getAttribute("href"));
      phone.locator("#identity").selectOption("ylva");
      if (phone.locator("#order").isHidden()) {
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna").setExact(true)).click();
      }
      phone.locator("#approve").click();
      page.waitForURL("**/mina-sidor/");
      // Mina sidor lists the case; its page shows the decision and the letter.
      page.locator("#cases a").first().click();
      page.waitForURL("**/mina-sidor/arende/?id=*");
      Locator letter = page.locator("#letters a").first();
      assertThat(letter).isVisible();
      APIResponse pdf = resident.request().get(app.baseUrl() + letter.getAttribute("href"));
      assertEquals(200, pdf.status());
      assertEquals("application/pdf", pdf.headers().get("content-type"));
      assertTrue(new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }
  }

  @Test
  @DisplayName("a stickprov is acknowledged with the check's result; a discrepancy needs a description")
  void stickprovResult() {
    try (BrowserContext staff = chromium.swedishContext()) {
      Page page = staff.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/");
      page.locator("[id='login-anna.handlaggare']").click();
      page.waitForURL("**/handlaggare/");
      Locator row = page.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText("Stickprovsson"));
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta ärendet")).click();
      page.waitForURL("**/handlaggare/arende/?id=*");
      Locator check = page.locator("form.stickprov-check");
      Locator record = check.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
        .setName("Registrera resultatet och kvittera"));
      check.getByLabel("Avvikelse mot uppgifterna i ansökan").check();
      record.click();
      assertThat(page.locator("#status")).containsText("Beskriv avvikelsen");
      check.getByLabel("Vad kontrollen visade (krävs vid avvikelse)").fill("Kontoutdraget visar en insättning på 2 000 kr.");
      record.click();
      assertThat(page.locator("#status")).containsText("Stickprovets resultat är registrerat");
      assertThat(page.locator("#warnings")).containsText("Kvitterad av Anna Handläggarsson");
      assertThat(page.locator("#warnings")).containsText("Resultat: Avvikelse – Kontoutdraget visar en insättning");
    }
  }

  @Test
  @DisplayName("a paper application is registered with the e-tjänst's own questions (children, costs) and lands in the queue")
  void registerPaperApplication() {
    try (BrowserContext staff = chromium.swedishContext()) {
      Page page = staff.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/registrera/");
      page.locator("[id='login-sam.socialsekreterare']").click();
      page.waitForURL("**/handlaggare/registrera/");
      page.getByLabel("Personnummer (12 siffror)").fill("19700101-9806");
      page.getByLabel("Förnamn", new Page.GetByLabelOptions().setExact(true)).first().fill("Petra");
      page.getByLabel("Efternamn", new Page.GetByLabelOptions().setExact(true)).first().fill("Pappersdotter");
      page.getByLabel("Ditt födelsedatum").fill("1970-01-01");
      // What the e-tjänst asks, the paper form asks: a child and a cost, not only rent.
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till ett barn")).click();
      page.getByLabel("Förnamn", new Page.GetByLabelOptions().setExact(true)).nth(1).fill("Pelle");
      page.getByLabel("Födelsedatum", new Page.GetByLabelOptions().setExact(true)).fill("2016-05-05");
      page.getByLabel("Ja, hela tiden").check();
      page.getByLabel("Hur bor du?").selectOption("rental");
      page.getByLabel("Hyra eller avgift").fill("5400");
      page.getByLabel("Hemförsäkring").fill("150");
      page.getByLabel("Hushållsel").fill("320");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera ansökan")).click();
      assertThat(page.locator("#error-summary")).containsText("Du behöver intyga");
      assertThat(page.getByLabel("Hemförsäkring")).hasValue("150");
      page.getByLabel("Den sökande har skrivit under försäkran om att uppgifterna är riktiga och fullständiga").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera ansökan")).click();
      assertThat(page.locator("#status")).containsText("Ansökan är registrerad");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Öppna ärendet")).click();
      assertThat(page.locator("h1")).containsText("Petra Pappersdotter");
      assertThat(page.locator("#facts")).containsText("Pappersansökan");
      assertThat(page.locator("main")).containsText("Barn: Pelle");
      assertThat(page.locator("#approve")).isHidden();
    }
  }

  @Test
  @DisplayName("the staff pages switch to English, keep the choice, and are Swedish again on request")
  void english() {
    try (BrowserContext staff = chromium.swedishContext()) {
      Page page = staff.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/");
      page.locator("[id='login-anna.handlaggare']").click();
      page.waitForURL("**/handlaggare/");
      assertThat(page.locator("#queue tbody tr").first()).isVisible();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("In English")).click();
      assertThat(page.locator("h1")).hasText("Cases to review");
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.locator("#count")).containsText("cases");
      assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Decision due"))).isVisible();
      page.navigate(app.baseUrl() + "/handlaggare/registrera/");
      assertThat(page.locator("h1")).hasText("Register an application on paper or with help");
      assertThat(page.getByLabel("Personal identity number (12 digits)")).isVisible();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("På svenska")).click();
      assertThat(page.locator("h1")).hasText("Registrera en ansökan på papper eller med hjälp");
    }
  }

  @Test
  @DisplayName("the staff pages redirect to the login when there is no staff session")
  void redirectsToLogin() {
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/arende/?id=00000000-0000-0000-0000-000000000000");
      assertThat(page.locator("[id='login-anna.handlaggare']")).isVisible();
    }
  }
}
