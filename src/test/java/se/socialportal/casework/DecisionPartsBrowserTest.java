package se.socialportal.casework;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.Futures;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.TestApp;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("In a real browser: a manual-review case and a decision in parts, referred to the enhetschef")
class DecisionPartsBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("decisionpartsbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
    // Two cores shared with other builds: give the pages time, without any timing assertion.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static UUID application(String given) {
    return Futures.await(app.services().pool().preparedQuery("SELECT a.id FROM application a JOIN person p "
      + "ON p.id = a.applicant_id WHERE p.given_name = $1 AND a.tenant_id = 'demo'").execute(Tuple.of(given)))
      .iterator().next().getUUID("id");
  }

  private static Page login(BrowserContext context, String who) {
    Page page = context.newPage();
    page.navigate(app.baseUrl() + "/handlaggare/");
    page.locator("[id='login-" + who + "']").click();
    page.waitForURL("**/handlaggare/");
    return page;
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** Acknowledges every plain warning of the case, one at a time as the page reloads after each. */
  private static void acknowledgeWarnings(Page page) {
    Locator acknowledge = button(page, "Kvittera varningen");
    while (acknowledge.count() > 0) {
      int before = acknowledge.count();
      acknowledge.first().click();
      assertThat(acknowledge).hasCount(before - 1);
    }
  }

  @Test
  @DisplayName("Maria (no proposal): the handläggare computes the norm in the case view and decides within her delegation")
  void manualReviewCase() {
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = login(context, "anna.handlaggare");
      page.navigate(app.baseUrl() + "/handlaggare/arende/?id=" + application("Maria"));
      assertThat(page.locator("h1")).containsText("Maria Manuellsson");
      assertThat(page.locator("#delegation")).containsText("Beräkna normen för att kunna besluta");
      button(page, "Beräkna norm").click();
      assertThat(page.locator("#status")).containsText("Normen är beräknad");
      assertThat(page.locator("#calculation")).containsText("Boendekostnad");
      acknowledgeWarnings(page);
      Locator approve = button(page, "Godkänn förslaget");
      assertThat(approve).isEnabled();
      approve.click();
      assertThat(page.locator("#status")).containsText("Beslutet är fattat");
      assertThat(page.locator("#decisions")).containsText("Anna Handläggarsson");
      assertThat(page.locator("#decisions")).containsText("Beslutsbrev");
    }
  }

  @Test
  @DisplayName("Stig: the month is decided by the handläggare, the 12 000 kr need by the enhetschef, one letter shows both parts")
  void stigInParts() {
    UUID stig = application("Stig");
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = login(context, "anna.handlaggare");
      page.navigate(app.baseUrl() + "/handlaggare/arende/?id=" + stig);
      assertThat(page.locator("h1")).containsText("Stig Stickprovsson");
      page.getByLabel("Handlingarna styrker uppgifterna i ansökan").check();
      button(page, "Registrera resultatet och kvittera").click();
      assertThat(page.locator("#status")).containsText("Stickprovets resultat är registrerat");
      acknowledgeWarnings(page);
      assertThat(page.locator("#refer-box")).isVisible();
      page.getByLabel("Beslutsunderlag till beslutsfattaren (frivilligt)").fill("Möblerna behövs efter flytten.");
      button(page, "Besluta inom min delegation och lämna resten vidare").click();
      assertThat(page.locator("#status")).containsText("Det som ryms i din delegation är beslutat");
      assertThat(page.locator("#referrals")).containsText("väntar på beslut av Enhetschef");
    }
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = login(context, "erik.enhetschef");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Väntar på mitt beslut")).click();
      page.waitForURL("**/handlaggare/beslut/");
      Locator item = page.locator("li.referral").filter(new Locator.FilterOptions().setHasText("Stig Stickprovsson"));
      assertThat(item).containsText("12 000 kr");
      assertThat(item).containsText("Möblerna behövs efter flytten.");
      assertThat(item).containsText("Anna Handläggarsson");
      item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fatta beslut")).click();
      assertThat(page.locator("#status")).containsText("Alla delar är beslutade");
      assertThat(page.locator("#referrals")).not().containsText("Stig Stickprovsson");

      String letterId = Futures.await(app.services().pool().preparedQuery("SELECT id FROM decision_letter "
        + "WHERE application_id = $1").execute(Tuple.of(stig))).iterator().next().getUUID("id").toString();
      byte[] pdf = page.request().get(app.baseUrl() + "/api/v1/casework/letters/" + letterId + "/pdf").body();
      String text = PdfText.of(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("1. Försörjningsstöd för april 2026: Bifall, 9 020 kr"), text);
      assertTrue(text.contains("2. Möbler (engångsbelopp): Bifall, 12 000 kr"), text);
      assertTrue(text.contains("Sjukpenning/sjukersättning −2 100 kr"), text);
      assertTrue(text.contains("Behov − inkomster 9 020 kr"), text);
      assertTrue(text.contains("Beslutsunderlaget har beretts av Anna Handläggarsson, Handläggare."), text);
      assertTrue(text.contains("Erik Enhetschefsson, Enhetschef"), text);
      assertFalse(text.contains("21 020"), "the parts are never one monthly sum: " + text);
      assertFalse(text.contains("kronor per månad)") && text.contains("21 020 kr"), text);
      assertEquals(1L, Futures.await(app.services().pool().preparedQuery("SELECT count(*) FROM decision_letter "
        + "WHERE application_id = $1").execute(Tuple.of(stig))).iterator().next().getLong(0), "one letter");
    }
  }
}
