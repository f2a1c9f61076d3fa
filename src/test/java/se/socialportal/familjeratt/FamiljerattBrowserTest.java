package se.socialportal.familjeratt;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Axe;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: a parent books samarbetssamtal, the other confirms on their own Mina sidor, "
  + "the familjerättssekreterare sees it, the reminder e-mail arrives; axe-core (WCAG 2.1 AA) finds nothing on any "
  + "page state on the way")
class FamiljerattBrowserTest {

  /** Each step leaves a screenshot here; the reminders as the mail server received them, too. */
  private static final Path SHOTS = Path.of("target", "journeys", "familjeratt");
  /** The parents as the BankID simulator knows them: name and personnummer. */
  private static final String TOLVAN_NUMBER = "191212121212";
  private static final String TESTA_NUMBER = "198001019804";

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

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private static void login(BrowserContext context, Page page, String identity) {
    ResidentBrowserLogins.login(context, page, app.baseUrl(), identity);
  }

  @Test
  @DisplayName("book → confirm with BankID on the other parent's Mina sidor → the staff calendar → the reminder e-mail "
    + "to each parent, the day before")
  void bookConfirmSeeRemind() throws Exception {
    String bookingUrl;
    try (BrowserContext tolvanContext = Axe.context(chromium)) {
      Page page = tolvanContext.newPage();
      login(tolvanContext, page, "tolvan");
      Locator toFamiljeratt = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName("Boka tid hos familjerätten"));
      assertThat(toFamiljeratt).isVisible();
      Axe.assertClean(page);
      toFamiljeratt.click();
      page.waitForURL("**/familjeratt/");
      Locator toBooking = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Boka Samarbetssamtal"));
      assertThat(toBooking).isVisible();
      Axe.assertClean(page);
      toBooking.click();
      page.waitForURL("**/familjeratt/boka/?service=samarbetssamtal");
      assertThat(page.locator("#f-start details").nth(2)).isVisible();
      Axe.assertClean(page);
      page.getByLabel("Den andra förälderns personnummer").fill("19800101-9804");
      page.getByLabel("Nej", new Page.GetByLabelOptions().setExact(true)).check();
      // The first free time the day after tomorrow (the third day offered: today's afternoon comes first), so that
      // the reminder is not due until the clock has moved to the day before.
      Locator later = page.locator("#f-start details").nth(2);
      later.locator("summary").click();
      later.locator("input[type=radio]").first().check();
      page.getByLabel("E-postadress (frivilligt)").fill("tolvan@example.se");
      // Filled in, a day's times open and one chosen: the form as it is sent.
      Axe.assertClean(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Boka tiden")).click();
      page.waitForURL(Pattern.compile(".*/familjeratt/bokning/\\?id=.*"));
      bookingUrl = page.url();
      assertThat(page.locator("#booking-status")).hasText("Status: Väntar på att den andra föräldern bekräftar");
      // Testa has not logged in here yet, so the system knows no name for her: the page says "the other parent".
      assertThat(page.locator("#other-parent")).hasText("Tillsammans med den andra föräldern.");
      assertThat(page.locator("#meetings")).containsText("Familjerätten, Storgatan 1, Demostad");
      Axe.assertClean(page);
      shot(page, "01-booked");
    }
    String id = bookingUrl.substring(bookingUrl.indexOf("id=") + 3);

    try (BrowserContext testaContext = Axe.context(chromium)) {
      Page page = testaContext.newPage();
      login(testaContext, page, "testa");
      Locator request = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName(Pattern.compile("Tolvan Tolvansson vill boka Samarbetssamtal med dig")));
      assertThat(request).isVisible();
      Axe.assertClean(page);
      request.click();
      page.waitForURL("**/familjeratt/bokning/?id=" + id);
      assertThat(page.locator("#other-parent")).hasText("Tolvan Tolvansson har bokat och vill att du deltar.");
      Axe.assertClean(page);
      page.getByLabel("E-postadress (frivilligt)").fill("testa@example.se");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekräfta med BankID på den här enheten")).click();
      assertThat(page.locator("#simulator-link")).isVisible();
      Axe.assertClean(page);
      ResidentBrowserLogins.approveOnPhone(testaContext, page.locator("#simulator-link").getAttribute("href"), "testa");
      assertThat(page.locator("#status")).hasText("Bokningen är bekräftad.");
      assertThat(page.locator("#booking-status")).hasText("Status: Bokad");
      assertThat(page.locator("#calendar")).isVisible();
      Axe.assertClean(page);
      shot(page, "02-confirmed");
    }

    try (BrowserContext staff = Axe.context(chromium)) {
      Page page = staff.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/familjeratt/");
      assertThat(page.locator("[id='login-frida.familjeratt']")).isVisible();
      Axe.assertClean(page);
      page.locator("[id='login-frida.familjeratt']").click();
      page.waitForURL("**/handlaggare/familjeratt/");
      Locator row = page.locator("#calendar tbody tr").filter(new Locator.FilterOptions().setHasText("Tolvan Tolvansson"));
      assertThat(row).containsText("Testa Testsson");
      assertThat(row).containsText("Samarbetssamtal");
      assertThat(row).containsText("Bokad");
      Axe.assertClean(page);
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Öppna")).click();
      assertThat(page.locator("#booking-heading")).hasText("Samarbetssamtal – Bokad");
      assertThat(page.locator("#booking-facts")).containsText("tolvan@example.se");
      Axe.assertClean(page);
      shot(page, "03-staff-calendar");
    }

