package se.socialportal.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.db.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 16 per test JVM (zonky, started on first use), and a fresh, migrated database for every caller
 * of {@link #fresh(String)} — usually once per test class — so test classes never see each other's rows.
 */
public final class TestDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {
  }

  public static synchronized DatabaseSettings server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "300")
          .start();
      } catch (IOException e) {
        throw new UncheckedIOException("The embedded PostgreSQL for tests could not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // The JVM is ending.
        }
      }));
    }
    return new DatabaseSettings("localhost", server.getPort(), "postgres", "postgres", "postgres", "disable");
  }

  /** A new empty database with every migration applied. */
  public static DatabaseSettings fresh(String hint) {
    DatabaseSettings admin = server();
    String name = ("t" + COUNTER.incrementAndGet() + "_" + hint.replaceAll("[^A-Za-z0-9]", "")).toLowerCase(Locale.ROOT);
    if (name.length() > 60) {
      name = name.substring(0, 60);
    }
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    DatabaseSettings settings = admin.withDatabase(name);
    Migrations.migrate(settings);
    return settings;
  }

  /** A new empty database without migrations, for tests of the migrations themselves. */
  public static DatabaseSettings empty(String hint) {
    DatabaseSettings admin = server();
    String name = ("e" + COUNTER.incrementAndGet() + "_" + hint.replaceAll("[^A-Za-z0-9]", "")).toLowerCase(Locale.ROOT);
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return admin.withDatabase(name);
  }
}
