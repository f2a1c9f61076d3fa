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
import java.util.function.Consumer;

/**
 * Typed, validated view of the merged configuration (defaults file + environment). Every getter either returns a
 * usable value or throws {@link ConfigException} naming the key. A {@link #collecting} view instead hands each problem
 * to a collector and carries on with a harmless stand-in, so startup can check everything and name every problem at
 * once.
 */
public final class AppConfig {

  public enum Mode { DEMO, PRODUCTION }

  private final JsonObject values;
  private final Consumer<ConfigException> problems;

  public AppConfig(JsonObject values) {
    this(values, null);
  }

  private AppConfig(JsonObject values, Consumer<ConfigException> problems) {
    this.values = values.copy();
    this.problems = problems;
  }

  /** The same values; a getter that finds a problem tells {@code collector} and returns a stand-in value. */
  public AppConfig collecting(Consumer<ConfigException> collector) {
    return new AppConfig(values, collector);
  }

  /**
   * A problem a check found itself (a combination of values, a value required in production): thrown, or when
   * collecting reported, after which the check carries on.
   */
  public void refuse(Setting setting, String problem) {
    problem(new ConfigException(setting.name(), problem), null);
  }

  /** Throws the problem, or (collecting) reports it and goes on with {@code standIn}. */
  private <T> T problem(ConfigException problem, T standIn) {
    if (problems == null) {
      throw problem;
    }
    problems.accept(problem);
    return standIn;
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
        return problem(new ConfigException(Setting.MODE.name(), "must be demo, production or auto, got '" + mode + "'"),
          Mode.PRODUCTION);
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
      return problem(new ConfigException(setting.name(), "is required but not set (" + setting.description() + ")"),
        "unset");
    }
    return value;
  }

  public int integer(Setting setting, int min, int max) {
    String value = string(setting);
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return problem(new ConfigException(setting.name(), "must be a whole number, got '" + value + "'"), min);
    }
    if (parsed < min || parsed > max) {
      return problem(new ConfigException(setting.name(), "must be between " + min + " and " + max + ", got " + parsed),
        min);
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
        return problem(new ConfigException(setting.name(), "must be true or false, got '" + value + "'"), false);
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
      return problem(new ConfigException(setting.name(), "file '" + value.get() + "' does not exist or cannot be read"),
        Optional.empty());
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
        return problem(new ConfigException(setting.name(), "must be an absolute http(s) URL, got '" + value.get() + "'"),
          Optional.empty());
      }
      return Optional.of(uri);
    } catch (java.net.URISyntaxException e) {
      return problem(new ConfigException(setting.name(), "is not a valid URL: '" + value.get() + "'"), Optional.empty());
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
        return problem(new ConfigException(setting.name(), "must list IP addresses, got '" + candidate + "'"), List.of());
      }
      try {
        result.add(InetAddress.getByName(candidate));
      } catch (UnknownHostException e) {
        return problem(new ConfigException(setting.name(), "'" + candidate + "' is not an IP address"), List.of());
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
    return new AppConfig(copy, problems);
  }
}
