package se.socialportal.bistand;

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
import se.socialportal.testing.Chromium;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.TestApp;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: an application with a co-applicant, signed by both through the BankID simulator")
class ApplicationBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("bistandbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static void login(BrowserContext context, Page page, String identity) {
    ResidentBrowserLogins.login(context, page, app.baseUrl(), identity);
  }

  private static void approveOnPhone(BrowserContext context, String simulatorUrl, String identity) {
    ResidentBrowserLogins.approveOnPhone(context, simulatorUrl, identity);
  }

  private static FilePayload pdf(String name) {
    return new FilePayload(name, "application/pdf", Fixtures.pdf().getBytes());
  }

  private static Locator next(Page page) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara och fortsätt").setExact(true));
  }

  @Test
  @DisplayName("Tolvan applies with Testa as sambo; errors are explained; both sign; Mina sidor shows it; the robot has its job")
  void applyWithCoApplicant() {
    try (BrowserContext applicantContext = chromium.swedishContext();
         BrowserContext coContext = chromium.swedishContext()) {
      Page page = applicantContext.newPage();
      login(applicantContext, page, "tolvan");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ansök om ekonomiskt bistånd")).click();
      page.waitForURL("**/ansokan/");
      page.locator("#f-month").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Börja ansökan")).click();
      page.waitForURL(Pattern.compile(".*/ansokan/\\?id=.*"));
      String id = page.url().substring(page.url().indexOf("id=") + 3);

      // Household: the birth date comes from the personnummer; the sambo is named by personnummer.
      assertThat(page.getByLabel("Ditt födelsedatum")).hasValue("1912-12-12");
      page.locator("#f-together-yes").check();
      page.getByLabel("Medsökandes personnummer").fill("19800101-9804");
      page.getByLabel("Medsökandes personnummer").press("Tab");
      assertThat(page.locator(".named-person")).containsText("19800101-****");
      page.getByLabel("Vilken sorts förhållande har ni?").selectOption("sambo");
      page.getByLabel("Medsökandes födelsedatum").fill("1980-01-01");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till ett barn")).click();
      page.locator("#f-household-children-0-firstName").fill("Kim");
      page.locator("#f-household-children-0-birthDate").fill("2019-02-30");
      page.locator("#f-household-children-0-livesHere").check();
      next(page).click();

      // A wrong date: an error summary with a link, the message next to the field, and the typed text kept.
      Locator summary = page.locator("#summary-household");
      assertThat(summary).isVisible();
      assertThat(summary).isFocused();
      assertThat(summary).containsText("Skriv ett datum som finns");
      Locator childDate = page.locator("#f-household-children-0-birthDate");
      assertThat(childDate).hasAttribute("aria-invalid", "true");
      assertThat(page.locator("#e-household-children-0-birthDate")).containsText("Skriv ett datum som finns");
      assertThat(childDate).hasValue("2019-02-30");
      summary.getByRole(AriaRole.LINK).first().click();
      assertThat(childDate).isFocused();
      childDate.fill("2019-02-28");
      next(page).click();

      // Housing.
      assertThat(page.locator("#h-housing")).isFocused();
      page.getByLabel("Hur bor du?").selectOption("rental");
      page.getByLabel("Hyra eller avgift").fill("7 800");
      page.getByLabel("Hushållsel").fill("300");
      next(page).click();

      // Incomes.
      assertThat(page.locator("#h-incomes")).isFocused();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till en inkomst")).click();
      page.locator("#f-incomes-0-person").selectOption("coApplicant");
      page.locator("#f-incomes-0-type").selectOption("unemploymentBenefit");
      page.locator("#f-incomes-0-amount").fill("6400");
      next(page).click();
      assertThat(page.locator("#h-costs")).isFocused();
      next(page).click();
      assertThat(page.locator("#h-assets")).isFocused();
      next(page).click();
      assertThat(page.locator("#h-needs")).isFocused();
      next(page).click();

      // Documents asked for by the rules: kontoutdrag for both adults and the housing cost (a first application).
      assertThat(page.locator("#h-attachments")).isFocused();
      // Going on without them: the summary names each missing document, not the same sentence three times.
      next(page).click();
      Locator missing = page.locator("#summary-attachments");
      assertThat(missing).containsText("Kontoutdrag för de senaste tre månaderna (dina konton):");
      assertThat(missing).containsText("Kontoutdrag för de senaste tre månaderna (medsökandes konton):");
      assertThat(missing).containsText("Hyresavi, hyreskontrakt eller annat underlag för boendekostnaden:");
      for (String requirement : new String[] {"bankStatements-applicant", "bankStatements-coApplicant", "housingCost-housing"}) {
        page.locator("#f-attachments-" + requirement).setInputFiles(pdf(requirement + ".pdf"));
        assertThat(page.locator("#live")).containsText("är uppladdad");
      }
      page.locator("#f-attachments-other").setInputFiles(new FilePayload("virus.pdf", "application/pdf",
        "MZ not a pdf".getBytes()));
      assertThat(page.locator("#e-attachments-other")).containsText("PDF, JPEG eller PNG");
      next(page).click();

      // Review and sign: without the declaration the summary says so.
      assertThat(page.locator("#h-review")).isFocused();
      assertThat(page.locator("#area-review")).containsText("A-kassa (Medsökande)");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skriv under med BankID på den här enheten")).click();
      assertThat(page.locator("#summary-review")).containsText("Du behöver intyga");
      page.getByLabel("Jag intygar att uppgifterna är sanna och fullständiga och att jag kommer att meddela ändringar.").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skriv under med BankID på den här enheten")).click();
      assertThat(page.locator("#simulator-link")).isVisible();
      approveOnPhone(applicantContext, page.locator("#simulator-link").getAttribute("href"), "tolvan");
      page.waitForURL("**/mina-sidor/arende/?id=" + id);
      assertThat(page.locator("#case-status")).hasText("Status: Väntar på medsökandes underskrift");
      assertThat(page.locator("#signatures")).containsText("Tolvan Tolvansson skrev under");
      assertThat(page.locator("#signatures")).containsText("Väntar på att");
      assertEquals(0, Fixtures.count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1", UUID.fromString(id)));

      // The sambo is asked on their own Mina sidor and signs there.
      Page co = coContext.newPage();
      login(coContext, co, "testa");
      co.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Skriv under ansökan för"))).click();
      co.waitForURL("**/mina-sidor/arende/?id=" + id);
      assertThat(co.locator("#cosign-text")).containsText("Tolvan Tolvansson har ansökt");
      // Every figure and every document before signing, not only four totals.
      Locator details = co.locator("#cosign-details");
      assertThat(details).containsText("A-kassa (Du)");
      assertThat(details).containsText("6\u00a0400 kr");
      assertThat(details).containsText("bankStatements-applicant.pdf");
      assertThat(co.locator("#attachments")).containsText("housingCost-housing.pdf");
      co.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skriv under med BankID på den här enheten")).click();
      assertThat(co.locator("#simulator-link")).isVisible();
      approveOnPhone(coContext, co.locator("#simulator-link").getAttribute("href"), "testa");
      assertThat(co.locator("#case-status")).hasText("Status: Inskickad");
      assertThat(co.locator("#signatures a.receipt")).hasCount(2);

      // Mina sidor shows it to the applicant too, and the robot's job exists.
      page.navigate(app.baseUrl() + "/mina-sidor/");
      assertThat(page.locator("#cases")).containsText("Status: Inskickad");
      assertEquals(1, Fixtures.count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1", UUID.fromString(id)));
      assertEquals(2, Fixtures.count(app, "SELECT count(*) FROM application_signature WHERE application_id = $1 "
        + "AND order_ref IS NOT NULL AND length(signature) > 100 AND length(ocsp_response) > 10", UUID.fromString(id)));
    }
  }

  @Test
  @DisplayName("switching language keeps what was typed; Arabic is laid out right to left; a phone-sized screen works")
  void languageSwitchKeepsTheDraft() {
    try (BrowserContext context = chromium.context(new com.microsoft.playwright.Browser.NewContextOptions()
      .setLocale("sv-SE").setViewportSize(375, 740))) {
      Page page = context.newPage();
      login(context, page, "demo");
      page.navigate(app.baseUrl() + "/ansokan/");
      page.locator("#f-month").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Börja ansökan")).click();
      page.waitForURL(Pattern.compile(".*/ansokan/\\?id=.*"));
      page.getByLabel("Telefonnummer (frivilligt)").fill("070-123 45 67");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("#h-household")).hasText("Household");
      assertThat(page.getByLabel("Phone number (optional)")).hasValue("070-123 45 67");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("العربية")).click();
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("#h-household")).hasText("الأسرة");
      assertThat(page.getByLabel("رقم الهاتف (اختياري)")).hasValue("070-123 45 67");
      double width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
      assertTrue(width <= 375, "no sideways scrolling on a phone: " + width + " " + page.evaluate("() => Array.from("
        + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376 || "
        + "e.getBoundingClientRect().left < -1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join()"));
      // Keyboard: the next button can be reached and has a visible focus outline.
      page.locator("#next").focus();
      String outline = (String) page.evaluate("() => getComputedStyle(document.getElementById('next')).outlineStyle");
      assertEquals("solid", outline);
    }
  }
}
