package se.socialportal.rules;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A malformed rule file stops startup with the file, the place inside it and what is wrong. Each test copies the real
 * robots/ into a temporary folder and breaks one thing.
 */
@DisplayName("robots/ files that must be refused")
class RuleBookValidationTest {

  @TempDir
  Path robots;

  private void copyRealRules() throws IOException {
    Path source = Path.of("robots");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = robots.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private void edit(String file, Consumer<JsonObject> change) throws IOException {
    Path path = robots.resolve(file);
    JsonObject json = new JsonObject(Files.readString(path, StandardCharsets.UTF_8));
    change.accept(json);
    write(file, json.encodePrettily());
  }

  private void write(String file, String content) {
    try {
      Files.createDirectories(robots.resolve(file).getParent());
      Files.writeString(robots.resolve(file), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads, expects refusal, and returns the problem about the file and pointer. */
  private RuleProblem refused(String file, String pointer, String words) {
    RuleBookException thrown = assertThrows(RuleBookException.class, () -> RuleBook.load(robots));
    assertFalse(thrown.getMessage().contains("\n"), "one line for Main to print");
    assertTrue(thrown.getMessage().startsWith("robots/ rules are invalid: "), thrown.getMessage());
    String all = thrown.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    RuleProblem problem = thrown.problems().stream()
      .filter(p -> p.file().endsWith(file) && p.pointer().equals(pointer))
      .findFirst().orElseThrow(() -> new AssertionError("no problem at " + file + " " + pointer + " in:\n" + all));
    assertTrue(problem.problem().contains(words), problem + " should say '" + words + "'");
    assertTrue(thrown.getMessage().contains(thrown.problems().get(0).toString()));
    return problem;
  }

  @Test
  @DisplayName("the untouched copy loads (so every refusal below is caused by its one change)")
  void untouchedCopyLoads() throws IOException {
    copyRealRules();
    assertEquals(java.util.Set.of("demo", "grannkommun"), RuleBook.load(robots).tenants());
  }

  @Test
  @DisplayName("missing field: riksnorm without personal.single")
  void missingField() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2025.json", json -> json.getJsonObject("personal").remove("single"));
    RuleProblem problem = refused("riksnorm/riksnorm-2025.json", "/personal/single", "required");
    assertTrue(problem.file().startsWith(robots.toString()), "names the real file: " + problem.file());
  }

  @Test
  @DisplayName("wrong type: a cap amount written as text")
  void wrongType() throws IOException {
    copyRealRules();
    edit("tenants/demo/caps-2025.json", json -> json.getJsonArray("caps").getJsonObject(0).getJsonArray("limits")
      .getJsonObject(1).put("amount", "7300 kr"));
    refused("tenants/demo/caps-2025.json", "/caps/0/limits/1/amount", "type");
  }

  @Test
  @DisplayName("unknown field: a typo is not silently ignored")
  void unknownField() throws IOException {
    copyRealRules();
    edit("prisbasbelopp/prisbasbelopp-2025.json", json -> json.put("ammount", 58800));
    refused("prisbasbelopp/prisbasbelopp-2025.json", "/ammount", "unknown field");
  }

  @Test
  @DisplayName("overlapping periods: two riksnorm files both in force in 2025")
  void overlappingPeriods() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2025.json", json -> { });
    JsonObject copy = new JsonObject(Files.readString(robots.resolve("riksnorm/riksnorm-2025.json")));
    write("riksnorm/riksnorm-2025-korrigerad.json", copy.put("version", "riksnorm-2025-b")
      .put("effectiveFrom", "2025-07-01").encodePrettily());
    refused("riksnorm/riksnorm-2025-korrigerad.json", "/effectiveFrom", "overlaps");
  }

  @Test
  @DisplayName("overlapping periods for the same tenant and kind: two caps files")
  void overlappingTenantPeriods() throws IOException {
    copyRealRules();
    JsonObject copy = new JsonObject(Files.readString(robots.resolve("tenants/demo/caps-2025.json")));
    write("tenants/demo/caps-2026.json", copy.put("version", "demo-caps-2026.1").put("effectiveFrom", "2026-01-01")
      .encodePrettily());
    refused("tenants/demo/caps-2026.json", "/effectiveFrom", "per tenant");
  }

  @Test
  @DisplayName("another tenant may have its own caps for the same months")
  void otherTenantDoesNotOverlap() throws IOException {
    copyRealRules();
    write("tenants/vimmerby/caps-2025.json", Files.readString(robots.resolve("tenants/demo/caps-2025.json"))
      .replace("demo-caps-2025.1", "vimmerby-caps-2025.1"));
    assertEquals(java.util.Set.of("demo", "grannkommun", "vimmerby"), RuleBook.load(robots).tenants());
  }

  @Test
  @DisplayName("non-contiguous age bands: 1–2 followed by 4–6 leaves 3 år without an amount")
  void nonContiguousBands() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2025.json", json -> json.getJsonObject("personal").getJsonArray("children").remove(2));
    refused("riksnorm/riksnorm-2025.json", "/personal/children/2/fromAge", "expected fromAge 3, got 4");
  }

  @Test
  @DisplayName("age bands that stop before 20")
  void bandsEndAt20() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2026.json", json -> json.getJsonObject("personal").getJsonArray("children").remove(7));
    refused("riksnorm/riksnorm-2026.json", "/personal/children", "must end at 20");
  }

