package se.socialportal.production;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.testing.Chromium;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.TestApp;
import se.socialportal.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production as a municipality runs it, on one machine: the production artifact ({@code socialportal-production.jar},
 * built by {@code package}) started with MODE=production and environment variables only, against PostgreSQL, an
 * OpenID Connect provider and BankID that are each a process of their own — the app reaches them only through
 * DATABASE_URL, OIDC_ISSUER and BANKID_URL with its RP certificate. Then, in Chromium: a resident logs in with BankID
 * and applies, the robot proposes, a handläggare logs in through the identity provider and decides, and the decision
 * letter is there for the resident.
 *
 * <p>The production artifact has no clock but the machine's (it reads no test clock, by design), so the server, the
 * identity provider and the browser run on the machine's time, and the resident applies for the later of the two
 * months the server offers (this month and the next): still open if the month turns during the journey. So that the
 * journey is the same whatever those months are, the server reads a copy of robots/ in which the years after the
 * last published riksnorm are test fixtures made from it ({@link #journeyRobots()}); an installation gets next year's
 * files when the government publishes them (README, "Next year's rules"). The test itself reads no date. The BankID
 * simulator, whose order lifetimes are its own, runs on a test clock.
 *
 * <p>Every outside process is started once for the class and stopped in {@link #stop()}, also when a step fails; the
 * processes' logs, and a screenshot of each page of a part that failed, are kept in {@code target/production-journey-*}.
 */
@DisplayName("Production, proven end to end: the production artifact against PostgreSQL, OIDC and BankID as their own processes")
class ProductionJourneyIT {

  /** How long a wait for a page's state may take at most. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static Path work;
  private static Processes processes;
  private static Chromium chromium;
  private static String app;
  private static String phone;

  @BeforeAll
  static void start() throws Exception {
    Path jar = Path.of(System.getProperty("production.jar", "target/socialportal-production.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the production artifact " + jar + " is built by package (mvn verify)");
    // Beside the jar (target/), so the processes' logs and any screenshot of a failure stay for reading.
    work = Files.createTempDirectory(jar.getParent(), "production-journey-");
    processes = new Processes(work);
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    // BankID: the simulator as its own HTTPS process with its own server certificate; the app gets the RP
    // certificate and the CA as files, as it would get BankID's.
    int rpPort = TestApp.freePort();
    int phonePort = TestApp.freePort();
    Path certificates = work.resolve("bankid");
    Processes.Starting bankid = processes.launch("bankid", new ProcessBuilder(tool(classpath,
      StandaloneBankIdSimulator.class.getName(), String.valueOf(rpPort), String.valueOf(phonePort),
      certificates.toString())), "ready ");
    phone = "http://127.0.0.1:" + phonePort + "/bankid-simulator/";

    // The identity provider: the realm's client and claims, as its own process.
    int oidcPort = TestApp.freePort();
    Path oidcConfig = work.resolve("oidc.json");
    Files.writeString(oidcConfig, identityProviderConfig().encodePrettily(), StandardCharsets.UTF_8);
    Processes.Starting oidc = processes.launch("oidc", new ProcessBuilder(tool(classpath,
      StandaloneIdentityProvider.class.getName(), String.valueOf(oidcPort), "socialportalen",
      oidcConfig.toString())), "ready ");

    // PostgreSQL: a server process of its own (the embedded binaries), reached only through DATABASE_URL. Made while
    // the two services above come up, as are the rules; the app starts once all three are there.
    DatabaseSettings database = TestDatabase.fresh("production");
    Path robots = journeyRobots();
    bankid.awaitReady();
    oidc.awaitReady();

    // The production artifact, configured by its environment only.
    int appPort = TestApp.freePort();
    app = "http://127.0.0.1:" + appPort;
    ProcessBuilder server = new ProcessBuilder(java(), "-Xmx512m", "-jar", jar.toString());
    server.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
    server.environment().put("MODE", "production");
    server.environment().put("HTTP_HOST", "127.0.0.1");
    server.environment().put("HTTP_PORT", String.valueOf(appPort));
    server.environment().put("HTTP_INSTANCES", "1");
    server.environment().put("PUBLIC_URL", app);
    server.environment().put("TRUSTED_PROXIES", "127.0.0.1");
    server.environment().put("METRICS_TOKEN", "a-long-random-scrape-token");
    server.environment().put("DATABASE_URL", "postgresql://" + database.user() + ":" + database.password() + "@"
      + database.host() + ":" + database.port() + "/" + database.database());
    server.environment().put("DB_POOL_SIZE", "4");
    server.environment().put("OIDC_ISSUER", "http://127.0.0.1:" + oidcPort + "/socialportalen");
    server.environment().put("OIDC_CLIENT_ID", "socialportalen");
    server.environment().put("BANKID_URL", "https://127.0.0.1:" + rpPort + "/rp/v6.0");
    server.environment().put("BANKID_RP_CERT", certificates.resolve("rp.p12").toString());
    server.environment().put("BANKID_RP_CERT_PASSWORD", "qwerty123");
    server.environment().put("BANKID_CA", certificates.resolve("ca.pem").toString());
    server.environment().put("DATA_DIR", work.resolve("data").toString());
    server.environment().put("ROBOTS_DIR", robots.toString());
    server.environment().put("LOGIN_RATE_PER_MINUTE", "1000");
    Processes.Starting starting = processes.launch("app", server, "Socialportalen is running on ");

    chromium = Chromium.launchOnMachineClock();
    starting.awaitReady();
    // Generous, for a loaded machine: these bound waits for a state the page shows, they are not the time it takes.
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(WAIT.toMillis());
  }

  @AfterAll
  static void stop() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (processes != null) {
        processes.close();
      }
    }
  }

  /**
   * robots/ as the server reads it here: with riksnorm and prisbasbelopp for the ten years after the last published
   * one, made from it, so the machine's month and the next, whichever they are, have rules without the test reading
   * the date; and with a stickprov rate of 0. The draw picks about one application in twenty by a secret made anew
   * with each database, so the journey would now and then take the stickprov's way (documents asked for, a result to
   * record); HandlaggareBrowserTest walks that way.
   */
  private static Path journeyRobots() throws IOException {
    RobotsFolder robots = RobotsFolder.upTo(Integer.MAX_VALUE);
    int last;
    try (var files = Files.list(robots.root().resolve("riksnorm"))) {
      last = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("riksnorm-\\d{4}\\.json"))
        .mapToInt(name -> Integer.parseInt(name.substring(9, 13))).max().orElseThrow();
    }
    for (int year = last + 1; year <= last + 10; year++) {
      robots.nationalYearLike(last, year);
    }
    try (var files = Files.list(robots.root().resolve("tenants/demo"))) {
      for (Path file : files.filter(file -> file.getFileName().toString().startsWith("stickprov-")).toList()) {
        String relative = robots.root().relativize(file).toString();
        robots.write(relative, robots.read(relative).put("percent", 0).encodePrettily());
      }
    }
    return robots.root();
  }

  /** The realm's client, with one handläggare's roles and tenant as ID token claims (Keycloak's mappers). */
  private static JsonObject identityProviderConfig() {
    JsonObject claims = new JsonObject().put("sub", "anna.handlaggare").put("name", "Anna Handläggarsson")
      .put("given_name", "Anna").put("family_name", "Handläggarsson").put("email", "anna@demo.example")
      .put("roles", new JsonArray().add("handlaggare")).put("tenant", "demo");
    return new JsonObject().put("interactiveLogin", false).put("httpServer", "NettyWrapper")
      .put("tokenCallbacks", new JsonArray().add(new JsonObject().put("issuerId", "socialportalen")
        .put("tokenExpiry", 3600).put("requestMappings", new JsonArray().add(new JsonObject()
          .put("requestParam", "client_id").put("match", "socialportalen").put("claims", claims)))));
  }

  @Test
  @DisplayName("a resident logs in with BankID and applies, the robot proposes, a handläggare decides, the letter is there")
  void residentAppliesHandlaggareDecides() throws Exception {
    inBrowser("resident-applies", ProductionJourneyIT::residentApplies);
    inBrowser("handlaggare-decides", ProductionJourneyIT::handlaggareDecides);
    inBrowser("resident-reads-letter", ProductionJourneyIT::residentReadsLetter);
  }

  private static void residentApplies(BrowserContext context, Page page) throws IOException {
    loginWithBankId(context, page, "tolvan");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ansök om ekonomiskt bistånd")).click();
    page.waitForURL("**/ansokan/");
    // The server offers this month and the next by its clock. The later one is still open should the month turn
    // while the resident fills in the form (on the last evening of a month, say); journeyRobots() has its rules.
    Locator months = page.locator("#month-choices input[name=month]");
    assertThat(months).hasCount(2);
    months.last().check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Börja ansökan")).click();
    page.waitForURL(Pattern.compile(".*/ansokan/\\?id=.*"));
    page.locator("#f-together").check();
    next(page).click();
    assertThat(page.locator("#h-housing")).isFocused();
    page.getByLabel("Hur bor du?").selectOption("rental");
    page.getByLabel("Hyra eller avgift").fill("6 500");
    page.getByLabel("Hushållsel").fill("300");
    next(page).click();
    for (String step : new String[] {"#h-incomes", "#h-costs", "#h-assets", "#h-needs"}) {
      assertThat(page.locator(step)).isFocused();
      next(page).click();
    }
    assertThat(page.locator("#h-attachments")).isFocused();
    Locator uploads = page.locator("input[type=file][id^='f-attachments-']:not(#f-attachments-other)");
    int count = uploads.count();
    assertTrue(count > 0, "a first application asks for documents");
    for (int i = 0; i < count; i++) {
      String name = "underlag-" + i + ".pdf";
      uploads.nth(i).setInputFiles(new FilePayload(name, "application/pdf", pdf()));
      // This file's own announcement: the one before it already said "är uppladdad".
      assertThat(page.locator("#live")).containsText(name + " är uppladdad");
    }
    next(page).click();
    assertThat(page.locator("#h-review")).isFocused();
    page.getByLabel("Jag intygar att uppgifterna är sanna och fullständiga och att jag kommer att meddela ändringar.").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skriv under med BankID på annan enhet")).click();
    approveOnPhone(context, page, "tolvan");
    page.waitForURL("**/mina-sidor/arende/?id=*");
    // Submitted, and (the robot is quick) perhaps already with its beslutsförslag: in review.
    assertThat(page.locator("#case-status")).containsText(Pattern.compile("Inskickad|Handläggs"));
  }

  private static void handlaggareDecides(BrowserContext context, Page page) {
    // No staff session: the page sends the browser to the identity provider, which sends it back logged in.
    page.navigate(app + "/handlaggare/");
    page.waitForURL(app + "/handlaggare/");
    assertThat(page.locator("#who")).containsText("Anna Handläggarsson");
    Locator row = page.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText("Tolvan Tolvansson"));
    awaitInQueue(page, row);
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ta ärendet")).click();
    page.waitForURL("**/handlaggare/arende/?id=*");
    assertThat(page.locator("h1")).containsText("Tolvan Tolvansson");
    // The page draws the case in one step once it has loaded it: the calculation, and with it the warnings.
    assertThat(page.locator("#calculation")).containsText("Boendekostnad");
    // Production has no register connection configured: the proposal says so, and the handläggare acknowledges it.
    assertThat(page.locator("#warnings")).containsText("Registeruppgifter saknas");
    Locator approve = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkänn förslaget"));
    assertThat(approve).isDisabled();
    acknowledgeWarnings(page);
    assertThat(approve).isEnabled();
    approve.click();
    assertThat(page.locator("#status")).containsText("Beslutet är fattat");
    assertThat(page.locator("#decisions")).containsText("Beslutsbrev");
  }

  private static void residentReadsLetter(BrowserContext context, Page page) {
    loginWithBankId(context, page, "tolvan");
    page.locator("#cases a").first().click();
    page.waitForURL("**/mina-sidor/arende/?id=*");
    Locator letter = page.locator("#letters a").first();
    assertThat(letter).isVisible();
    // Fetched by the page, as the link would be: production's session cookie is Secure, which Chromium sends to
    // http://127.0.0.1 (a secure context) but Playwright's own request client does not.
    @SuppressWarnings("unchecked")
    Map<String, Object> answer = (Map<String, Object>) page.evaluate("async (href) => {"
      + " const response = await fetch(href);"
      + " const bytes = new Uint8Array(await response.arrayBuffer());"
      + " let binary = ''; bytes.forEach((b) => { binary += String.fromCharCode(b); });"
      + " return { status: response.status, type: response.headers.get('content-type'), body: btoa(binary) }; }",
      letter.getAttribute("href"));
    assertEquals(200, ((Number) answer.get("status")).intValue(), String.valueOf(answer));
    assertEquals("application/pdf", answer.get("type"));
    String text = PdfText.of(Base64.getDecoder().decode((String) answer.get("body")));
    assertTrue(text.contains("Tolvan Tolvansson"), text);
  }

  /**
   * The queue shows what the server held when it loaded, and the robot proposes moments after the submission: the
   * handläggare looks again until the case is listed. Each look waits for the queue's count, which the page writes
   * once it has drawn the rows.
   */
  private static void awaitInQueue(Page page, Locator row) {
    Locator count = page.locator("#count");
    long deadline = System.nanoTime() + WAIT.toNanos();
    assertThat(count).not().isEmpty();
    while (row.count() == 0) {
      assertTrue(System.nanoTime() < deadline, "the robot's proposal did not reach the queue within " + WAIT);
      page.reload();
      assertThat(count).not().isEmpty();
    }
  }

  /**
   * Acknowledges the warnings one at a time, as a handläggare does. Each acknowledgement makes the page load the case
   * again and draw the list anew, so the next click waits until the list shows one open warning fewer: a button of
   * the list before would be replaced under the click.
   */
  private static void acknowledgeWarnings(Page page) {
    Locator open = page.locator("#warnings .warning:not(.done)");
    int left = open.count();
    assertTrue(left > 0, "the proposal carries warnings");
    for (; left > 0; left--) {
      open.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kvittera varningen")).click();
      assertThat(open).hasCount(left - 1);
    }
    assertThat(page.locator("#warnings")).containsText("Kvitterad av Anna Handläggarsson");
  }

  /** A part of the journey in a browser profile of its own; if it fails, a screenshot of each of its pages. */
  private static void inBrowser(String part, Part steps) throws Exception {
    try (BrowserContext context = chromium.swedishContext()) {
      context.setDefaultTimeout(WAIT.toMillis());
      try {
        steps.run(context, context.newPage());
      } catch (Exception | AssertionError failure) {
        List<Page> pages = context.pages();
        for (int i = 0; i < pages.size(); i++) {
          Path shot = work.resolve(part + "-" + i + ".png");
          try {
            pages.get(i).screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            failure.addSuppressed(new AssertionError("the page as it was: " + shot.toAbsolutePath()));
          } catch (RuntimeException noShot) {
            failure.addSuppressed(noShot);
          }
        }
        throw failure;
      }
    }
  }

  @FunctionalInterface
  private interface Part {
    void run(BrowserContext context, Page page) throws Exception;
  }

  /** BankID on another device: the page shows the QR code; the phone (the simulator's page) opens the same order. */
  private static void loginWithBankId(BrowserContext context, Page page, String identity) {
    page.navigate(app + "/logga-in/");
    page.locator("#language-switcher button").first().waitFor();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("BankID på annan enhet")).click();
    approveOnPhone(context, page, identity);
    page.waitForURL("**/mina-sidor/");
  }

  /** Opens the page's order on the simulator's phone page by its autostart token and approves as {@code identity}. */
  private static void approveOnPhone(BrowserContext context, Page page, String identity) {
    assertThat(page.locator("#qr")).isVisible();
    String autoStart = page.locator("#open-app").getAttribute("href");
    String token = autoStart.substring(autoStart.indexOf("autostarttoken=") + "autostarttoken=".length()).split("&")[0];
    Page device = context.newPage();
    device.navigate(phone + "?autostarttoken=" + token);
    device.locator("#identity").selectOption(identity);
    if (device.locator("#order").isHidden()) {
      device.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna").setExact(true)).click();
    }
    assertThat(device.locator("#order")).isVisible();
    device.locator("#approve").click();
    device.close();
  }

  private static Locator next(Page page) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara och fortsätt").setExact(true));
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    }
  }

  /**
   * A JVM for one of the outside services: the test's class path, and the quick compiler only (these processes answer
   * a handful of requests; the second compiler's work would only take the cores the server and the browser need).
   */
  private static List<String> tool(String classpath, String mainClass, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
