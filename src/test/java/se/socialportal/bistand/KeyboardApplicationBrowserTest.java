package se.socialportal.bistand;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.ResidentBrowserLogins;
import se.socialportal.testing.TestApp;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * WCAG 2.1.1: the whole application, from Mina sidor to BankID signing, with the keyboard alone. The form is never
 * clicked or filled: focus moves with Tab, choices with arrow keys and Space, buttons with Enter, text is typed into
 * whatever has focus. A file is chosen on the file input the keyboard has focused (the browser's file dialog is the
 * operating system's, not the page's). Every step is checked for where focus lands, that it is visible, and by axe.
 */
@DisplayName("In a real browser: the whole application by keyboard alone, axe-clean on every step")
class KeyboardApplicationBrowserTest {

  /** More Tabs than any step has stops: past this the control is not reachable (or focus is trapped). */
  private static final int MAX_TABS = 80;
  private static final Path SHOTS = Path.of("target", "journeys", "keyboard");

  private static TestApp app;
  private static Chromium chromium;
  private int shot;

  @BeforeAll
  static void start() {
    app = TestApp.start("keyboardbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  @Test
  @DisplayName("Tolvan applies, uploads the asked-for documents and signs, never touching the mouse on the form")
  void wholeApplicationByKeyboard() {
    try (BrowserContext context = Axe.context(chromium)) {
      Page page = context.newPage();
      ResidentBrowserLogins.login(context, page, app.baseUrl(), "tolvan");
      Keyboard keys = page.keyboard();

      tabTo(page, "a[href='/ansokan/']");
      keys.press("Enter");
      page.waitForURL("**/ansokan/");
      assertThat(page.locator("#start-heading")).isFocused();
      step(page, "start");
      tabTo(page, "input[name=month]");
      keys.press("Space");
      assertThat(page.locator(":focus")).isChecked();
      tabTo(page, "#start-button");
      keys.press("Enter");
      page.waitForURL(Pattern.compile(".*/ansokan/\\?id=.*"));

      // Household: the page heading gets focus when the form opens; Tolvan applies alone (the default answer).
      assertThat(page.locator("#page-heading")).isFocused();
      assertThat(page.locator("#h-household")).isVisible();
      assertThat(page.locator("#f-together")).isChecked();
      step(page, "household");
      tabTo(page, "#f-household-applicant-phone");
      keys.type("070-123 45 67");
      saveAndContinue(page, "housing");

      tabTo(page, "#f-housing-type");
      choose(page, "#f-housing-type", "rental");
      tabTo(page, "#f-housing-rent");
      keys.type("7 800");
      keys.press("Tab");
      assertFocus(page, "#f-housing-householdElectricity");
      keys.type("300");
      // Back the other way: Shift+Tab reaches the rent again, with what was typed.
      keys.press("Shift+Tab");
      assertFocus(page, "#f-housing-rent");
      assertThat(page.locator("#f-housing-rent")).hasValue("7 800");
      saveAndContinue(page, "incomes");

      // Adding a row by keyboard puts focus in the new row's first field.
      tabTo(page, "#area-incomes button");
      keys.press("Enter");
      assertFocus(page, "#f-incomes-0-person");
      choose(page, "#f-incomes-0-person", "applicant");
      keys.press("Tab");
      assertFocus(page, "#f-incomes-0-type");
      choose(page, "#f-incomes-0-type", "salary");
      keys.press("Tab");
      assertFocus(page, "#f-incomes-0-amount");
      keys.type("4 200");
      step(page, "incomes-filled");
      saveAndContinue(page, "costs");
      saveAndContinue(page, "assets");
      saveAndContinue(page, "needs");
      saveAndContinue(page, "attachments");

      // Documents: the file input is focused by Tab (Enter or Space there opens the system's file dialog).
      assertThat(page.locator("#area-attachments .document.missing")).hasCount(3);
      for (String requirement : new String[] {"bankStatements-applicant", "housingCost-housing", "incomeStatement-salary"}) {
        String input = "#f-attachments-" + requirement;
        tabTo(page, input);
        page.locator(input).setInputFiles(new FilePayload(requirement + ".pdf", "application/pdf",
          Fixtures.pdf().getBytes()));
        assertThat(page.locator("#live")).containsText(requirement + ".pdf är uppladdad");
        // After the upload the list is drawn again; focus returns to the input, not to the top of the page.
        assertFocus(page, input);
      }
      step(page, "attachments-uploaded");
      saveAndContinue(page, "review");
      assertThat(page.locator("#area-review")).containsText("Lön (Du)");

      tabTo(page, "#f-declaration");
      keys.press("Space");
      assertThat(page.locator("#f-declaration")).isChecked();
      tabTo(page, "#sign-same");
      keys.press("Enter");
      Locator simulator = page.locator("#simulator-link");
      assertThat(simulator).isVisible();
      // The pressed button is gone; focus goes on to the next thing to press, the BankID app link.
      assertFocus(page, "#open-app");
      step(page, "signing");

      String id = page.url().substring(page.url().indexOf("id=") + 3);
      ResidentBrowserLogins.approveOnPhone(context, simulator.getAttribute("href"), "tolvan");
      page.waitForURL("**/mina-sidor/arende/?id=" + id);
      assertThat(page.locator("#case-status")).hasText("Status: Inskickad");
      page.navigate(app.baseUrl() + "/mina-sidor/");
      assertThat(page.locator("#cases")).containsText("Status: Inskickad");
      snapshot(page, "mina-sidor");
    }
  }

  /** Presses Save and continue by keyboard; the next step's heading must get focus. */
  private void saveAndContinue(Page page, String nextStep) {
    tabTo(page, "#next");
    page.keyboard().press("Enter");
    assertThat(page.locator("#h-" + nextStep)).isFocused();
    step(page, nextStep);
  }

  /** Where focus is now is visible on screen; then a screenshot and axe-core on the page as it is. */
  private void step(Page page, String name) {
    Locator focused = page.locator(":focus");
    assertThat(focused).hasCount(1);
    assertThat(focused).isInViewport();
    snapshot(page, name);
  }

  /** A screenshot, then axe-core on the page as it is. */
  private void snapshot(Page page, String name) {
    shot++;
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(String.format("%02d-%s.png", shot, name))));
    Axe.assertClean(page);
  }

