package se.socialportal.casework;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: each role's start page, the report pages and the absences page (axe-core clean)")
class StaffPagesBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("staffpagesbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
    // Two cores shared with other builds: give the pages time, without any timing assertion.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  /** Opens the staff landing and logs in as the demo staff member; the landing then chooses the page by role. */
  private static Page login(BrowserContext context, String subject) {
    Page page = context.newPage();
    page.navigate(app.baseUrl() + "/handlaggare/");
    page.locator("[id='login-" + subject + "']").click();
    return page;
  }

  private static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  @Test
  @DisplayName("an administrator lands on a start page that links to the reports, not on a queue with an error")
  void admin() {
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "ada.admin");
      page.waitForURL("**/handlaggare/start/");
      assertThat(page.locator("h1")).hasText("Startsida");
      assertThat(page.locator("#who")).containsText("Ada Administratörsson (administratör)");
      for (String report : new String[] {"Loggkontroll", "Delegationsbeslut", "Stickprov"}) {
        assertThat(page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
          .setName(report).setExact(true))).isVisible();
      }
      assertThat(page.locator("#staff-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("Ärenden").setExact(true))).isHidden();
      Axe.assertClean(page);
      // The registration page does not offer a form that would end in 404.
      page.navigate(app.baseUrl() + "/handlaggare/registrera/");
      assertThat(page.locator("#status")).containsText("Din roll registrerar inte ansökningar");
      assertThat(page.locator("#application-form")).isHidden();
    }
  }

  @Test
  @DisplayName("an attestant lands on a start page that says what the role has here; familjerätt on its calendar")
  void rolesWithoutCasework() {
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "alva.attestant");
      page.waitForURL("**/handlaggare/start/");
      assertThat(page.locator("#role-intro")).containsText("Din roll har inga ärenden");
      assertThat(page.locator(".status.error")).hasCount(0);
      Axe.assertClean(page);
    }
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "frida.familjeratt");
      page.waitForURL("**/handlaggare/familjeratt/");
      assertThat(page.locator("#staff-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("Familjerätt").setExact(true))).isVisible();
      page.navigate(app.baseUrl() + "/handlaggare/start/");
      assertThat(page.locator("#start-links")).containsText("kalender, bokningar och underrättelser");
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("a handläggare and an enhetschef land on the queue; the enhetschef's has the reports, the handläggare's not")
  void casework() {
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "anna.handlaggare");
      page.waitForURL("**/handlaggare/");
      assertThat(page.locator("#queue tbody tr").first()).isVisible();
      assertThat(page.locator("#staff-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("Loggkontroll"))).isHidden();
      Axe.assertClean(page);
    }
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "erik.enhetschef");
      page.waitForURL("**/handlaggare/");
      assertThat(page.locator("#queue tbody tr").first()).isVisible();
      page.locator("#staff-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("Stickprov").setExact(true)).click();
      page.waitForURL("**/handlaggare/rapporter/stickprov/");
      assertThat(page.locator("#report tbody tr")).hasCount(3);
      assertThat(page.locator("#report")).containsText("Pappersansökan");
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("loggkontroll shows a refused attempt on a protected case, filters on it and exports it as CSV")
  void loggkontroll() {
    UUID signe = Futures.await(app.services().pool().preparedQuery("SELECT a.id FROM application a JOIN person p "
      + "ON p.id = a.applicant_id WHERE p.surname = 'Skyddad'").execute(Tuple.tuple())).iterator().next().getUUID("id");
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "anna.handlaggare");
      page.waitForURL("**/handlaggare/");
      assertEquals(404, context.request().get(app.baseUrl() + "/api/v1/casework/cases/" + signe).status());
    }
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "erik.enhetschef");
      page.waitForURL("**/handlaggare/");
      page.navigate(app.baseUrl() + "/handlaggare/rapporter/loggkontroll/");
      assertThat(page.locator("#report")).containsText("Nekades åtkomst till ärendet");
      page.getByLabel("Händelse").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Nekades åtkomst till ärendet"));
      page.getByRole(AriaRole.BUTTON, named("Visa")).click();
      assertThat(page.locator("#report tbody tr")).hasCount(1);
      assertThat(page.locator("#report tbody tr")).containsText("Signe Skyddad");
      assertThat(page.locator("#report tbody tr")).containsText("Anna Handläggarsson");
      assertThat(page.locator("#summary")).containsText("1 nekade");
      Axe.assertClean(page);
      String csv = page.locator("#csv").getAttribute("href");
      assertTrue(csv.startsWith("/api/v1/reports/loggkontroll.csv?") && csv.contains("action=case.access_refused"), csv);
      APIResponse download = context.request().get(app.baseUrl() + csv);
      assertEquals(200, download.status());
      assertTrue(download.text().contains("Signe Skyddad"), download.text());

      page.navigate(app.baseUrl() + "/handlaggare/rapporter/delegationsbeslut/");
      assertThat(page.locator("h1")).hasText("Delegationsbeslut");
      assertThat(page.locator("#summary")).containsText("Antal beslut");
      assertThat(page.getByLabel("Beslutsfattare")).containsText("Anna Handläggarsson");
      Axe.assertClean(page);
    }
  }

  @Test
  @DisplayName("the absences page registers an absence with its ställföreträdare and lists it")
  void absences() {
    // A colleague is in the staff list once they have logged in.
    try (BrowserContext context = Axe.context(chromium)) {
      login(context, "sam.socialsekreterare").waitForURL("**/handlaggare/");
    }
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = login(context, "anna.handlaggare");
      page.waitForURL("**/handlaggare/");
      page.locator("#staff-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
        .setName("Frånvaro och ställföreträdare")).click();
      page.waitForURL("**/handlaggare/franvaro/");
      assertThat(page.locator("#absent option")).hasCount(1);
      String today = app.clock().today().toString();
      page.getByLabel("Ställföreträdare").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Sam Sekreterarsson"));
      page.getByLabel("Från och med").fill(today);
      page.getByLabel("Till och med").fill(app.clock().today().plusDays(7).toString());
      page.getByLabel("Anledning").fill("Semester");
      page.getByRole(AriaRole.BUTTON, named("Registrera frånvaro")).click();
      assertThat(page.locator("#status")).containsText("Frånvaron är registrerad");
      assertThat(page.locator("#absences tbody tr").first()).containsText("Sam Sekreterarsson");
      Axe.assertClean(page);
    }
  }
}
