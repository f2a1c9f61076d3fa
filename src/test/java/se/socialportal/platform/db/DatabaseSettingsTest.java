package se.socialportal.platform.db;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.ConfigLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Database settings from DATABASE_URL or the PG* variables")
class DatabaseSettingsTest {

  private static AppConfig config(JsonObject values) {
    return new AppConfig(ConfigLoader.defaults().mergeIn(values));
  }

  @Test
  @DisplayName("DATABASE_URL with an encoded password, port and sslmode")
  void fullUrl() {
    DatabaseSettings settings = DatabaseSettings.from(config(new JsonObject()
      .put("DATABASE_URL", "postgresql://app:s%40cret@db.internal:6543/socialportal?sslmode=require")));
    assertEquals(new DatabaseSettings("db.internal", 6543, "socialportal", "app", "s@cret", "require"), settings);
    assertEquals("jdbc:postgresql://db.internal:6543/socialportal", settings.jdbcUrl());
    assertFalse(settings.toString().contains("s@cret"), "the password is never printed");
  }

  @Test
  @DisplayName("jdbc: and postgres: forms are accepted, the port defaults to 5432")
  void otherForms() {
    assertEquals(5432, DatabaseSettings.fromUrl("postgres://u:p@h/d").port());
    assertEquals("d", DatabaseSettings.fromUrl("jdbc:postgresql://u:p@h:5000/d").database());
  }

  @Test
  @DisplayName("the PG* variables when DATABASE_URL is empty")
  void pgVariables() {
    DatabaseSettings settings = DatabaseSettings.from(config(new JsonObject()
      .put("PGHOST", "pg").put("PGPORT", "5433").put("PGDATABASE", "sp").put("PGUSER", "u").put("PGPASSWORD", "p")));
    assertEquals(new DatabaseSettings("pg", 5433, "sp", "u", "p", "disable"), settings);
  }

  @Test
  @DisplayName("a broken URL names DATABASE_URL and never echoes the password")
  void brokenUrl() {
    ConfigException noDatabase = assertThrows(ConfigException.class,
      () -> DatabaseSettings.fromUrl("postgresql://u:topsecret@h:5432"));
    assertEquals("DATABASE_URL", noDatabase.key());
    assertFalse(noDatabase.getMessage().contains("topsecret"));
    ConfigException scheme = assertThrows(ConfigException.class, () -> DatabaseSettings.fromUrl("mysql://u:p@h/d"));
    assertTrue(scheme.getMessage().contains("postgresql://"));
    assertThrows(ConfigException.class, () -> DatabaseSettings.fromUrl("postgresql://u:p@h/d?sslmode=prefer"));
  }

  @Test
  @DisplayName("production without any database names DATABASE_URL, and PGHOST as the other way")
  void productionWithoutDatabase() {
    ConfigException missing = assertThrows(ConfigException.class,
      () -> DatabaseSettings.from(config(new JsonObject().put("MODE", "production"))));
    assertEquals("DATABASE_URL", missing.key());
    assertTrue(missing.getMessage().contains("PGHOST"), missing.getMessage());
  }
}