    // The reminder job on the test's clock: not yet today (two days before); the confirmations go out.
    UUID bookingId = UUID.fromString(id);
    Instant start = app.services().pool().preparedQuery("SELECT lower(during) AS s FROM fr_appointment WHERE booking_id = $1")
      .execute(io.vertx.sqlclient.Tuple.of(bookingId))
      .map(rows -> rows.iterator().next().getOffsetDateTime("s").toInstant()).await(20, TimeUnit.SECONDS);
    assertEquals(0, Familjeratt.round(app).reminded(), "no reminder two days before");
    assertEquals(0, reminders("tolvan@example.se").size() + reminders("testa@example.se").size());

    // The day before the meeting, in the morning: the job reminds both parents, by e-mail to the SMTP server.
    Instant dayBefore = LocalDate.ofInstant(start, Familjeratt.STOCKHOLM).minusDays(1).atTime(8, 0)
      .atZone(Familjeratt.STOCKHOLM).toInstant();
    assertTrue(dayBefore.isAfter(app.clock().instant()), "the meeting is more than a day ahead: " + start);
    app.clock().advance(Duration.between(app.clock().instant(), dayBefore));
    assertEquals(1, Familjeratt.round(app).reminded());
    assertEquals(1, Familjeratt.count(app, "SELECT count(*) FROM fr_appointment WHERE booking_id = $1 "
      + "AND reminded_at IS NOT NULL", bookingId));
    String when = "Tid: " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("sv-SE"))
      .withZone(Familjeratt.STOCKHOLM).format(start);
    String dtstart = "DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
      .format(start);
    try (BrowserContext mailbox = Axe.context(chromium)) {
      Page page = mailbox.newPage();
      String bookingPage = "/familjeratt/bokning/?id=" + id;
      checkReminder(page, "tolvan@example.se", "Testsson", when, dtstart, bookingPage, "04-reminder-tolvan");
      checkReminder(page, "testa@example.se", "Tolvansson", when, dtstart, bookingPage, "05-reminder-testa");
    }
  }

  /** The reminders the SMTP server has received for an address. */
  private static List<MimeMessage> reminders(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals(address)
          && message.getSubject().equals("Påminnelse: Samarbetssamtal");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /**
   * One parent's reminder as received: once, with the meeting's time in words and in the .ics file, the office as the
   * meeting's place in the calendar file (the text itself names no address; it links the booking's page on Mina
   * sidor), and nobody's personnummer nor the other parent's name. Shown in the browser for the screenshot.
   */
  private static void checkReminder(Page page, String address, String otherParent, String when, String dtstart,
                                    String bookingPage, String shot) throws Exception {
    List<MimeMessage> received = reminders(address);
    assertEquals(1, received.size(), "one reminder to " + address);
    MimeMessage reminder = received.get(0);
    MimeMultipart parts = (MimeMultipart) reminder.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    String ics = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8)
      .replace("\r\n ", "");
    assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/calendar"), parts.getBodyPart(1).getContentType());
    assertTrue(text.contains("Påminnelse om ditt möte om Samarbetssamtal."), text);
    assertTrue(text.contains(when), when + " in " + text);
    assertTrue(Pattern.compile("plats och hur du avbokar finns på Mina sidor: https?://[^/\\s]+"
      + Pattern.quote(bookingPage) + "\\R").matcher(text).find(), text);
    assertTrue(ics.contains(dtstart), ics);
    assertTrue(ics.contains("LOCATION:Familjerätten\\, Storgatan 1\\, Demostad"), ics);
    assertFalse(text.contains("Storgatan"), "the address only in the calendar file: " + text);
    String everything = reminder.getSubject() + "\n" + text + "\n" + ics;
    for (String number : List.of(TOLVAN_NUMBER, TESTA_NUMBER)) {
      for (String written : List.of(number, number.substring(0, 8) + "-" + number.substring(8), number.substring(2),
        number.substring(2, 8) + "-" + number.substring(8))) {
        assertFalse(everything.contains(written), "a personnummer in the reminder to " + address + ": " + everything);
      }
    }
    assertFalse(Pattern.compile("\\d{6}[-+]\\d{4}").matcher(everything).find(), everything);
    assertFalse(everything.contains(otherParent), "the other parent in the reminder to " + address);
    page.setContent("<!doctype html><html lang=\"sv\"><meta charset=\"utf-8\"><title>" + escape(reminder.getSubject())
      + "</title><body style=\"font-family: sans-serif; max-width: 48rem; margin: 1rem\"><p>Till: " + escape(address)
      + "<br>Från: " + escape(reminder.getFrom()[0].toString()) + "</p><h1>" + escape(reminder.getSubject())
      + "</h1><pre style=\"white-space: pre-wrap\">" + escape(text) + "</pre><h2>bokning.ics</h2><pre>" + escape(ics)
      + "</pre></body></html>");
    assertThat(page.locator("h1")).hasText("Påminnelse: Samarbetssamtal");
    Axe.assertClean(page);
    shot(page, shot);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
