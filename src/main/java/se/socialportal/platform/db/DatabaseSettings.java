package se.socialportal.platform.db;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** Where the database is, parsed once from DATABASE_URL or the PG* variables, for both the reactive pool and Flyway. */
public record DatabaseSettings(String host, int port, String database, String user, String password, String sslMode) {

  public DatabaseSettings {
    if (!(sslMode.equals("disable") || sslMode.equals("require") || sslMode.equals("verify-full"))) {
      throw new ConfigException(Setting.PGSSLMODE.name(), "must be disable, require or verify-full, got '" + sslMode + "'");
    }
  }

  public static DatabaseSettings from(AppConfig config) {
    String url = config.string(Setting.DATABASE_URL);
    if (!url.isEmpty()) {
      return fromUrl(url);
    }
    if (config.string(Setting.PGHOST).isEmpty()) {
      // Production without a database: name the usual way first, not one of the PG* variables.
      config.refuse(Setting.DATABASE_URL, "is required in production: postgresql://user:password@host:port/database "
        + "(or set PGHOST and the other PG* variables)");
      return new DatabaseSettings("unset", 5432, "unset", "unset", "", "disable");
    }
    return new DatabaseSettings(
      config.required(Setting.PGHOST),
      config.integer(Setting.PGPORT, 1, 65535),
      config.required(Setting.PGDATABASE),
      config.required(Setting.PGUSER),
      config.string(Setting.PGPASSWORD),
      config.string(Setting.PGSSLMODE).toLowerCase(Locale.ROOT));
  }

  /** Accepts postgresql://, postgres:// and jdbc:postgresql:// forms; the error never echoes the password. */
  static DatabaseSettings fromUrl(String url) {
    String key = Setting.DATABASE_URL.name();
    String withoutJdbc = url.startsWith("jdbc:") ? url.substring(5) : url;
    URI uri;
    try {
      uri = new URI(withoutJdbc);
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "is not a valid URL (expected postgresql://user:password@host:port/database)");
    }
    if (!("postgresql".equals(uri.getScheme()) || "postgres".equals(uri.getScheme()))) {
      throw new ConfigException(key, "must start with postgresql://");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(key, "has no host (expected postgresql://user:password@host:port/database)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty()) {
      throw new ConfigException(key, "has no database name (expected postgresql://user:password@host:port/database)");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String sslMode = "disable";
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && kv[0].equals("sslmode")) {
          sslMode = kv[1].toLowerCase(Locale.ROOT);
        }
      }
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new DatabaseSettings(uri.getHost(), port, path, user, password, sslMode);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  public PgConnectOptions connectOptions() {
    PgConnectOptions options = new PgConnectOptions()
      .setHost(host).setPort(port).setDatabase(database).setUser(user).setPassword(password)
      .setPipeliningLimit(16)
      .setCachePreparedStatements(true)
      // The client caches only statements shorter than this (default 2 048 characters). The robot's case read and
      // claim are longer: uncached, PostgreSQL parsed and planned them on every call, the largest single cost in the
      // robot bench (pg_stat_statements: plans = calls).
      .setPreparedStatementCacheSqlLimit(16_384);
    switch (sslMode) {
      case "require":
        options.setSslMode(SslMode.REQUIRE);
        options.getSslOptions().setTrustAll(true).setHostnameVerificationAlgorithm("");
        break;
      case "verify-full":
        options.setSslMode(SslMode.VERIFY_FULL);
        break;
      default:
        options.setSslMode(SslMode.DISABLE);
    }
    return options;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public Properties jdbcProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("sslmode", sslMode);
    return properties;
  }

  public DatabaseSettings withDatabase(String otherDatabase) {
    return new DatabaseSettings(host, port, otherDatabase, user, password, sslMode);
  }

  /** Never print the password. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }
}
