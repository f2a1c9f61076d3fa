package se.socialportal.provrakning;

import com.microsoft.playwright.BrowserContext;
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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The provräkning page in a real browser")
class ProvrakningBrowserTest {

  private static TestApp app;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    app = TestApp.start("provrakningbrowser", new JsonObject().put("PROVRAKNING_RATE_PER_MINUTE", "1000"));
    chromium = Chromium.launch(app.clock());
  }

  @AfterAll
  static void stop() {
    chromium.close();
    app.close();
  }

  private static Page open(BrowserContext context, List<String> problems) {
    Page page = context.newPage();
    page.onConsoleMessage(message -> {
      // A 400 answer is part of the flow under test; script errors and CSP refusals are not.
      if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
        problems.add(message.text());
      }
    });
    page.onPageError(problems::add);
    // The income types come from the server; the page is ready when it has them.
    page.waitForResponse(response -> response.url().contains("/api/v1/provrakning/options"),
      () -> page.navigate(app.baseUrl() + "/provrakning/"));
    return page;
  }

  private static void addIncome(Page page, int index, String type, String owner, String amount) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till inkomst")).click();
    assertThat(page.locator("#incomes-" + index + "-type")).isFocused();
    page.locator("#incomes-" + index + "-type").selectOption(type);
    page.locator("#incomes-" + index + "-person").selectOption(new com.microsoft.playwright.options.SelectOption()
      .setLabel(owner));
    page.locator("#incomes-" + index + "-amount").fill(amount);
  }

  @Test
  @DisplayName("the worked example, typed in by a person, shows 9 430 kr line by line with the rule versions")
  void workedExample() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = open(context, problems);
      page.locator("#month").fill("2025-10");
      page.getByLabel("Födelsedatum").fill("1990-05-05");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till person")).click();
      page.locator("#persons-1-role").selectOption("child");
      page.locator("#persons-1-birthDate").fill("2020-03-01");
      page.locator("#persons-1-lunchOutsideHome").check();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till person")).click();
      page.locator("#persons-2-birthDate").fill("2013-04-01");
      page.getByLabel("Hyra eller avgift för bostaden").fill("8 200");
      page.getByLabel("Hushållsel").fill("450");
      page.getByLabel("Hemförsäkring").fill("180");
      page.getByLabel("Arbetsresor").fill("930");
      page.getByLabel("Fackavgift och a-kassa").fill("420");
      page.getByLabel("Barnomsorg (förskola, fritids)").fill("620");
      addIncome(page, 0, "salary", "Person 1: du som söker", "9000");
      assertThat(page.locator("#incomes-0-jobbstimulans")).isVisible();
      page.locator("#incomes-0-jobbstimulans").check();
      addIncome(page, 1, "childAllowance", "Hushållets gemensamma", "2650");
      assertThat(page.locator("#incomes-1-jobbstimulans")).isHidden();
      addIncome(page, 2, "maintenanceSupport", "Hushållets gemensamma", "2600");
      addIncome(page, 3, "housingAllowance", "Hushållets gemensamma", "2100");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Räkna")).click();

      assertThat(page.locator("#result-amount")).hasText(Pattern.compile("Uppskattat försörjningsstöd: 9\\s430 kr"));
      assertThat(page.locator("#result-title")).isFocused();
      assertThat(page.locator("#result-lines")).containsText("Personliga kostnader, barn 4–6 år – barn 1");
      assertThat(page.locator("#result-lines")).containsText("Jobbstimulans: 25 %");
      assertThat(page.locator("#result-versions")).containsText("riksnorm-2025");
      assertThat(page.locator("#result-versions")).containsText("demo-caps-2025.1");
    }
    assertEquals(List.of(), problems, "no script errors and no CSP violations");
  }

  @Test
  @DisplayName("a wrong amount: error summary at the top linking to the field, message at the field, input kept")
  void validationErrors() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = open(context, problems);
      page.locator("#month").fill("2025-10");
      page.getByLabel("Födelsedatum").fill("1990-05-05");
      page.getByLabel("Hyra eller avgift för bostaden").fill("-100");
      addIncome(page, 0, "salary", "Hushållets gemensamma", "100");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Räkna")).click();

      assertThat(page.locator("#error-summary")).isVisible();
      assertThat(page.locator("#error-summary")).isFocused();
      assertThat(page.locator("#error-list a[href='#costs-rent']"))
        .hasText("Hyra eller avgift för bostaden: Beloppet kan inte vara negativt.");
      assertThat(page.locator("#costs-rent-error")).hasText("Beloppet kan inte vara negativt.");
      assertThat(page.locator("#costs-rent")).hasAttribute("aria-invalid", "true");
      assertThat(page.locator("#costs-rent")).hasAttribute("aria-describedby", "costs-rent-error");
      assertThat(page.locator("#costs-rent")).hasValue("-100");
      assertThat(page.locator("#incomes-0-amount")).hasValue("100");

      page.locator("#error-list a[href='#costs-rent']").click();
      assertThat(page.locator("#costs-rent")).isFocused();
      page.locator("#costs-rent").fill("5000");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Räkna")).click();
      // A salary needs its earner (jobbstimulans and children's income depend on it): the engine's check this time.
      assertThat(page.locator("#error-list a[href='#incomes-0-person']"))
        .hasText("Vems inkomst är det?: Ange vems inkomsten är.");
      assertThat(page.locator("#costs-rent-error")).hasCount(0);
      assertThat(page.locator("#costs-rent")).not().hasAttribute("aria-invalid", "true");

      page.locator("#incomes-0-person").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Person 1: du som söker"));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Räkna")).click();
      assertThat(page.locator("#error-summary")).isHidden();
      assertThat(page.locator("#costs-rent-error")).hasCount(0);
      assertThat(page.locator("#result-amount")).hasText(Pattern.compile("10\\s080 kr"));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  @DisplayName("the English switch translates the page and the server's lines, and remembers the choice")
  void english() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = chromium.swedishContext()) {
      Page page = open(context, problems);
      page.locator("#month").fill("2025-10");
      page.getByLabel("Födelsedatum").fill("1980-01-01");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Räkna")).click();
      assertThat(page.locator("#result-lines")).containsText("ensamstående");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("In English")).click();
      assertThat(page.locator("h1")).hasText("Estimate financial assistance");
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      assertThat(page.locator("#result-lines")).containsText("Personal costs, single adult – applicant");
      assertThat(page.locator("#persons-0-birthDate")).hasValue("1980-01-01");
      page.reload();
      assertThat(page.locator("h1")).hasText("Estimate financial assistance");
    }
    assertEquals(List.of(), problems);
  }
  @Test
  @DisplayName("in Arabic: right to left, the server's lines, income types, errors and disclaimer in Arabic; axe-core finds nothing")
  void arabic() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = Axe.context(chromium)) {
      context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("lang", "ar").setDomain("127.0.0.1")
        .setPath("/")));
      Page page = open(context, problems);
      assertThat(page.locator("html")).hasAttribute("dir", "rtl");
      assertThat(page.locator("html")).hasAttribute("lang", "ar");
      page.locator("#month").fill("2025-10");
      page.locator("#persons-0-birthDate").fill("1980-01-01");
      page.locator("#costs-rent").fill("-100");
      page.locator("#add-income").click();
      assertThat(page.locator("#incomes-0-type option[value='salary']")).hasText("الراتب بعد الضريبة");
      page.locator("#incomes-0-type").selectOption("salary");
      page.locator("#incomes-0-person").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
      page.locator("#incomes-0-amount").fill("3000");
      page.locator("#calculate").click();
      // The server's field code in the page's own Arabic text.
      assertThat(page.locator("#costs-rent-error")).hasText("لا يمكن أن يكون المبلغ سالباً.");
      Axe.assertClean(page);

      page.locator("#costs-rent").fill("5000");
      page.locator("#calculate").click();
      assertThat(page.locator("#result-amount")).containsText("الإعانة المعيشية التقديرية");
      var lines = page.locator("#result-lines");
      assertThat(lines).containsText("التكاليف الشخصية، شخص بالغ يعيش بمفرده – مقدّم الطلب");
      assertThat(lines).containsText("تكاليف مشتركة للأسرة، شخص واحد");
      assertThat(lines).containsText("تكلفة السكن (الإيجار أو الرسوم)");
      assertThat(lines).containsText("الراتب بعد الضريبة – مقدّم الطلب");
      assertThat(page.locator("#result-disclaimer")).containsText("الحساب التجريبي تقدير وليس قرارًا");
      Axe.assertClean(page);
    }
    assertEquals(List.of(), problems);
  }
}