  @Test
  @DisplayName("2026 totals wrong: a one-person common cost of 1 290 makes the single total 5 230, not the verified 5 220")
  void wrongTotals() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2026.json", json -> json.getJsonArray("common").getJsonObject(0).put("amount", 1290));
    refused("riksnorm/riksnorm-2026.json", "/totals/single", "5 230");
  }

  @Test
  @DisplayName("a without-lunch amount on a school-age band")
  void lunchOnSchoolAge() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2025.json", json -> json.getJsonObject("personal").getJsonArray("children")
      .getJsonObject(4).put("withoutLunch", 3500));
    refused("riksnorm/riksnorm-2025.json", "/personal/children/4/withoutLunch", "under 7");
  }

  @Test
  @DisplayName("a period that starts mid-month")
  void midMonth() throws IOException {
    copyRealRules();
    edit("tenants/demo/stickprov-2025.json", json -> json.put("effectiveFrom", "2025-01-15"));
    refused("tenants/demo/stickprov-2025.json", "/effectiveFrom", "first day of a month");
  }

  @Test
  @DisplayName("a stickprov that leaves a channel out (likabehandling: every channel is sampled alike)")
  void stickprovForEveryChannel() throws IOException {
    copyRealRules();
    edit("tenants/demo/stickprov-2025.json", json -> json.put("channels", new io.vertx.core.json.JsonArray()
      .add("digital")));
    refused("tenants/demo/stickprov-2025.json", "/channels", "leaves out paper, assisted");
  }

  @Test
  @DisplayName("a tenant file with a municipality code that is not four digits")
  void tenantDetails() throws IOException {
    copyRealRules();
    edit("tenants/demo/tenant-2025.json", json -> json.put("kommunkod", "99"));
    refused("tenants/demo/tenant-2025.json", "/kommunkod", "");
  }

  @Test
  @DisplayName("caps that give one household type two limits")
  void overlappingLimits() throws IOException {
    copyRealRules();
    edit("tenants/demo/caps-2025.json", json -> json.getJsonArray("caps").getJsonObject(0).getJsonArray("limits")
      .add(new JsonObject().put("adults", new JsonObject().put("min", 2).put("max", 2))
        .put("children", new JsonObject().put("min", 1)).put("amount", 9999)));
    refused("tenants/demo/caps-2025.json", "/caps/0/limits/5", "same household type");
  }

  @Test
  @DisplayName("the same version twice")
  void duplicateVersion() throws IOException {
    copyRealRules();
    edit("prisbasbelopp/prisbasbelopp-2026.json", json -> json.put("version", "prisbasbelopp-2025"));
    RuleBookException thrown = assertThrows(RuleBookException.class, () -> RuleBook.load(robots));
    assertTrue(thrown.problems().stream().anyMatch(p -> p.pointer().equals("/version")
      && p.problem().contains("also used by")), thrown.problems().toString());
  }

  @Test
  @DisplayName("a warning type without a rule")
  void missingWarning() throws IOException {
    copyRealRules();
    edit("warning-rules/warning-rules-2025.json", json -> json.getJsonArray("warnings").remove(10));
    refused("warning-rules/warning-rules-2025.json", "/warnings", "PROTECTED_IDENTITY");
  }

  @Test
  @DisplayName("an unknown warning type")
  void unknownWarning() throws IOException {
    copyRealRules();
    edit("warning-rules/warning-rules-2025.json", json -> json.getJsonArray("warnings").getJsonObject(0)
      .put("type", "BAD_VIBES"));
    refused("warning-rules/warning-rules-2025.json", "/warnings/0/type", "");
  }

  @Test
  @DisplayName("counted-only flag on an income that is not counted")
  void employmentNotCounted() throws IOException {
    copyRealRules();
    edit("income-classification/income-classification-2025.json", json -> json.getJsonArray("types")
      .getJsonObject(13).put("employment", true));
    refused("income-classification/income-classification-2025.json", "/types/13/employment", "counted");
  }

  @Test
  @DisplayName("not JSON at all")
  void notJson() throws IOException {
    copyRealRules();
    write("tenants/demo/automation-2025.json", "{ \"kind\": \"automation\", ");
    refused("tenants/demo/automation-2025.json", "", "not valid JSON");
  }

  @Test
  @DisplayName("no or an unknown kind")
  void kind() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2025.json", json -> json.remove("kind"));
    refused("riksnorm/riksnorm-2025.json", "/kind", "required");
    edit("riksnorm/riksnorm-2025.json", json -> json.put("kind", "riksnormen"));
    refused("riksnorm/riksnorm-2025.json", "/kind", "unknown kind");
  }

  @Test
  @DisplayName("a national kind under a tenant, a tenant's kind outside tenants/, and a bad tenant folder")
  void placement() throws IOException {
    copyRealRules();
    write("tenants/demo/riksnorm-lokal.json", Files.readString(robots.resolve("riksnorm/riksnorm-2025.json")));
    refused("tenants/demo/riksnorm-lokal.json", "/kind", "national");
    Files.delete(robots.resolve("tenants/demo/riksnorm-lokal.json"));
    Files.move(robots.resolve("tenants/demo/caps-2025.json"), robots.resolve("caps-2025.json"));
    refused("caps-2025.json", "/kind", "belongs to a tenant");
    Files.createDirectories(robots.resolve("tenants/Demo_Kommun"));
    Files.move(robots.resolve("caps-2025.json"), robots.resolve("tenants/Demo_Kommun/caps-2025.json"));
    refused("tenants/Demo_Kommun/caps-2025.json", "", "not a tenant id");
  }

  @Test
  @DisplayName("a missing schema and a missing kind of rule")
  void missingPieces() throws IOException {
    copyRealRules();
    Files.delete(robots.resolve("schemas/stickprov.schema.json"));
    refused("schemas/stickprov.schema.json", "", "missing");
    copyRealRulesAgain();
    Files.delete(robots.resolve("income-classification/income-classification-2025.json"));
    refused("", "", "no valid income-classification file");
  }

  private void copyRealRulesAgain() throws IOException {
    try (Stream<Path> files = Files.walk(robots)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!file.equals(robots)) {
          Files.delete(file);
        }
      }
    }
    copyRealRules();
  }

  @Test
  @DisplayName("the robot's motivering: a placeholder the robot does not fill in, or no wording at all")
  void robotMotivering() throws IOException {
    copyRealRules();
    edit("robot-motivering.json", json -> json.getJsonObject("texts").put("factBifall",
      "Inkomsterna räcker inte, och det som fattas är {amout}."));
    refused("robot-motivering.json", "/texts/factBifall", "unknown placeholder(s) [amout]");
    Files.delete(robots.resolve("robot-motivering.json"));
    refused("", "", "no valid robot-motivering file");
  }

  @Test
  @DisplayName("every problem is reported at once")
  void allProblemsAtOnce() throws IOException {
    copyRealRules();
    edit("riksnorm/riksnorm-2025.json", json -> json.getJsonObject("personal").remove("couple"));
    edit("tenants/demo/stickprov-2025.json", json -> json.put("percent", 150));
    RuleBookException thrown = assertThrows(RuleBookException.class, () -> RuleBook.load(robots));
    assertEquals(2, thrown.problems().size(), thrown.problems().toString());
    assertTrue(thrown.getMessage().endsWith("(and 1 more problems)"), thrown.getMessage());
  }
}
