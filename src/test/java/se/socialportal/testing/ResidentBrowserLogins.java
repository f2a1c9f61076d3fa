package se.socialportal.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A resident's login and BankID approvals in a real browser: the login page starts the order, a second page of the
 * same profile plays the phone (the simulator's page) and approves as a test identity.
 */
public final class ResidentBrowserLogins {

  private ResidentBrowserLogins() {
  }

  /** Logs in through the login page and the simulator's phone page, as the given test identity. */
  public static void login(BrowserContext context, Page page, String baseUrl, String identity) {
    page.navigate(baseUrl + "/logga-in/");
    // The buttons are in the HTML at once, their handlers only once the page's texts are loaded (the language
    // switcher appears then): a click before that would do nothing.
    page.locator("#language-switcher button").first().waitFor();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på den här enheten")).click();
    assertThat(page.locator("#simulator-link")).isVisible();
    approveOnPhone(context, page.locator("#simulator-link").getAttribute("href"), identity);
    page.waitForURL("**/mina-sidor/");
  }

  /** Opens the order on the simulator's phone page and approves it as the identity. */
  public static void approveOnPhone(BrowserContext context, String simulatorUrl, String identity) {
    Page phone = context.newPage();
    phone.navigate(simulatorUrl);
    phone.locator("#identity").selectOption(identity);
    if (phone.locator("#order").isHidden()) {
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna").setExact(true)).click();
    }
    assertThat(phone.locator("#order")).isVisible();
    phone.locator("#approve").click();
    phone.close();
  }
}
