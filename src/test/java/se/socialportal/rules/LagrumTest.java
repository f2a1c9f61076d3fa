package se.socialportal.rules;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.Lagrum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The lagrum table: one legal vocabulary for every decision type, with its source")
class LagrumTest {

  private static final Lagrum LAGRUM = RuleBook.load(Path.of("robots")).lagrum(LocalDate.of(2026, 12, 1)).orElseThrow();

  @Test
  @DisplayName("every decision type has a short form, its citations and a source")
  void everyType() {
    for (DecisionType type : DecisionType.values()) {
      Lagrum.Entry entry = LAGRUM.of(type).orElseThrow(() -> new AssertionError("no lagrum for " + type));
      assertFalse(entry.cite().isEmpty(), type.code());
      assertTrue(entry.source().length() > 10, type.code());
    }
  }

  @Test
  @DisplayName("bistånd cites SoL (2025:400), 12 kap. 1 §; never the old 4 kap. 1 §")
  void bistandInNewNumbering() {
    for (DecisionType type : new DecisionType[] {DecisionType.FORSORJNINGSSTOD, DecisionType.LIVSFORING_OVRIGT,
        DecisionType.SKULDER, DecisionType.BEGRAVNING}) {
      assertEquals("12 kap. 1 § SoL", LAGRUM.shortForm(type));
      assertEquals("12 kap. 1 § socialtjänstlagen (2025:400)", LAGRUM.cite(type).get(0));
      assertTrue(LAGRUM.of(type).orElseThrow().verified());
    }
    assertTrue(LAGRUM.cite(DecisionType.FORSORJNINGSSTOD).contains("12 kap. 2–3 §§ socialtjänstförordningen (2025:468)"),
      "the riksnorm's place, cited as the robot's motivering cites it");
  }

  @Test
  @DisplayName("an entry not yet checked against SoL (2025:400) says so: it names the old act by its number")
  void unverifiedEntriesNameTheOldAct() {
    for (DecisionType type : DecisionType.values()) {
      Lagrum.Entry entry = LAGRUM.of(type).orElseThrow();
      boolean old = entry.shortForm().contains("2001:453") || String.join(" ", entry.cite()).contains("2001:453");
      assertEquals(!entry.verified(), old, type.code() + ": an old paragraph is named only with its act");
      assertFalse(String.join(" ", entry.cite()).contains("4 kap. 1 §"), type.code());
    }
  }

  @Test
  @DisplayName("a lagrum file without an entry for a decision type is refused")
  void missingTypeRefused(@TempDir Path robots) throws IOException {
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
    Path file = robots.resolve("lagrum.json");
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    json.getJsonObject("decisionTypes").remove("eftergift");
    Files.writeString(file, json.encodePrettily(), StandardCharsets.UTF_8);
    RuleBookException thrown = assertThrows(RuleBookException.class, () -> RuleBook.load(robots));
    assertTrue(thrown.getMessage().contains("lagrum.json"), thrown.getMessage());
  }
}
