package se.socialportal.casework.delegation;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Casework's robots/ files are validated at load: a malformed file is named with the path and the problem")
class DelegationFilesTest {

  @TempDir
  Path temp;

  /** A copy of the real robots/ folder that a test may break. */
  private Path copy() throws IOException {
    Path source = Path.of("robots");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path target = temp.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return temp;
  }

  private static void edit(Path file, java.util.function.Consumer<JsonObject> change) throws IOException {
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    change.accept(json);
    Files.writeString(file, json.encodePrettily(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the shipped files load: demo and grannkommun matrices, and the motivering templates")
  void shippedFilesLoad() {
    CaseworkRules rules = DelegationFiles.load(RobotsRoot.directory(Path.of("robots")));
    assertEquals(12, rules.delegation().get("demo").get(0).rows().size());
    assertTrue(rules.delegation().containsKey("grannkommun"));
    assertTrue(rules.template("avslag_normoverskott").isPresent());
  }

  @Test
  @DisplayName("a schema violation names the file and the JSON pointer")
  void schemaViolation() throws IOException {
    Path robots = copy();
    edit(robots.resolve("tenants/demo/delegation-2024.json"),
      json -> json.getJsonArray("rows").getJsonObject(1).put("maxKronor", "tiotusen"));
    CaseworkRulesException failure = assertThrows(CaseworkRulesException.class,
      () -> DelegationFiles.load(RobotsRoot.directory(robots)));
    assertTrue(failure.getMessage().contains("robots/tenants/demo/delegation-2024.json /rows/1/maxKronor"),
      failure.getMessage());
  }

  @Test
  @DisplayName("a delegate that is not a declared level is refused")
  void unknownLevel() throws IOException {
    Path robots = copy();
    edit(robots.resolve("tenants/demo/delegation-2024.json"),
      json -> json.getJsonArray("rows").getJsonObject(2).put("delegate", "avdelningschef"));
    CaseworkRulesException failure = assertThrows(CaseworkRulesException.class,
      () -> DelegationFiles.load(RobotsRoot.directory(robots)));
    assertTrue(failure.getMessage().contains("/rows/2/delegate: 'avdelningschef' is not one of the levels"),
      failure.getMessage());
  }

  @Test
  @DisplayName("bands of a decision type must ascend")
  void bandsAscend() throws IOException {
    Path robots = copy();
    edit(robots.resolve("tenants/demo/delegation-2024.json"),
      json -> json.getJsonArray("rows").getJsonObject(2).put("maxKronor", 5000));
    CaseworkRulesException failure = assertThrows(CaseworkRulesException.class,
      () -> DelegationFiles.load(RobotsRoot.directory(robots)));
    assertTrue(failure.getMessage().contains("/rows/2/maxKronor: bands of livsforing_ovrigt must ascend"),
      failure.getMessage());
  }

  @Test
  @DisplayName("two matrices of a tenant may not cover the same day")
  void overlappingVersions() throws IOException {
    Path robots = copy();
    Path second = robots.resolve("tenants/demo/delegation-2026.json");
    Files.copy(robots.resolve("tenants/demo/delegation-2024.json"), second);
    edit(second, json -> json.put("version", "demo-delegation-2026.1").put("effectiveFrom", "2026-01-01"));
    CaseworkRulesException failure = assertThrows(CaseworkRulesException.class,
      () -> DelegationFiles.load(RobotsRoot.directory(robots)));
    assertTrue(failure.getMessage().contains("must end (effectiveTo) before demo-delegation-2026.1"), failure.getMessage());
  }

  @Test
  @DisplayName("invalid JSON and a missing templates file are reported")
  void brokenJsonAndMissingTemplates() throws IOException {
    Path robots = copy();
    Files.writeString(robots.resolve("tenants/grannkommun/delegation-2024.json"), "{ not json");
    Files.delete(robots.resolve("motivering-templates.json"));
    CaseworkRulesException failure = assertThrows(CaseworkRulesException.class,
      () -> DelegationFiles.load(RobotsRoot.directory(robots)));
    assertTrue(failure.getMessage().contains("robots/tenants/grannkommun/delegation-2024.json: not valid JSON"),
      failure.getMessage());
    assertTrue(failure.getMessage().contains("robots/motivering-templates.json: is missing"), failure.getMessage());
  }
}
