package se.socialportal.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project explains itself: README, docs, rule files, code, web pages and benchmarks cite public sources (statutes,
 * Socialstyrelsen, municipal documents) or the project's own docs/sources.md, never reference notes kept outside the
 * repository (domain.md, municipal-sources.md, stack.md, ARCHITECTURE.md, a shared folder), which a reader of the
 * project cannot open.
 */
@DisplayName("The project speaks for itself: no pointers to documents outside the repository")
class ProjectSpeaksForItselfTest {

  private static final List<Path> SCANNED = List.of(Path.of("README.md"), Path.of("docs"), Path.of("robots"),
    Path.of("src"), Path.of("webroot"), Path.of("bench"), Path.of("deploy"), Path.of(".ci"), Path.of("Dockerfile"),
    Path.of("docker-compose.yml"), Path.of("pom.xml"));
  private static final Path SELF = Path.of("src/test/java/se/socialportal/platform/ProjectSpeaksForItselfTest.java");

  /**
   * A Flyway migration that has been applied is never edited: Flyway checksums every line, comments included, so a
   * changed comment stops every existing database from starting. This one names the outside notes in a comment; the
   * subject (likabehandling) is in docs/sources.md#likabehandling-and-stickprov.
   */
  private static final Path APPLIED_MIGRATION = Path.of("src/main/resources/db/migration/V42__robot_pipeline.sql");
  private static final String APPLIED_MIGRATION_TEXT = "(likabehandling, municipal-sources.md §1.4)";

  private static final Pattern OUTSIDE_POINTER = Pattern.compile(
    "\\bdomain\\.md\\b|\\bdomain (?:§|R[0-9])|municipal-sources|\\bstack\\.md\\b|ARCHITECTURE\\.md|\\.\\./shared\\b");

  /**
   * How the work was organised ("issue 5", "issue #4") says nothing to a reader of the project. Migrations applied
   * before this rule (V21, V41) keep their comments for the checksum reason above.
   */
  private static final Pattern WORK_ITEM = Pattern.compile("(?i)\\bissues? #?[0-9]+\\b");
  private static final List<Path> APPLIED_BEFORE_THE_RULE = List.of(
    Path.of("src/main/resources/db/migration/V21__bistand_signing_attachments_messages.sql"),
    Path.of("src/main/resources/db/migration/V41__robot_beslutsforslag.sql"));

  @Test
  @DisplayName("README.md, docs/, robots/, src/, webroot/, bench/ and the build and deploy files point to nothing "
    + "outside the repository")
  void noPointerLeavesTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : SCANNED) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.equals(SELF)).sorted().toList()) {
          text(file).ifPresent(text -> found.addAll(pointers(file, text)));
        }
      }
    }
    assertEquals(List.of(), found, "Cite the public source (statute, Socialstyrelsen, the municipality's document) or "
      + "a section of docs/sources.md instead:\n" + String.join("\n", found));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"see domain.md §1.9", "(municipal-sources.md §1.4)", "versions in stack.md",
    "ARCHITECTURE.md says", "../shared/docs/", "caps (domain §1.6)", "rounding (domain R8)", "casework (issue 5)",
    "the request from Issue #4"})
  @DisplayName("each kind of pointer is found, named by file and line")
  void findsEachKindOfPointer(String pointer) {
    String text = "first line\n// a comment that cites " + pointer + " for its reason\nlast line\n";
    List<String> found = pointers(Path.of("Sample.java"), text);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("Sample.java:2: "), found.get(0));
  }

  @Test
  @DisplayName("the project's own documents and ordinary words are not pointers")
  void ownDocumentsAreNotPointers() {
    String text = String.join("\n",
      "See docs/architecture.md and docs/sources.md#worked-example.",
      "The rule R8 (docs/sources.md#computation-rules) keeps öre.",
      "A domain term in Swedish; the stack trace; shared folders of a tenant.");
    assertEquals(List.of(), pointers(Path.of("Sample.md"), text));
  }

  @Test
  @DisplayName("the applied migration is the only exception, and only for its one known comment")
  void appliedMigrationIsExemptOnlyForItsComment() {
    String known = "-- cannot depend on the channel " + APPLIED_MIGRATION_TEXT + ". The seed is made at\n";
    assertEquals(List.of(), pointers(APPLIED_MIGRATION, known));
    String added = known + "-- see domain.md §3.2\n";
    assertEquals(List.of(APPLIED_MIGRATION + ":2: domain.md"), pointers(APPLIED_MIGRATION, added));
    assertEquals(1, pointers(Path.of("src/main/resources/db/migration/V200__new.sql"), known).size());
  }

  /** "file:line: pointer" for every pointer to a document outside the repository. */
  static List<String> pointers(Path file, String text) {
    List<String> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (file.equals(APPLIED_MIGRATION) && line.contains(APPLIED_MIGRATION_TEXT)) {
        line = line.replace(APPLIED_MIGRATION_TEXT, "");
      }
      Matcher matcher = OUTSIDE_POINTER.matcher(line);
      while (matcher.find()) {
        found.add(file + ":" + (i + 1) + ": " + matcher.group());
      }
      Matcher workItem = WORK_ITEM.matcher(line);
      while (!APPLIED_BEFORE_THE_RULE.contains(file) && workItem.find()) {
        found.add(file + ":" + (i + 1) + ": " + workItem.group());
      }
    }
    return found;
  }

  /** The file as UTF-8 text, or empty for a binary file (fonts, key stores). */
  private static Optional<String> text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
