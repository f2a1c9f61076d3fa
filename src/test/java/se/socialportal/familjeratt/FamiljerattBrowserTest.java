package se.socialportal.familjeratt;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: a parent books samarbetssamtal, the other confirms on their own Mina sidor, "
  + "the familjerättssekreterare sees it, the reminder e-mail arrives")
class FamiljerattBrowserTest {

  private static GreenMail smtp;
  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    smtp = new GreenMail(new ServerSetup(TestApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // Demo data: the demo familjerättssekreterare's weekday hours are what the parents book.
    app = TestApp.start("frbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000")
      .put("SMTP_HOST", "127.0.0.1").put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()))
      .put("SMTP_STARTTLS", "disabled").put("FAMILJERATT_CHECK_SECONDS", "3600"));
    chromium = Chromium.launch(app.clock());
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
    smtp.stop();
  }

  private static void login(BrowserContext context, Page page, String identity) {
    ResidentBrowserLogins.login(context, page, app.baseUrl(), identity);
  }

  @Test
  @DisplayName("book → confirm with BankID on the other parent's Mina sidor → the staff calendar → the reminder e-mail")
  void bookConfirmSeeRemind() throws Exception {
    String bookingUrl;
    try (BrowserContext tolvanContext = chromium.swedishContext()) {
      Page page = tolvanContext.newPage();
      login(tolvanContext, page, "tolvan");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Boka tid hos familjerätten")).click();
      page.waitForURL("**/familjeratt/");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Boka Samarbetssamtal")).click();
      page.waitForURL("**/familjeratt/boka/?service=samarbetssamtal");
      page.getByLabel("Den andra förälderns personnummer").fill("19800101-9804");
      page.getByLabel("Nej", new Page.GetByLabelOptions().setExact(true)).check();
      // Tomorrow's first free time (the second day offered: today's afternoon comes first).
      Locator tomorrow = page.locator("#f-start details").nth(1);
      tomorrow.locator("summary").click();
      tomorrow.locator("input[type=radio]").first().check();
      page.getByLabel("E-postadress (frivilligt)").fill("tolvan@example.se");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Boka tiden")).click();
      page.waitForURL(Pattern.compile(".*/familjeratt/bokning/\\?id=.*"));
      bookingUrl = page.url();
      assertThat(page.locator("#booking-status")).hasText("Status: Väntar på att den andra föräldern bekräftar");
      // Testa has not logged in here yet, so the system knows no name for her: the page says "the other parent".
      assertThat(page.locator("#other-parent")).hasText("Tillsammans med den andra föräldern.");
      assertThat(page.locator("#meetings")).containsText("Familjerätten, Storgatan 1, Demostad");
    }
    String id = bookingUrl.substring(bookingUrl.indexOf("id=") + 3);

    try (BrowserContext testaContext = chromium.swedishContext()) {
      Page page = testaContext.newPage();
      login(testaContext, page, "testa");
      Locator request = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName(Pattern.compile("Tolvan Tolvansson vill boka Samarbetssamtal med dig")));
      request.click();
      page.waitForURL("**/familjeratt/bokning/?id=" + id);
      assertThat(page.locator("#other-parent")).hasText("Tolvan Tolvansson har bokat och vill att du deltar.");
      page.getByLabel("E-postadress (frivilligt)").fill("testa@example.se");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekräfta med BankID på den här enheten")).click();
      assertThat(page.locator("#simulator-link")).isVisible();
      ResidentBrowserLogins.approveOnPhone(testaContext, page.locator("#simulator-link").getAttribute("href"), "testa");
      assertThat(page.locator("#status")).hasText("Bokningen är bekräftad.");
      assertThat(page.locator("#booking-status")).hasText("Status: Bokad");
      assertThat(page.locator("#calendar")).isVisible();
    }

    try (BrowserContext staff = chromium.swedishContext()) {
      Page page = staff.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/familjeratt/");
      page.locator("[id='login-frida.familjeratt']").click();
      page.waitForURL("**/handlaggare/familjeratt/");
      Locator row = page.locator("#calendar tbody tr").filter(new Locator.FilterOptions().setHasText("Tolvan Tolvansson"));
      assertThat(row).containsText("Testa Testsson");
      assertThat(row).containsText("Samarbetssamtal");
      assertThat(row).containsText("Bokad");
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Öppna")).click();
      assertThat(page.locator("#booking-heading")).hasText("Samarbetssamtal – Bokad");
      assertThat(page.locator("#booking-facts")).containsText("tolvan@example.se");
    }

    // The day before the meeting the reminder goes out by e-mail, to the SMTP server.
    Instant start = app.services().pool().preparedQuery("SELECT lower(during) AS s FROM fr_appointment WHERE booking_id = $1")
      .execute(io.vertx.sqlclient.Tuple.of(java.util.UUID.fromString(id)))
      .map(rows -> rows.iterator().next().getOffsetDateTime("s").toInstant()).await(20, TimeUnit.SECONDS);
    Instant dayBefore = LocalDate.ofInstant(start, Familjeratt.STOCKHOLM).minusDays(1).atTime(8, 0)
      .atZone(Familjeratt.STOCKHOLM).toInstant();
    if (dayBefore.isAfter(app.clock().instant())) {
      app.clock().advance(Duration.between(app.clock().instant(), dayBefore));
    }
    Familjeratt.round(app);
    assertTrue(smtp.waitForIncomingEmail(20_000, 3), "confirmations to both and the reminder");
    MimeMessage[] toTolvan = Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals("tolvan@example.se");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toArray(MimeMessage[]::new);
    assertTrue(Arrays.stream(toTolvan).anyMatch(message -> {
      try {
        return message.getSubject().equals("Påminnelse: Samarbetssamtal");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }), "the reminder reached the SMTP server");
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_appointment WHERE booking_id = $1 "
      + "AND reminded_at IS NOT NULL", java.util.UUID.fromString(id)));
  }
}
