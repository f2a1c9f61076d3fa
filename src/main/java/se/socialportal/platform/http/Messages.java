package se.socialportal.platform.http;

import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Texts for people, from i18n/messages_{sv,en,ar}.properties (UTF-8). Swedish is the default and the fallback;
 * a key missing in every bundle falls back to the key itself so a gap is visible, and {@code MessagesTest} keeps
 * the bundles complete. Swedish and English are complete ({@link #LANGUAGES}); Arabic covers what the server writes
 * on the resident's pages that offer Arabic (the calculation's lines, provräkning, BankID's status texts), and any
 * other text falls back to Swedish, as the pages themselves do.
 */
public final class Messages {

  private static final ThreadLocal<java.util.Map<String, MessageFormat>> FORMATS =
    ThreadLocal.withInitial(java.util.HashMap::new);

  public static final List<String> LANGUAGES = List.of("sv", "en");
  /** Every language the server answers in: the complete ones and those that cover the resident's pages. */
  public static final List<String> SPOKEN = List.of("sv", "en", "ar");
  private static final Map<String, Properties> BUNDLES = Map.of("sv", load("sv"), "en", load("en"), "ar", load("ar"));
  // Numbers in Latin digits, as the pages write them (webroot/i18n/languages.json: ar-u-nu-latn).
  private static final Map<String, Locale> LOCALES = Map.of("ar", Locale.forLanguageTag("ar-u-nu-latn"));

  private Messages() {
  }

  public static String text(String language, String key, Object... args) {
    Properties bundle = BUNDLES.getOrDefault(language, BUNDLES.get("sv"));
    String pattern = bundle.getProperty(key, BUNDLES.get("sv").getProperty(key));
    if (pattern == null) {
      return key;
    }
    if (args.length == 0) {
      return pattern;
    }
    // Parsing a pattern costs more than formatting it (the robot formats thousands of lines a second); a
    // MessageFormat is not thread-safe, so each thread keeps its own parsed patterns.
    return FORMATS.get().computeIfAbsent(language + '\u0000' + pattern,
      k -> new MessageFormat(pattern, locale(language))).format(args);
  }

  /** The text for key in exactly this language, if its bundle has one (no Swedish standing in). */
  public static Optional<String> own(String language, String key, Object... args) {
    Properties bundle = BUNDLES.get(language);
    return bundle != null && bundle.containsKey(key) ? Optional.of(text(language, key, args))
      : Optional.empty();
  }

  /** The locale numbers are written in for a language. */
  public static Locale locale(String language) {
    return LOCALES.getOrDefault(language, Locale.forLanguageTag(language));
  }

  /**
   * Reads the bundles (they load with the class). The server calls this on a worker at startup, so no event loop ever
   * waits for the classpath.
   */
  public static int load() {
    return BUNDLES.size();
  }

  public static boolean has(String key) {
    return BUNDLES.get("sv").containsKey(key);
  }

  public static Properties bundle(String language) {
    Properties copy = new Properties();
    copy.putAll(BUNDLES.get(language));
    return copy;
  }

  /**
   * The language to answer in: an explicit {@code lang} cookie (the page's language switcher), else the first
   * spoken language in Accept-Language, else Swedish.
   */
  public static String language(RoutingContext ctx) {
    var cookie = ctx.request().getCookie("lang");
    if (cookie != null && SPOKEN.contains(cookie.getValue())) {
      return cookie.getValue();
    }
    return language(ctx.request().getHeader("Accept-Language"));
  }

  /** The first spoken language in an Accept-Language header, else Swedish. */
  public static String language(String header) {
    if (header != null) {
      for (String part : header.split(",")) {
        String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        if (SPOKEN.contains(primary)) {
          return primary;
        }
      }
    }
    return "sv";
  }

  private static Properties load(String language) {
    String resource = "/i18n/messages_" + language + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
