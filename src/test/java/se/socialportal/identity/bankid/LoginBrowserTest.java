package se.socialportal.identity.bankid;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Axe;
import se.socialportal.testing.Browser;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.QrCodes;
import se.socialportal.testing.TestApp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A resident logs in with BankID in a real browser, both flows, through the simulator")
class LoginBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("loginbrowser", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
    // The machine may be busy: the first BankID order (a TLS handshake with the simulator) can take a few seconds.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  @Test
  @DisplayName("BankID på annan enhet: the QR code on screen is scanned, approved, and Mina sidor greets the resident")
  void otherDeviceWithQr() {
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/logga-in/");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på annan enhet")).click();
      assertThat(page.locator("#qr")).isVisible();
      page.waitForFunction("() => { const img = document.getElementById('qr'); return img.complete && img.naturalWidth > 0; }");
      String qrData = QrCodes.decode(page.locator("#qr").screenshot());
      assertTrue(qrData.startsWith("bankid."), qrData);
      // The phone: scan the code (the simulator checks its HMAC and freshness), then approve as Tolvan.
      Browser phone = new Browser(app);
      JsonObject opened = phone.post("/bankid-simulator/api/orders/open", new JsonObject().put("qrData", qrData))
        .bodyAsJsonObject();
      assertEquals(200, phone.post("/bankid-simulator/api/orders/" + opened.getString("orderRef") + "/complete",
        new JsonObject().put("identityId", "tolvan")).statusCode());
      page.waitForURL("**/mina-sidor/");
      assertThat(page.locator("#greeting")).hasText("Du är inloggad som Tolvan Tolvansson.");
    }
  }

  @Test
  @DisplayName("BankID på den här enheten: the demo's simulator page approves, the login page moves on to Mina sidor")
  void sameDeviceThroughSimulatorPage() {
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/logga-in/");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på den här enheten")).click();
      assertThat(page.locator("#simulator-link")).isVisible();
      assertThat(page.locator("#status")).not().isEmpty();
      String simulatorUrl = page.locator("#simulator-link").getAttribute("href");
      Page phone = context.newPage();
      phone.navigate(simulatorUrl);
      phone.locator("#identity").selectOption("testa");
      if (phone.locator("#order").isHidden()) {
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna").setExact(true)).click();
      }
      assertThat(phone.locator("#order")).isVisible();
      phone.locator("#approve").click();
      page.waitForURL("**/mina-sidor/");
      assertThat(page.locator("#greeting")).hasText("Du är inloggad som Testa Testsson.");
    }
  }

  @Test
  @DisplayName("the page switches to English and cancelling returns to the choice")
  void englishAndCancel() {
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/logga-in/");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(page.locator("h1")).hasText("Log in with BankID");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID on another device")).click();
      assertThat(page.locator("#qr")).isVisible();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID on this device")))
        .isFocused();
    }
  }
  @Test
  @DisplayName("in Arabic, right to left: BankID's status texts follow the order (started, userSign, userCancel, certificateErr)")
  void arabicStatusTexts() {
    try (BrowserContext context = Axe.context(chromium)) {
      context.addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("lang", "ar")
        .setDomain("127.0.0.1").setPath("/")));
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/logga-in/");
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      Browser phone = new Browser(app);

      page.locator("#other-device").click();
      assertThat(page.locator("#qr")).isVisible();
      assertThat(page.locator("#status")).hasText("شغّل تطبيق BankID.");
      Axe.assertClean(page);
      String orderRef = open(phone, page);
      assertThat(page.locator("#status")).hasText("أدخل رمز الأمان في تطبيق BankID واختر «تعريف» أو «توقيع».");
      assertEquals(200, phone.post("/bankid-simulator/api/orders/" + orderRef + "/cancel", new JsonObject())
        .statusCode());
      assertThat(page.locator("#status")).hasText("أُلغيت العملية.");
      assertThat(page.locator("#retry")).isFocused();
      Axe.assertClean(page);

      page.locator("#retry").click();
      page.locator("#same-device").click();
      assertThat(page.locator("#status")).hasText("نحاول تشغيل تطبيق BankID.");
      orderRef = open(phone, page);
      assertEquals(200, phone.post("/bankid-simulator/api/orders/" + orderRef + "/fail",
        new JsonObject().put("hintCode", "certificateErr")).statusCode());
      assertThat(page.locator("#status")).hasText(
        "الـ BankID الذي تحاول استخدامه قديم جدًا أو محظور. استخدم BankID آخر أو احصل على واحد جديد من بنكك.");
    }
  }

  /** The phone opens the order the page shows (by its autostart token, as the demo's simulator link carries it). */
  private static String open(Browser phone, Page page) {
    assertThat(page.locator("#simulator-link")).isVisible();
    String link = page.locator("#simulator-link").getAttribute("href");
    String token = java.net.URLDecoder.decode(link.replaceAll(".*[?&]autostarttoken=([^&]+).*", "$1"),
      java.nio.charset.StandardCharsets.UTF_8);
    JsonObject opened = phone.post("/bankid-simulator/api/orders/open", new JsonObject().put("autoStartToken", token))
      .bodyAsJsonObject();
    return opened.getString("orderRef");
  }
}
