package se.socialportal.rules;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.testing.TestApp;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server does not start on rules it cannot trust, and says why in one line. */
@DisplayName("Startup refuses bad rules")
class RulesStartupTest {

  @Test
  @DisplayName("a malformed robots/ file stops startup naming the file and the place")
  void malformedFile(@TempDir Path robots) throws Exception {
    try (var files = Files.walk(Path.of("robots"))) {
      for (Path file : files.toList()) {
        Path target = robots.resolve(Path.of("robots").relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path stickprov = robots.resolve("tenants/demo/stickprov-2025.json");
    Files.writeString(stickprov, Files.readString(stickprov).replace("\"percent\": 5", "\"percent\": \"fem\""));
    IllegalStateException failure = assertThrows(IllegalStateException.class,
      () -> TestApp.start("badrules", new JsonObject().put("ROBOTS_DIR", robots.toString())));
    assertTrue(failure.getMessage().contains("tenants/demo/stickprov-2025.json at /percent"), failure.getMessage());
  }

  @Test
  @DisplayName("DEFAULT_TENANT without rules stops startup naming the setting")
  void unknownDefaultTenant() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
      () -> TestApp.start("badtenant", new JsonObject().put("DEFAULT_TENANT", "atlantis")));
    assertTrue(failure.getMessage().contains("DEFAULT_TENANT: tenant 'atlantis' has no rules"), failure.getMessage());
  }

  @Test
  @DisplayName("ROBOTS_DIR that does not exist stops startup naming the setting")
  void missingDirectory() {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
      () -> TestApp.start("norobots", new JsonObject().put("ROBOTS_DIR", "/no/such/robots")));
    assertTrue(failure.getMessage().contains("ROBOTS_DIR: folder '/no/such/robots' does not exist"), failure.getMessage());
  }
}
