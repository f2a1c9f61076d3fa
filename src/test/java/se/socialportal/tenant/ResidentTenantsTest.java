package se.socialportal.tenant;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A municipality residents can reach must have its tenant row before the server takes a request. */
@DisplayName("Startup refuses a reachable municipality without a tenant file")
class ResidentTenantsTest {

  /** robots/ as shipped, without one tenant's tenant file (its rules stay, so RuleBook still knows the tenant). */
  private static Path robotsWithout(Path robots, String tenantFile) throws IOException {
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
    Files.delete(robots.resolve(tenantFile));
    return robots;
  }

  @Test
  @DisplayName("DEFAULT_TENANT with rules but no tenant file stops startup naming the setting and the file to add")
  void defaultTenant(@TempDir Path robots) throws IOException {
    robotsWithout(robots, "tenants/demo/tenant-2025.json");
    IllegalStateException failure = assertThrows(IllegalStateException.class,
      () -> TestApp.start("notenantdefault", new JsonObject().put("ROBOTS_DIR", robots.toString())
        .put("DEMO_DATA", "false")));
    assertTrue(failure.getMessage().contains("DEFAULT_TENANT: tenant 'demo' is not in the tenant table: add "
      + "robots/tenants/demo/tenant-<year>.json"), failure.getMessage());
  }

  @Test
  @DisplayName("a TENANT_HOSTS tenant without a tenant file stops startup too")
  void hostTenant(@TempDir Path robots) throws IOException {
    robotsWithout(robots, "tenants/grannkommun/tenant-2025.json");
    IllegalStateException failure = assertThrows(IllegalStateException.class,
      () -> TestApp.start("notenanthost", new JsonObject().put("ROBOTS_DIR", robots.toString())
        .put("DEMO_DATA", "false").put("TENANT_HOSTS", "e-tjanster.grannkommun.example=grannkommun")));
    assertTrue(failure.getMessage().contains("TENANT_HOSTS: tenant 'grannkommun' is not in the tenant table"),
      failure.getMessage());
  }
}
