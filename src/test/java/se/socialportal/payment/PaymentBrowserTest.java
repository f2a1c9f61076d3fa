package se.socialportal.payment;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.Browser;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: account with BankID, decision, attest, pain.001 in the outbox, paid on Mina sidor, a rejection alerts")
class PaymentBrowserTest {

  private static TestApp app;
  private static Chromium chromium;
  private static PaymentFixtures fixtures;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("paymentbrowser");
    fixtures = new PaymentFixtures(app);
    chromium = Chromium.launch(app.clock());
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static Page staffPage(BrowserContext context, String path, String subject) {
    Page page = context.newPage();
    page.navigate(app.baseUrl() + path);
    page.locator("[id='login-" + subject + "']").click();
    page.waitForURL("**" + path);
    return page;
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

  /** A date as the Swedish pages write it: "16 april 2026". */
  private static String swedish(java.time.LocalDate date) {
    return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("sv")));
  }

  @Test
  @DisplayName("decided → attested → schema-valid pain.001 in the outbox → camt.054 marks it paid on Mina sidor; pain.002 alerts")
  void endToEnd() throws Exception {
    try (BrowserContext ylvaContext = chromium.swedishContext();
         BrowserContext annaContext = chromium.swedishContext();
         BrowserContext alvaContext = chromium.swedishContext()) {
      // The resident gives her account on Mina sidor and confirms it with BankID.
      Page ylva = residentPage(ylvaContext, "ylva");
      assertThat(ylva.locator("#payout-account")).containsText("Du har inte angett något konto");
      ylva.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ange konto")).click();
      ylva.waitForURL("**/mina-sidor/konto/");
      ylva.getByLabel("Clearingnummer").fill("8424-4");
      ylva.getByLabel("Kontonummer").fill("983 189 224-5");
      ylva.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekräfta med BankID på den här enheten")).click();
      assertThat(ylva.locator("#number-field")).containsText("kontrollsiffra");
      ylva.getByLabel("Kontonummer").fill("983 189 224-6");
      ylva.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekräfta med BankID på den här enheten")).click();
      approveOnPhone(ylvaContext, ylva, "ylva");
      assertThat(ylva.locator("#status")).containsText("Swedbank ****2246");
      assertThat(ylva.locator("#current")).containsText("Swedbank ****2246");

      // The handläggare decides Ylva's case.
      Page anna = staffPage(annaContext, "/handlaggare/", "anna.handlaggare");
      Locator row = anna.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText("Ylva Ungsson"));
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta ärendet")).click();
      anna.waitForURL("**/handlaggare/arende/?id=*");
      anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kvittera varningen")).click();
      anna.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkänn förslaget")).click();
      assertThat(anna.locator("#status")).containsText("Beslutet är fattat");
      UUID application = UUID.fromString(anna.url().replaceAll(".*id=", ""));

      // A second person attests it from the list, with the totals in view.
      Page alva = staffPage(alvaContext, "/handlaggare/attest/", "alva.attestant");
      Locator payment = alva.locator("#attest tbody tr").filter(new Locator.FilterOptions().setHasText("Ylva Ungsson"));
      assertThat(payment).containsText("Försörjningsstöd april 2026");
      assertThat(payment).containsText("Swedbank ****2246");
      assertThat(alva.locator("#total-count")).containsText("kan attesteras av dig");
      payment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Attestera")).click();
      assertThat(alva.locator("#status")).containsText("Attesterat: 1 st");
      UUID ylvaPayment = fixtures.payments(application).get(0).getUUID("id");
      assertEquals("attested", fixtures.payment(ylvaPayment).getString("status"));

      // Her case page says when the money comes: the payout day the payment plan chose.
      ylva.navigate(app.baseUrl() + "/mina-sidor/arende/?id=" + application);
      assertThat(ylva.locator("#payments")).hasText(Pattern.compile("7\\s990 kr betalas ut "
        + swedish(fixtures.payment(ylvaPayment).getLocalDate("execution_date")) + "\\."));

      // Another case goes in the same file, to be rejected by the bank.
      Browser annaApi = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
      Browser alvaApi = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
      PaymentFixtures.Decided rut = fixtures.decided(annaApi, "Rut", "Returnerad");
      fixtures.account(rut.personId());
      fixtures.await(fixtures.payments().planner().plan());
      UUID rutPayment = fixtures.payments(rut.applicationId()).get(0).getUUID("id");
      assertEquals(200, fixtures.attest(alvaApi, List.of(rutPayment)).statusCode());

      // The cut-off: one schema-valid pain.001 in the outbox, with both payments.
      fixtures.passNextCutOff();
      fixtures.await(fixtures.payments().runJobs());
      Row batch = fixtures.one("SELECT * FROM payment_batch WHERE state = 'delivered'");
      Path file = fixtures.payments().settings().outbox().resolve(batch.getString("file_name"));
      fixtures.payments().schemas().validate(IsoSchemas.Message.PAIN_001, file);
      String xml = Files.readString(file);
      assertTrue(xml.contains(BankFiles.endToEnd(ylvaPayment)) && xml.contains(BankFiles.endToEnd(rutPayment)));

      // The bank books Ylva's payment and rejects Rut's.
      Path inbox = fixtures.payments().settings().inbox();
      BankFiles.drop(inbox, "camt054.xml", BankFiles.booked(List.of(ylvaPayment), List.of(new BigDecimal("7990")),
        batch.getLocalDate("execution_date")));
      BankFiles.drop(inbox, "pain002.xml", BankFiles.paymentsRejected(batch.getString("msg_id"),
        se.socialportal.payment.batch.Batch.paymentInformationId(batch.getString("msg_id"),
          batch.getLocalDate("execution_date")), List.of(rutPayment), "AC04"));
      fixtures.await(fixtures.payments().runJobs());

      ylva.navigate(app.baseUrl() + "/mina-sidor/");
      Locator paid = ylva.locator("#payments li").filter(new Locator.FilterOptions().setHasText("Försörjningsstöd april 2026"));
      assertThat(paid).containsText("Utbetald 16 april 2026");
      assertThat(ylva.locator("#cases")).containsText("Utbetald");
      ylva.navigate(app.baseUrl() + "/mina-sidor/arende/?id=" + application);
      assertThat(ylva.locator("#payments")).hasText(Pattern.compile("7\\s990 kr utbetalt 16 april 2026\\."));

      Page alerts = annaContext.newPage();
      alerts.navigate(app.baseUrl() + "/handlaggare/utbetalningar/");
      assertThat(alerts.locator("#alerts")).containsText("Kontot är avslutat.");
      assertThat(alerts.locator("#alerts")).containsText("En ny utbetalning väntar på attest");
    }
  }
}
