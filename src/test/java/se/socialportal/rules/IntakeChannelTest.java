package se.socialportal.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The intake channels the rules know are the ones the database lets an application have")
class IntakeChannelTest {

  @Test
  @DisplayName("IntakeChannel and the CHECK on application.channel list the same channels")
  void sameAsTheDatabase() throws Exception {
    DatabaseSettings database = TestDatabase.fresh("intakechannel");
    String definition;
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.jdbcProperties());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c "
           + "WHERE c.conrelid = 'application'::regclass AND c.contype = 'c' "
           + "AND pg_get_constraintdef(c.oid) LIKE '%channel = ANY%'")) {
      rows.next();
      definition = rows.getString(1);
    }
    Set<String> inDatabase = new TreeSet<>();
    Matcher quoted = Pattern.compile("'([a-z]+)'::text").matcher(definition);
    while (quoted.find()) {
      inDatabase.add(quoted.group(1));
    }
    assertEquals(new TreeSet<>(IntakeChannel.codes()), inDatabase, definition);
  }
}
