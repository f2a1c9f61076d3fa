package se.socialportal.casework.delegation;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RuleBookException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Delegation and motivering files are validated with robots/: a malformed file is named with the place and problem")
class DelegationRulesTest {

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

  private static void edit(Path file, Consumer<JsonObject> change) throws IOException {
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    change.accept(json);
    Files.writeString(file, json.encodePrettily(), StandardCharsets.UTF_8);
  }

  private static String refused(Path robots) {
    RuleBookException failure = assertThrows(RuleBookException.class, () -> RuleBook.load(robots));
    return failure.problems().toString();
  }

  @Test
  @DisplayName("the shipped files load: demo and grannkommun matrices, and the motivering templates")
  void shippedFilesLoad() {
    CaseworkRules rules = new CaseworkRules(CurrentRuleBook.of(RuleBook.load(Path.of("robots"))));
    LocalDate day = LocalDate.of(2026, 3, 1);
    assertEquals(12, rules.matrix("demo", day).orElseThrow().rows().size());
    assertTrue(rules.matrix("grannkommun", day).isPresent());
    assertTrue(rules.template("avslag_normoverskott", day).isPresent());
    assertEquals("motivering-2025.1", rules.templatesVersion(day));
  }

  @Test
  @DisplayName("a schema violation names the file and the JSON pointer")
  void schemaViolation() throws IOException {
    Path robots = copy();
    edit(robots.resolve("tenants/demo/delegation-2024.json"),
      json -> json.getJsonArray("rows").getJsonObject(1).put("maxKronor", "tiotusen"));
    String problems = refused(robots);
    assertTrue(problems.contains("tenants/demo/delegation-2024.json at /rows/1/maxKronor"), problems);
  }

  @Test
  @DisplayName("a delegate that is not a declared level is refused")
  void unknownLevel() throws IOException {
    Path robots = copy();
    edit(robots.resolve("tenants/demo/delegation-2024.json"),
      json -> json.getJsonArray("rows").getJsonObject(2).put("delegate", "avdelningschef"));
    String problems = refused(robots);
    assertTrue(problems.contains("at /rows/2/delegate: 'avdelningschef' is not one of the levels"), problems);
  }

  @Test
  @DisplayName("bands of a decision type must ascend, and nothing may follow an unlimited band")
  void bandsAscend() throws IOException {
    Path robots = copy();
    edit(robots.resolve("tenants/demo/delegation-2024.json"), json -> {
      json.getJsonArray("rows").getJsonObject(2).put("maxKronor", 5000);
      json.getJsonArray("rows").add(json.getJsonArray("rows").getJsonObject(6).copy().put("id", "extra"));
    });
    String problems = refused(robots);
    assertTrue(problems.contains("at /rows/2/maxKronor: bands of livsforing_ovrigt must ascend"), problems);
    assertTrue(problems.contains("at /rows/12: a skulder row after the band without upper limit can never apply"), problems);
  }

  @Test
  @DisplayName("two matrices of a tenant may not cover the same month")
  void overlappingVersions() throws IOException {
    Path robots = copy();
    Path second = robots.resolve("tenants/demo/delegation-2026.json");
    Files.copy(robots.resolve("tenants/demo/delegation-2024.json"), second);
    edit(second, json -> json.put("version", "demo-delegation-2026.1").put("effectiveFrom", "2026-01-01"));
    String problems = refused(robots);
    assertTrue(problems.contains("tenants/demo/delegation-2026.json at /effectiveFrom"), problems);
  }

  @Test
  @DisplayName("duplicate template ids and a template without legal basis are refused")
  void templates() throws IOException {
    Path robots = copy();
    edit(robots.resolve("motivering-templates.json"), json -> {
      json.getJsonArray("templates").getJsonObject(1).put("id", "bifall_riksnorm");
      json.getJsonArray("templates").getJsonObject(2).remove("legalBasis");
    });
    String problems = refused(robots);
    assertTrue(problems.contains("motivering-templates.json at /templates/1/id: 'bifall_riksnorm' is used twice")
      || problems.contains("motivering-templates.json at /templates/2/legalBasis"), problems);
  }
}
