package se.socialportal.payment;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.StaffBrowserLogins;
import se.socialportal.testing.TestApp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One case followed from the resident's BankID login to the money, through every hand it passes: the couple applies
 * and both sign, the robot proposes, a handläggare decides, an attestant attests, the bank file goes out and the
 * bank's notification comes back, and the resident reads the letter, the calculation and the day it was paid.
 * Meanwhile an administrator watches the live dashboard, never reloaded: the application and the payment move its
 * figures by themselves. Every page state on the way passes axe-core's WCAG 2.1 AA rules. Each step leaves a
 * screenshot in target/journeys/money.
 */
@DisplayName("In a real browser: one case from the resident's login to the money on her account")
class MoneyJourneyBrowserTest {

  private static final Path SHOTS = Path.of("target", "journeys", "money");

  private static TestApp app;
  private static Chromium chromium;
  private static PaymentFixtures fixtures;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("moneyjourney", new JsonObject().put("ROBOT_ENABLED", "true"));
    fixtures = new PaymentFixtures(app);
    chromium = Chromium.launch(app.clock());
    // Two cores shared with other builds: give the pages time, without any timing assertion.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** The resident logs in with BankID on this device; the simulator plays the phone. */
  private static Page residentPage(BrowserContext context, String identity) {
    Page page = context.newPage();
    ResidentBrowserLogins.login(context, page, app.baseUrl(), identity);
    return page;
  }

  /** A signing the page started: the simulator's phone page approves it. */
  private static void approveOnPhone(BrowserContext context, Page page, String identity) {
    assertThat(page.locator("#simulator-link")).isVisible();
    ResidentBrowserLogins.approveOnPhone(context, page.locator("#simulator-link").getAttribute("href"), identity);
  }

  /** Staff log in through the municipality's identity provider (the demo's OIDC login page). */
  private static Page staffPage(BrowserContext context, String path, String subject) {
    return StaffBrowserLogins.login(context, app.baseUrl(), path, subject, path);
  }

  /** A page as it is now, put through axe-core's WCAG 2.1 AA rules. */
  private static void accessible(Page page) {
    Axe.assertClean(page);
  }

  /** A figure on the live dashboard as a number (the page writes counts as plain digits). */
  private static int figure(Locator cell) {
    assertThat(cell).hasText(Pattern.compile("^\\d+$"));
    return Integer.parseInt(cell.textContent());
  }

