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
import java.util.Properties;

/**
 * Texts for people, from i18n/messages_{sv,en}.properties (UTF-8). Swedish is the default and the fallback;
 * a key missing in every bundle falls back to the key itself so a gap is visible, and {@code MessagesTest} keeps
 * the bundles complete.
 */
public final class Messages {

  private static final ThreadLocal<java.util.Map<String, MessageFormat>> FORMATS =
    ThreadLocal.withInitial(java.util.HashMap::new);

  public static final List<String> LANGUAGES = List.of("sv", "en");
  private static final Map<String, Properties> BUNDLES = Map.of("sv", load("sv"), "en", load("en"));

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
      k -> new MessageFormat(pattern, Locale.forLanguageTag(language))).format(args);
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
   * supported language in Accept-Language, else Swedish.
   */
  public static String language(RoutingContext ctx) {
    var cookie = ctx.request().getCookie("lang");
    if (cookie != null && LANGUAGES.contains(cookie.getValue())) {
      return cookie.getValue();
    }
    return language(ctx.request().getHeader("Accept-Language"));
  }

  /** The first supported language in an Accept-Language header, else Swedish. */
  public static String language(String header) {
    if (header != null) {
      for (String part : header.split(",")) {
        String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        if (LANGUAGES.contains(primary)) {
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
