package se.socialportal.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Staff log in in a real browser through the municipality's identity provider: a staff page sends them to the demo's
 * OIDC login page, where each demo member has a button of their own; the provider sends them back to where they
 * land. Also the live dashboard's (/admin/) figures as the page shows them, for tests that watch them move.
 */
public final class StaffBrowserLogins {

  private StaffBrowserLogins() {
  }

  /** Opens {@code path} in a new page, logs in as the demo member {@code subject} and waits to land on {@code landing}. */
  public static Page login(BrowserContext context, String baseUrl, String path, String subject, String landing) {
    Page page = context.newPage();
    page.navigate(baseUrl + path);
    page.locator("[id='login-" + subject + "']").click();
    page.waitForURL("**" + landing);
    return page;
  }

  /** The dashboard's count of today's applications through the e-tjänst (the submissions chart's table). */
  public static Locator digitalSubmissionsToday(Page dashboard) {
    return dashboard.locator("#submissions tbody tr").filter(new Locator.FilterOptions().setHasText("E-tjänsten"))
      .locator("td").first();
  }

  /** The dashboard's count of payments in one state, by the state's name on the page (e.g. "Utbetalda"). */
  public static Locator paymentCount(Page dashboard, String state) {
    return dashboard.locator("#payments tbody tr").filter(new Locator.FilterOptions().setHas(
      dashboard.getByRole(com.microsoft.playwright.options.AriaRole.ROWHEADER,
        new Page.GetByRoleOptions().setName(state).setExact(true)))).locator("td").first();
  }
}
