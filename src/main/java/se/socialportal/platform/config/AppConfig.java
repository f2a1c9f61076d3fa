package se.socialportal.platform.config;

import io.vertx.core.json.JsonObject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed, validated view of the merged configuration (defaults file + environment). Every getter either returns a
 * usable value or throws {@link ConfigException} naming the key, so a bad deployment stops at startup with one line.
 */
public final class AppConfig {

  public enum Mode { DEMO, PRODUCTION }

  private final JsonObject values;

  public AppConfig(JsonObject values) {
    this.values = values.copy();
  }

  public JsonObject raw() {
    return values.copy();
  }

  /** Demo unless a database is configured, or whatever MODE says explicitly. */
  public Mode mode() {
    String mode = string(Setting.MODE).toLowerCase(Locale.ROOT);
    switch (mode) {
      case "demo":
        return Mode.DEMO;
      case "production":
        return Mode.PRODUCTION;
      case "auto":
        return databaseConfigured() ? Mode.PRODUCTION : Mode.DEMO;
      default:
        throw new ConfigException(Setting.MODE.name(), "must be demo, production or auto, got '" + mode + "'");
    }
  }

  public boolean isDemo() {
    return mode() == Mode.DEMO;
  }

  public boolean databaseConfigured() {
    return !string(Setting.DATABASE_URL).isEmpty() || !string(Setting.PGHOST).isEmpty();
  }

  public String string(Setting setting) {
    Object value = values.getValue(setting.name());
    return value == null ? "" : String.valueOf(value).trim();
  }

  public Optional<String> optional(Setting setting) {
    String value = string(setting);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public String required(Setting setting) {
    String value = string(setting);
    if (value.isEmpty()) {
      throw new ConfigException(setting.name(), "is required but not set (" + setting.description() + ")");
    }
    return value;
  }

  public int integer(Setting setting, int min, int max) {
    String value = string(setting);
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(setting.name(), "must be a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(setting.name(), "must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  public int port(Setting setting) {
    return integer(setting, 0, 65535);
  }

  public boolean bool(Setting setting) {
    String value = string(setting).toLowerCase(Locale.ROOT);
    switch (value) {
      case "true": case "yes": case "1": case "on":
        return true;
      case "false": case "no": case "0": case "off":
        return false;
      default:
        throw new ConfigException(setting.name(), "must be true or false, got '" + value + "'");
    }
  }

  public Duration minutes(Setting setting, int min, int max) {
    return Duration.ofMinutes(integer(setting, min, max));
  }

  public Duration hours(Setting setting, int min, int max) {
    return Duration.ofHours(integer(setting, min, max));
  }

  /** A file that must exist and be readable, or empty when the setting is blank. */
  public Optional<Path> readableFile(Setting setting) {
    Optional<String> value = optional(setting);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(value.get());
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new ConfigException(setting.name(), "file '" + value.get() + "' does not exist or cannot be read");
    }
    return Optional.of(path);
  }

  /** An absolute http(s) URL without a trailing slash, or empty when the setting is blank. */
  public Optional<URI> url(Setting setting) {
    Optional<String> value = optional(setting);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get().replaceAll("/+$", ""));
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new ConfigException(setting.name(), "must be an absolute http(s) URL, got '" + value.get() + "'");
      }
      return Optional.of(uri);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(setting.name(), "is not a valid URL: '" + value.get() + "'");
    }
  }

  /** Comma-separated list of IP literals (no host names: a proxy list must not depend on DNS). */
  public List<InetAddress> ipAddresses(Setting setting) {
    List<InetAddress> result = new ArrayList<>();
    for (String part : string(setting).split(",")) {
      String candidate = part.trim();
      if (candidate.isEmpty()) {
        continue;
      }
      if (!candidate.matches("[0-9a-fA-F:.]+")) {
        throw new ConfigException(setting.name(), "must list IP addresses, got '" + candidate + "'");
      }
      try {
        result.add(InetAddress.getByName(candidate));
      } catch (UnknownHostException e) {
        throw new ConfigException(setting.name(), "'" + candidate + "' is not an IP address");
      }
    }
    return List.copyOf(result);
  }

  public List<String> list(Setting setting) {
    List<String> result = new ArrayList<>();
    for (String part : string(setting).split(",")) {
      if (!part.isBlank()) {
        result.add(part.trim());
      }
    }
    return List.copyOf(result);
  }

  /** A copy with some values replaced; used by tests and by demo mode to point at the embedded services. */
  public AppConfig with(Setting setting, Object value) {
    JsonObject copy = values.copy();
    copy.put(setting.name(), value);
    return new AppConfig(copy);
  }
}
