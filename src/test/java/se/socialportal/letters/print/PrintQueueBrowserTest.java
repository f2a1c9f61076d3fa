package se.socialportal.letters.print;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.casework.CaseFixtures;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: the administrator makes the day's print batch, downloads it, marks it printed and sent")
class PrintQueueBrowserTest {

  private static TestApp app;
  private static Chromium chromium;
  private static CaseFixtures fixtures;

  @BeforeAll
  static void start() {
    app = TestApp.start("printqueuebrowser", new JsonObject().put("DEMO_DATA", "false")
      .put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    // Two cores shared with other builds: give the pages time, without any timing assertion.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static Locator.GetByRoleOptions named(String name) {
    return new Locator.GetByRoleOptions().setName(name).setExact(true);
  }

  @Test
  @DisplayName("waiting letters → today's batch → PDF with an address sheet per copy → printed → sent; the case says 'skickat med post'")
  void batchFromThePage() throws IOException {
    StaffLogins.Staff anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    java.util.UUID tolvan = PrintQueueTest.paperLetter(fixtures, anna, "Tolvan", "191212121212", "none",
      Optional.of("198001019804"));
    PrintQueueTest.paperLetter(fixtures, anna, "Signe", "198503159827", "skyddad_folkbokforing", Optional.empty());

    try (BrowserContext context = Axe.context(chromium)) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/");
      page.locator("[id='login-ada.admin']").click();
      page.waitForURL("**/handlaggare/start/");
      page.locator("#staff-nav").getByRole(AriaRole.LINK, named("Utskrift och post")).click();
      page.waitForURL("**/handlaggare/utskrift/");
      assertThat(page.locator("h1")).hasText("Utskrift och post");
      assertThat(page.locator("#source")).containsText("Skatteverkets postförmedling");
      assertThat(page.locator("#waiting tbody tr")).hasCount(2);
      assertThat(page.locator("#batches")).containsText("Inga utskrifter ännu.");
      Axe.assertClean(page);

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skapa dagens utskrift")).click();
      assertThat(page.locator("#status")).containsText("Utskriften är skapad: 2 brev");
      assertThat(page.locator("#waiting")).containsText("Inga brev väntar på utskrift.");
      assertThat(page.locator("#batches tbody tr")).hasCount(1);
      assertThat(page.locator("#batches tbody tr")).containsText("2 (3 exemplar)");
      assertThat(page.locator("#batches tbody tr")).containsText("att skriva ut");
      assertThat(page.locator("#batches tbody tr")).containsText("Ada Administratörsson");

      Download download = page.waitForDownload(() -> page.locator("#batches a").first().click());
      String text = PdfText.of(Files.readAllBytes(download.path()));
      assertTrue(text.contains("Tolvansgatan 12") && text.contains("Testvägen 1 lgh 1101"), "each adult's copy: " + text);
      assertTrue(text.contains("Box 2820") && text.contains("Signe Pappersson, 19850315-9827"), text);
      assertFalse(text.contains("Hemliga vägen"), "a protected person's address is never printed");
      assertTrue(text.contains("Beslut"), "the letters' own pages follow the sheets");
      assertEquals(1L, fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'print_batch.read' "
        + "AND person_id = (SELECT id FROM person WHERE personnummer = '198503159827')"), "the download is logged");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera som utskriven")).click();
      assertThat(page.locator("#status")).containsText("markerad som utskriven");
      assertThat(page.locator("#batches tbody tr")).containsText("utskriven");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera som skickad")).click();
      assertThat(page.locator("#status")).containsText("markerad som skickad");
      assertThat(page.locator("#batches tbody tr")).containsText("Skickad");
      Axe.assertClean(page);
    }
    assertEquals(2L, fixtures.count("SELECT count(*) FROM decision_letter WHERE mailbox_status = 'posted'"));

    // The case's handläggare sees the letter as sent by post, with the day.
    String application = fixtures.one("SELECT application_id FROM decision_letter WHERE id = $1",
      io.vertx.sqlclient.Tuple.of(tolvan)).getUUID(0).toString();
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/");
      page.locator("[id='login-anna.handlaggare']").click();
      page.waitForURL("**/handlaggare/");
      page.navigate(app.baseUrl() + "/handlaggare/arende/?id=" + application);
      String sentOn = se.socialportal.testing.TestClock.START.atZone(java.time.ZoneId.of("Europe/Stockholm"))
        .toLocalDate().toString();
      assertThat(page.locator("#decisions")).containsText("(leverans: skickat med post " + sentOn + ")");
    }
  }
}
