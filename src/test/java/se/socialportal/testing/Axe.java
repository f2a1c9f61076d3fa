package se.socialportal.testing;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core's accessibility rules (WCAG 2.1 A and AA) run in a page of a browser test: the script comes from the
 * axe-core WebJar on the test classpath and is put into the page, so nothing is fetched from outside. The page's
 * context must bypass the Content-Security-Policy ({@link #context}), which rightly refuses any inline script.
 */
public final class Axe {

  private static final String SCRIPT = read();

  private Axe() {
  }

  /** A Swedish browser context in which axe can be put into the pages. */
  public static com.microsoft.playwright.BrowserContext context(Chromium chromium) {
    return chromium.context(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("sv-SE").setBypassCSP(true));
  }

  /** Fails with every violation (rule, impact and the elements) when the page as it is now breaks a rule. */
  public static void assertClean(Page page) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
    Object result = page.evaluate("async () => { const r = await axe.run(document, { runOnly: { type: 'tag', "
      + "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }); return JSON.stringify(r.violations.map(v => "
      + "({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))); }");
    JsonArray violations = new JsonArray(String.valueOf(result));
    assertEquals(new JsonArray(), violations, "axe-core on " + page.url() + ": " + violations.encodePrettily());
  }

  private static String read() {
    try (InputStream in = Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe-core is not on the test classpath (org.webjars.npm:axe-core)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
