package se.socialportal.admin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static se.socialportal.admin.NamndFixtures.at;

/**
 * In a real browser, as the demo administrator: the nyckeltal page (last month's tables, the trend as a chart with its
 * table) and the IVO page (the quarter's report, a reason recorded through its form), both axe-core clean.
 */
@DisplayName("In a real browser: the nyckeltal and IVO pages for an administrator (axe-core clean)")
class NamndPagesBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("namndpagesbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    NamndFixtures fixtures = new NamndFixtures(app.vertx(), app.database());
    UUID person = fixtures.person(NamndFixtures.personnummer("19750505", "123"));
    UUID application = fixtures.application("demo", YearMonth.of(2026, 1), "new", "paper", "decided", person, null,
      true);
    fixtures.decision("demo", application, "forsorjningsstod", "bifall", "6100.00", "bifall_norm",
      at("2026-01-10T10:00"));
    chromium = Chromium.launch(app.clock());
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
  @DisplayName("nyckeltal: the month's tables and the trend; IVO: the report and a recorded reason")
  void bothPages() {
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/handlaggare/");
      page.locator("[id='login-ada.admin']").click();
      page.waitForURL("**/handlaggare/start/");
      page.locator("#staff-nav").getByRole(AriaRole.LINK, named("Nyckeltal")).click();
      page.waitForURL("**/admin/nyckeltal/");
      assertThat(page.locator("h1")).hasText("Nyckeltal för nämnden");
      assertThat(page.locator("#report caption").first()).hasText("Ansökningar per kanal");
      assertThat(page.locator("#state")).containsText("Ögonblicksbild sparad");
      assertThat(page.locator("#trend figure table caption").first()).hasText("Hushåll med försörjningsstöd");
      assertThat(page.locator("#pdf")).hasAttribute("href", "/api/v1/admin/nyckeltal.pdf?month=2026-03");
      assertThat(page.locator("main").getByRole(AriaRole.LINK, named("Delegationsbeslut"))).isVisible();
      Axe.assertClean(page);

      page.locator("#staff-nav").getByRole(AriaRole.LINK, named("Ej verkställda beslut (IVO)")).click();
      page.waitForURL("**/admin/ivo/");
      assertThat(page.locator("#report tbody tr")).hasCount(1);
      assertThat(page.locator("#report tbody tr")).containsText("10 april 2026");
      Axe.assertClean(page);
      page.locator("#report summary").click();
      page.locator("#report").getByLabel("Skäl", new Locator.GetByLabelOptions().setExact(true)).fill("Kontouppgift saknas.");
      page.locator("#report").getByLabel("Tillfällig insats", new Locator.GetByLabelOptions().setExact(true)).fill("Matkort");
      page.locator("#report").getByRole(AriaRole.BUTTON, named("Spara")).click();
      assertThat(page.locator("#status")).containsText("är sparat");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa").setExact(true)).click();
      assertThat(page.locator("#report tbody tr")).containsText("Kontouppgift saknas.");
      assertThat(page.locator("#report tbody tr")).containsText("Matkort");
      Axe.assertClean(page);
    }
  }
}
