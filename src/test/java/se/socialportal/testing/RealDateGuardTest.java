package se.socialportal.testing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the suite independent of the day it runs: no test reads the machine's date or time. "Now" comes from
 * {@link TestClock} (the one class allowed to measure real time passing) or from {@code app.clock()}; the benchmarks
 * under {@code bench/} measure real time and are not tests.
 */
@DisplayName("No test reads the real date: every 'now' comes from the test clock")
class RealDateGuardTest {

  private static final Path TESTS = Path.of("src/test/java");
  private static final Path EXEMPT_CLOCK = TESTS.resolve("se/socialportal/testing/TestClock.java");
  private static final Path EXEMPT_BENCH = TESTS.resolve("se/socialportal/bench");
  private static final Pattern REAL_TIME = Pattern.compile(
    "\\b(?:(?:LocalDate|LocalTime|LocalDateTime|OffsetDateTime|ZonedDateTime|Instant|YearMonth|Year|MonthDay)"
      + "\\s*\\.\\s*now|Clock\\s*\\.\\s*(?:systemUTC|systemDefaultZone|system)|System\\s*\\.\\s*currentTimeMillis)"
      + "\\s*\\(");

  @Test
  @DisplayName("no source under src/test/java (but the test clock and the benchmarks) asks the system for the time")
  void noTestReadsTheRealDate() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      files.filter(file -> file.toString().endsWith(".java"))
        .filter(file -> !file.equals(EXEMPT_CLOCK) && !file.startsWith(EXEMPT_BENCH))
        .sorted()
        .forEach(file -> found.addAll(violations(file.toString(), read(file))));
    }
    assertEquals(List.of(), found, "Take the time from TestClock (app.clock(), a RobotHarness's clock), "
      + "never from the machine:\n" + String.join("\n", found));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LocalDate.now()", "YearMonth.now(ZoneId.of(\"Europe/Stockholm\"))", "Instant.now()",
    "LocalDateTime.now()", "java.time.OffsetDateTime.now()", "ZonedDateTime.now()", "Clock.systemUTC()",
    "Clock.systemDefaultZone()", "System.currentTimeMillis()", "LocalDate .now ()"})
  @DisplayName("each way of reading the real time is found, with its file and line")
  void findsEveryWayOfReadingTheTime(String call) {
    String source = "package x;\n\nclass Sample {\n  Object when() {\n    return " + call + ";\n  }\n}\n";
    List<String> found = violations("Sample.java", source);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("Sample.java:5: "), found.get(0));
  }

  @Test
  @DisplayName("a comment or a string that names such a call, or a test's own now(), is not a violation")
  void ignoresWhatDoesNotRun() {
    String source = String.join("\n",
      "class Sample {",
      "  // Never LocalDate.now(): take app.clock().today().",
      "  /* Instant.now() would make the test depend on the day it runs */",
      "  String sql = \"SELECT now() -- not LocalDate.now( either\";",
      "  char quote = '\"';",
      "  String block = \"\"\"",
      "    Clock.systemUTC()",
      "    \"\"\";",
      "  Object today = app.clock().today();",
      "  Object now = fixtures.now();",
      "}");
    assertEquals(List.of(), violations("Sample.java", source));
  }

  /** "file:line: call" for every call that reads the real time, outside comments and string literals. */
  static List<String> violations(String file, String source) {
    String code = codeOnly(source);
    List<String> found = new ArrayList<>();
    Matcher matcher = REAL_TIME.matcher(code);
    while (matcher.find()) {
      int line = 1 + (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
      found.add(file + ":" + line + ": " + matcher.group().replaceAll("\\s+", ""));
    }
    return found;
  }

  /** The source with comments and string/char literals blanked out (line breaks kept, so line numbers stay right). */
  static String codeOnly(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = blank(source, code, i, end < 0 ? source.length() : end);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = blank(source, code, i, end < 0 ? source.length() : end + 2);
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        i = blank(source, code, i, end < 0 ? source.length() : end + 3);
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = blank(source, code, i, Math.min(end + 1, source.length()));
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  private static int blank(String source, StringBuilder code, int from, int to) {
    for (int i = from; i < to; i++) {
      code.append(source.charAt(i) == '\n' ? '\n' : ' ');
    }
    return to;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
