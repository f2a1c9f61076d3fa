package se.socialportal.testing;

import se.socialportal.platform.db.DatabaseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a CHECK constraint of the migrated schema allows for a column ({@code column IN ('a', 'b')}), read from
 * pg_catalog, so a list in the code can be held equal to the database's.
 */
public final class CheckConstraints {

  private static final Pattern QUOTED = Pattern.compile("'([a-z_]+)'::text");

  private CheckConstraints() {
  }

  public static Set<String> allowedValues(String table, String column) {
    DatabaseSettings database = TestDatabase.fresh(table + "_" + column + "_check");
    String definition;
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.jdbcProperties());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
           + "WHERE c.conrelid = '" + table + "'::regclass AND c.contype = 'c' "
           + "AND pg_get_constraintdef(c.oid) LIKE '%" + column + " = ANY%'")) {
      if (!rows.next()) {
        throw new AssertionError("no CHECK on " + table + "." + column);
      }
      definition = rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Set<String> values = new TreeSet<>();
    Matcher quoted = QUOTED.matcher(definition);
    while (quoted.find()) {
      values.add(quoted.group(1));
    }
    return values;
  }
}
