package se.socialportal.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.db.Migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Demo mode's embedded PostgreSQL keeps its data between runs, and --fresh starts clean")
class EmbeddedDatabaseTest {

  @Test
  @DisplayName("a restart keeps what was entered; fresh removes it")
  void keepsDataUnlessFresh(@TempDir Path dataDirectory) throws Exception {
    Path directory = dataDirectory.resolve("postgres");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, false)) {
      Migrations.migrate(first.settings());
      execute(first.settings(), "INSERT INTO tenant (id, name) VALUES ('kept', 'Kvarhållen kommun')");
    }
    try (EmbeddedDatabase second = EmbeddedDatabase.start(directory, false)) {
      assertEquals(1, count(second.settings(), "SELECT count(*) FROM tenant WHERE id = 'kept'"));
    }
    try (EmbeddedDatabase third = EmbeddedDatabase.start(directory, true)) {
      Migrations.migrate(third.settings());
      assertEquals(0, count(third.settings(), "SELECT count(*) FROM tenant WHERE id = 'kept'"));
    }
  }

  private static void execute(DatabaseSettings settings, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(DatabaseSettings settings, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
