package se.socialportal.platform.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestDatabase;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way a municipality upgrades: a database created by the previous release's migrations, with data in it, is
 * migrated to this release's schema, and nothing is lost — every row of every table still reads the same in the
 * columns it had.
 */
@DisplayName("Upgrading a populated database from the previous release's schema loses nothing")
class MigrationUpgradeTest {

  /** The previous release's schema: V1-V90 (familjerätt's V120 and everything after it came later). */
  private static final String PREVIOUS_RELEASE = "90";

  @Test
  @DisplayName("the previous release's database with cases, decisions and the access log, migrated to head: every row kept")
  void upgradeKeepsEveryRow() throws Exception {
    DatabaseSettings settings = TestDatabase.empty("upgrade");
    Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
      .locations("classpath:db/migration").outOfOrder(true).cleanDisabled(true)
      .target(MigrationVersion.fromVersion(PREVIOUS_RELEASE)).load().migrate();
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         Statement statement = connection.createStatement()) {
      assertEquals(0, count(statement, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'fr_booking'"),
        "the fixture is the schema before familjerätt");
      try (InputStream fixture = MigrationUpgradeTest.class.getResourceAsStream("/db/upgrade/previous-release-fixture.sql")) {
        statement.execute(new String(fixture.readAllBytes(), StandardCharsets.UTF_8));
      }
      Map<String, List<String>> columns = columns(statement);
      Map<String, String> before = contents(statement, columns);
      assertTrue(before.values().stream().filter(rows -> !rows.isEmpty()).count() >= 7, before.keySet().toString());

      Migrations.migrate(settings);

      assertEquals(1, count(statement, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'fr_booking'"),
        "migrated to this release");
      assertEquals(before, contents(statement, columns), "every row of the previous release, column by column");
      assertEquals(0, count(statement, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
    }
  }

  /** Every table of ours and its columns, as the previous release has them. */
  private static Map<String, List<String>> columns(Statement statement) throws Exception {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
      + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' "
      + "AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') "
      + "ORDER BY table_name, ordinal_position")) {
      while (rows.next()) {
        columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return columns;
  }

  /** Each table's rows in those columns, as text, in a stable order. */
  private static Map<String, String> contents(Statement statement, Map<String, List<String>> columns) throws Exception {
    Map<String, String> contents = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> table : columns.entrySet()) {
      String row = "ROW(" + String.join(", ", table.getValue().stream().map(column -> "\"" + column + "\"").toList())
        + ")::text";
      try (ResultSet rows = statement.executeQuery("SELECT coalesce(string_agg(" + row + ", E'\\n' ORDER BY " + row
        + "), '') FROM \"" + table.getKey() + "\"")) {
        rows.next();
        contents.put(table.getKey(), rows.getString(1));
      }
    }
    return contents;
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