  /** Tabs forward until the selector has focus; each control passed on the way must show where focus is. */
  private static void tabTo(Page page, String selector) {
    for (int i = 0; i < MAX_TABS; i++) {
      if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement?.matches(s)", selector))) {
        assertFocusVisible(page);
        return;
      }
      page.keyboard().press("Tab");
    }
    fail(selector + " not reached by " + MAX_TABS + " Tabs; focus is on " + describeFocus(page));
  }

  private static void assertFocus(Page page, String selector) {
    assertThat(page.locator(selector)).isFocused();
    assertFocusVisible(page);
  }

  /** A control that has focus by keyboard has the site's focus outline and is on screen. */
  private static void assertFocusVisible(Page page) {
    String outline = (String) page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
      + "return s.outlineStyle + ' ' + s.outlineWidth; }");
    assertTrue(!outline.startsWith("none") && !outline.endsWith(" 0px"), "no visible focus on " + describeFocus(page)
      + ": outline " + outline);
    assertThat(page.locator(":focus")).isInViewport();
  }

  /** Moves a focused select to the option with the value by arrow keys, as a keyboard user does. */
  private static void choose(Page page, String selector, String value) {
    Locator select = page.locator(selector);
    assertThat(select).isFocused();
    int options = select.locator("option").count();
    for (int i = 0; i <= options && !value.equals(select.inputValue()); i++) {
      page.keyboard().press("ArrowDown");
    }
    assertEquals(value, select.inputValue(), "arrow keys did not reach " + value + " in " + selector);
  }

  private static String describeFocus(Page page) {
    return String.valueOf(page.evaluate("() => { const e = document.activeElement; return e ? e.tagName + '#' + e.id "
      + "+ ' ' + (e.textContent || '').trim().slice(0, 40) : 'nothing'; }"));
  }
}
