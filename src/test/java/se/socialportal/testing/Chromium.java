package se.socialportal.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright, for browser tests. CI installs the browser (.ci/run); Playwright never
 * downloads one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in surefire). Its pages run on the server's clock, not the
 * machine's: the pages' own idea of today (the month an application form offers, say) agrees with the server's.
 */
public final class Chromium implements AutoCloseable {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;
  private final java.time.Clock clock;

  private Chromium(Playwright playwright, Browser browser, java.time.Clock clock) {
    this.playwright = playwright;
    this.browser = browser;
    this.clock = clock;
  }

  /**
   * For a server that runs on the machine's own clock (the production artifact, started as a process, has no other):
   * the pages keep the browser's clock too.
   */
  public static Chromium launchOnMachineClock() {
    return launch(null);
  }

  /** @param clock the server's clock ({@code app.clock()}); every context's pages start at its time and run on */
  public static Chromium launch(java.time.Clock clock) {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException("Browser tests need Chromium at " + EXECUTABLE + ": apt-get install -y chromium");
    }
    Playwright playwright = Playwright.create();
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
      .setExecutablePath(EXECUTABLE)
      .setHeadless(true)
      .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run")));
    return new Chromium(playwright, browser, clock);
  }

  /** A fresh browser profile (own cookies) whose language is Swedish, like most residents'. */
  public BrowserContext swedishContext() {
    return context(new Browser.NewContextOptions().setLocale("sv-SE"));
  }

  /** A fresh browser profile with the given options, on the server's clock. */
  public BrowserContext context(Browser.NewContextOptions options) {
    BrowserContext context = browser.newContext(options);
    if (clock != null) {
      context.clock().install(new Clock.InstallOptions().setTime(clock.millis()));
    }
    return context;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