  private static Locator next(Page page) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara och fortsätt").setExact(true));
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
  }

  private static FilePayload pdf(String name) {
    return new FilePayload(name, "application/pdf",
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII));
  }

  /** A date as the Swedish pages write it: "16 april 2026". */
  private static String swedish(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv")));
  }

  @Test
  @DisplayName("BankID login → couple applies, both sign → robot proposes → OIDC handläggare approves → attest → "
    + "pain.001 out, camt.054 in → the resident sees letter, calculation and 'utbetalt'")
  void fromLoginToTheMoney() throws Exception {
    try (BrowserContext adaContext = Axe.context(chromium);
         BrowserContext tolvanContext = Axe.context(chromium);
         BrowserContext testaContext = Axe.context(chromium);
         BrowserContext annaContext = Axe.context(chromium);
         BrowserContext alvaContext = Axe.context(chromium)) {
      // 0. The municipality's administrator has the live dashboard open the whole time, never reloading it.
      Page ada = StaffBrowserLogins.login(adaContext, app.baseUrl(), "/handlaggare/", "ada.admin", "/handlaggare/start/");
      ada.navigate(app.baseUrl() + "/admin/");
      assertThat(ada.locator("#figures")).isVisible();
      Locator submittedToday = StaffBrowserLogins.digitalSubmissionsToday(ada);
      Locator paid = StaffBrowserLogins.paymentCount(ada, "Utbetalda");
      int submittedBefore = figure(submittedToday);
      int paidBefore = figure(paid);
      // A reload would lose this mark.
      ada.evaluate("() => { window.stillTheSamePage = true; }");
      accessible(ada);
      shot(ada, "00-dashboard-before");

      // 1. Tolvan logs in with BankID and gives the account the money is to go to.
      Page tolvan = residentPage(tolvanContext, "tolvan");
      accessible(tolvan);
      tolvan.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ange konto")).click();
      tolvan.waitForURL("**/mina-sidor/konto/");
      accessible(tolvan);
      tolvan.getByLabel("Clearingnummer").fill("8424-4");
      tolvan.getByLabel("Kontonummer").fill("983 189 224-6");
      button(tolvan, "Bekräfta med BankID på den här enheten").click();
      approveOnPhone(tolvanContext, tolvan, "tolvan");
      assertThat(tolvan.locator("#current")).containsText("Swedbank ****2246");
      accessible(tolvan);
      shot(tolvan, "01-payout-account");

      // She applies together with Testa, her sambo.
      tolvan.navigate(app.baseUrl() + "/mina-sidor/");
      tolvan.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ansök om ekonomiskt bistånd")).click();
      tolvan.waitForURL("**/ansokan/");
      accessible(tolvan);
      tolvan.locator("#f-month").check();
      button(tolvan, "Börja ansökan").click();
      tolvan.waitForURL(Pattern.compile(".*/ansokan/\\?id=.*"));
      UUID application = UUID.fromString(tolvan.url().substring(tolvan.url().indexOf("id=") + 3));
      accessible(tolvan);
      tolvan.locator("#f-together-yes").check();
      tolvan.getByLabel("Medsökandes personnummer").fill("19800101-9804");
      tolvan.getByLabel("Medsökandes personnummer").press("Tab");
      assertThat(tolvan.locator(".named-person")).containsText("19800101-****");
      accessible(tolvan);
      tolvan.getByLabel("Vilken sorts förhållande har ni?").selectOption("sambo");
      tolvan.getByLabel("Medsökandes födelsedatum").fill("1980-01-01");
      next(tolvan).click();
      assertThat(tolvan.locator("#h-housing")).isFocused();
      accessible(tolvan);
      tolvan.getByLabel("Hur bor du?").selectOption("rental");
      tolvan.getByLabel("Hyra eller avgift").fill("7 800");
      tolvan.getByLabel("Hushållsel").fill("300");
      next(tolvan).click();
      assertThat(tolvan.locator("#h-incomes")).isFocused();
      accessible(tolvan);
      button(tolvan, "Lägg till en inkomst").click();
      accessible(tolvan);
      tolvan.locator("#f-incomes-0-person").selectOption("coApplicant");
      tolvan.locator("#f-incomes-0-type").selectOption("unemploymentBenefit");
      tolvan.locator("#f-incomes-0-amount").fill("6400");
      next(tolvan).click();
      for (String step : new String[] {"#h-costs", "#h-assets", "#h-needs"}) {
        assertThat(tolvan.locator(step)).isFocused();
        accessible(tolvan);
        next(tolvan).click();
      }
      assertThat(tolvan.locator("#h-attachments")).isFocused();
      accessible(tolvan);
      for (String requirement : new String[] {"bankStatements-applicant", "bankStatements-coApplicant", "housingCost-housing"}) {
        tolvan.locator("#f-attachments-" + requirement).setInputFiles(pdf(requirement + ".pdf"));
        assertThat(tolvan.locator("#live")).containsText("är uppladdad");
      }
      accessible(tolvan);
      next(tolvan).click();
      assertThat(tolvan.locator("#h-review")).isFocused();
      accessible(tolvan);
      tolvan.getByLabel("Jag intygar att uppgifterna är sanna och fullständiga och att jag kommer att meddela ändringar.").check();
      button(tolvan, "Skriv under med BankID på den här enheten").click();
      approveOnPhone(tolvanContext, tolvan, "tolvan");
      tolvan.waitForURL("**/mina-sidor/arende/?id=" + application);
      assertThat(tolvan.locator("#case-status")).hasText("Status: Väntar på medsökandes underskrift");
      accessible(tolvan);
      shot(tolvan, "02-applied");

      // Testa logs in on her own and co-signs.
      Page testa = residentPage(testaContext, "testa");
      accessible(testa);
      testa.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Skriv under ansökan för"))).click();
      testa.waitForURL("**/mina-sidor/arende/?id=" + application);
      assertThat(testa.locator("#cosign-text")).containsText("Tolvan Tolvansson har ansökt");
      accessible(testa);
      button(testa, "Skriv under med BankID på den här enheten").click();
      approveOnPhone(testaContext, testa, "testa");
      assertThat(testa.locator("#case-status")).hasText("Status: Inskickad");
      accessible(testa);
      shot(testa, "03-cosigned");

      // With both signatures the application is in: the open dashboard counts it by itself.
      assertThat(submittedToday).hasText(String.valueOf(submittedBefore + 1));
      accessible(ada);
      shot(ada, "03b-dashboard-submitted");

      // 2. The robot proposes: the case reaches the handläggare's queue.
      Page anna = staffPage(annaContext, "/handlaggare/", "anna.handlaggare");
      Locator row = anna.locator("#queue tbody tr").filter(new Locator.FilterOptions()
        .setHas(anna.locator("a[href$='id=" + application + "']")));
      awaitInQueue(anna, row);
      assertThat(row).containsText("Tolvan");
      accessible(anna);
      shot(anna, "04-queue");

      // 3. The handläggare takes it, acknowledges every warning and approves the robot's proposal.
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta ärendet")).click();
      anna.waitForURL("**/handlaggare/arende/?id=" + application);
      assertThat(anna.locator("#calculation")).containsText("Boendekostnad");
      accessible(anna);
      Locator acknowledge = anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kvittera varningen"));
      for (int open = acknowledge.count(); open > 0; open--) {
        acknowledge.first().click();
        assertThat(acknowledge).hasCount(open - 1);
      }
      Locator approve = button(anna, "Godkänn förslaget");
      assertThat(approve).isEnabled();
      approve.click();
      assertThat(anna.locator("#status")).containsText("Beslutet är fattat");
      // The rent is above the municipality's level for the household: the part above it is refused.
      assertThat(anna.locator("#decisions")).containsText("Delvis bifall");
      assertThat(anna.locator("#decisions")).containsText("Beslutsbrev");
      accessible(anna);
      shot(anna, "05-approved");

      // 4. An attestant attests the payment the decision planned.
      Page alva = staffPage(alvaContext, "/handlaggare/attest/", "alva.attestant");
      Locator payment = alva.locator("#attest tbody tr").filter(new Locator.FilterOptions().setHasText("Tolvan"));
      assertThat(payment).containsText("Swedbank ****2246");
      accessible(alva);
      payment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Attestera")).click();
      assertThat(alva.locator("#status")).containsText("Attesterat: 1 st");
      accessible(alva);
      shot(alva, "06-attested");
      List<Row> payments = fixtures.payments(application);
      assertEquals(1, payments.size());
      UUID paymentId = payments.get(0).getUUID("id");
      assertEquals("attested", fixtures.payment(paymentId).getString("status"));

      // At the cut-off the payment file goes to the outbox: a schema-valid pain.001 with this payment.
      fixtures.passNextCutOff();
      fixtures.await(fixtures.payments().runJobs());
      Row batch = fixtures.one("SELECT b.* FROM payment_batch b WHERE b.state = 'delivered'");
      Path file = fixtures.payments().settings().outbox().resolve(batch.getString("file_name"));
      fixtures.payments().schemas().validate(IsoSchemas.Message.PAIN_001, file);
      assertTrue(Files.readString(file).contains(BankFiles.endToEnd(paymentId)));
      assertEquals("sent", fixtures.state(paymentId));
      Page sent = annaContext.newPage();
      sent.navigate(app.baseUrl() + "/handlaggare/arende/?id=" + application);
      assertThat(sent.locator("h1")).containsText("Tolvan");
      accessible(sent);
      shot(sent, "07-file-sent");

      // The bank books it: a camt.054 in the inbox marks it paid.
      LocalDate executionDate = batch.getLocalDate("execution_date");
      BankFiles.drop(fixtures.payments().settings().inbox(), "camt054.xml", BankFiles.booked(List.of(paymentId),
        List.of(fixtures.payment(paymentId).getBigDecimal("amount")), executionDate));
      fixtures.await(fixtures.payments().runJobs());
      assertEquals("paid", fixtures.state(paymentId));
      // The bank's booking moves the dashboard's paid payments, still without a reload.
      assertThat(paid).hasText(String.valueOf(paidBefore + 1));
      assertEquals(true, ada.evaluate("() => window.stillTheSamePage === true"));
      accessible(ada);
      shot(ada, "07b-dashboard-paid");

      // 5. Tolvan sees the decision letter, the calculation it rests on, and the day the money was paid.
      tolvan.navigate(app.baseUrl() + "/mina-sidor/arende/?id=" + application);
      assertThat(tolvan.locator("#decisions")).containsText("Delvis beviljat");
      assertThat(tolvan.locator("#calculation")).containsText("Riksnorm");
      assertThat(tolvan.locator("#calculation")).containsText("i försörjningsstöd för månaden");
      assertThat(tolvan.locator("#payments")).hasText(Pattern.compile("^8\\s310 kr utbetalt " + swedish(executionDate) + "\\.$"));
      Locator letter = tolvan.locator("#letters a").first();
      assertThat(letter).isVisible();
      APIResponse pdf = tolvanContext.request().get(app.baseUrl() + letter.getAttribute("href"));
      assertEquals(200, pdf.status());
      assertEquals("application/pdf", pdf.headers().get("content-type"));
      assertTrue(new String(pdf.body(), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
      accessible(tolvan);
      shot(tolvan, "08-paid");
    }
  }

  /** The queue page lists what was there when it loaded: reload until the robot's proposal has put the case in it. */
  private static void awaitInQueue(Page page, Locator row) {
    for (int attempt = 0; attempt < 60; attempt++) {
      try {
        row.waitFor(new Locator.WaitForOptions().setTimeout(2_000));
        return;
      } catch (PlaywrightException notYet) {
        page.reload();
        page.locator("#count").waitFor();
      }
    }
    assertThat(row).isVisible();
  }
}
