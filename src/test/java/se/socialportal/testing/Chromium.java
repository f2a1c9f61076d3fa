package se.socialportal.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright, for browser tests. CI installs the browser (.ci/run); Playwright never
 * downloads one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in surefire).
 */
public final class Chromium implements AutoCloseable {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Chromium launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException("Browser tests need Chromium at " + EXECUTABLE + ": apt-get install -y chromium");
    }
    Playwright playwright = Playwright.create();
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
      .setExecutablePath(EXECUTABLE)
      .setHeadless(true)
      .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run")));
    return new Chromium(playwright, browser);
  }

  public Browser browser() {
    return browser;
  }

  /** A fresh browser profile (own cookies) whose language is Swedish, like most residents'. */
  public com.microsoft.playwright.BrowserContext swedishContext() {
    return browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE"));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
