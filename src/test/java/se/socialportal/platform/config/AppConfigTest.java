package se.socialportal.platform.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Configuration: defaults, modes and one-line errors naming the key")
class AppConfigTest {

  private static AppConfig config(Object... keyValues) {
    JsonObject json = ConfigLoader.defaults();
    for (int i = 0; i < keyValues.length; i += 2) {
      json.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new AppConfig(json);
  }

  @Test
  @DisplayName("the defaults file has exactly one entry per Setting")
  void defaultsCoverEverySetting() {
    Set<String> expected = new HashSet<>();
    for (Setting setting : Setting.values()) {
      expected.add(setting.name());
    }
    assertEquals(expected, ConfigLoader.defaults().fieldNames());
  }

  @Test
  @DisplayName("auto mode is demo without a database and production with one")
  void autoMode() {
    assertEquals(AppConfig.Mode.DEMO, config().mode());
    assertEquals(AppConfig.Mode.PRODUCTION, config("DATABASE_URL", "postgresql://u:p@db/x").mode());
    assertEquals(AppConfig.Mode.PRODUCTION, config("PGHOST", "db").mode());
    assertEquals(AppConfig.Mode.DEMO, config("MODE", "demo", "PGHOST", "db").mode());
  }

  @Test
  @DisplayName("a malformed value names its key and what is wrong")
  void malformedValuesNameTheKey() {
    ConfigException port = assertThrows(ConfigException.class, () -> config("HTTP_PORT", "eighty").port(Setting.HTTP_PORT));
    assertEquals("HTTP_PORT: must be a whole number, got 'eighty'", port.getMessage());
    ConfigException range = assertThrows(ConfigException.class, () -> config("HTTP_PORT", "70000").port(Setting.HTTP_PORT));
    assertEquals("HTTP_PORT: must be between 0 and 65535, got 70000", range.getMessage());
    ConfigException mode = assertThrows(ConfigException.class, () -> config("MODE", "staging").mode());
    assertEquals("MODE", mode.key());
    ConfigException proxies = assertThrows(ConfigException.class,
      () -> config("TRUSTED_PROXIES", "10.0.0.1, proxy.example").ipAddresses(Setting.TRUSTED_PROXIES));
    assertTrue(proxies.getMessage().startsWith("TRUSTED_PROXIES: "), proxies.getMessage());
    ConfigException file = assertThrows(ConfigException.class,
      () -> config("TLS_CERT", "/nonexistent/cert.pem").readableFile(Setting.TLS_CERT));
    assertTrue(file.getMessage().contains("/nonexistent/cert.pem"), file.getMessage());
    ConfigException bool = assertThrows(ConfigException.class, () -> config("DEMO_DATA", "maybe").bool(Setting.DEMO_DATA));
    assertEquals("DEMO_DATA: must be true or false, got 'maybe'", bool.getMessage());
  }

  @Test
  @DisplayName("a required value that is missing says what it is for")
  void requiredValue() {
    ConfigException missing = assertThrows(ConfigException.class, () -> config().required(Setting.PGHOST));
    assertTrue(missing.getMessage().startsWith("PGHOST: is required but not set"), missing.getMessage());
  }

  @Test
  @DisplayName("lists and IP addresses are parsed and trimmed")
  void lists() {
    AppConfig config = config("TRUSTED_PROXIES", " 10.0.0.1 ,::1,", "BANKID_CERTIFICATE_POLICIES", "1.2.3.4.5, 1.2.3.4.25");
    assertEquals(2, config.ipAddresses(Setting.TRUSTED_PROXIES).size());
    assertEquals(java.util.List.of("1.2.3.4.5", "1.2.3.4.25"), config.list(Setting.BANKID_CERTIFICATE_POLICIES));
  }
}
