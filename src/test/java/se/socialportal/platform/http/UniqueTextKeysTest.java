package se.socialportal.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key written twice in a text file is a silent bug: java.util.Properties keeps the last value, and so do the
 * browser's JSON.parse and Vert.x's JsonObject — whoever edits the first occurrence sees no effect. Every bundle and
 * every page dictionary is checked, not a fixed list, so a new language is covered the day it is added.
 */
@DisplayName("No text file writes a key twice")
class UniqueTextKeysTest {

  private static final Path BUNDLES = Path.of("src/main/resources/i18n");
  private static final Path PAGE_TEXTS = Path.of("webroot/i18n");

  @Test
  @DisplayName("every messages_*.properties bundle has each key once")
  void bundles() throws IOException {
    List<Path> files = files(BUNDLES, "messages_", ".properties");
    assertTrue(files.size() >= 2, "found the bundles: " + files);
    for (Path file : files) {
      assertEquals(List.of(), duplicatesInProperties(file), file + " writes these keys more than once");
    }
  }

  @Test
  @DisplayName("every webroot/i18n/*.json dictionary has each key once")
  void pageTexts() throws IOException {
    List<Path> files = files(PAGE_TEXTS, "", ".json");
    assertTrue(files.size() >= 3, "found the dictionaries: " + files);
    for (Path file : files) {
      assertEquals(List.of(), duplicatesInJson(file), file + " writes these keys more than once");
    }
  }

  @Test
  @DisplayName("the checks see duplicates however they are written (':' or spaces as separator, continued lines, nesting)")
  void checksFindDuplicates(@TempDir Path dir) throws IOException {
    Path bundle = dir.resolve("messages_xx.properties");
    Files.writeString(bundle, String.join("\n",
      "# field.required=only a comment",
      "field.required=Fyll i uppgiften.",
      "field.too_many : Du kan ange högst {0}.",
      "field.long=Första raden \\",
      "  field.required=fortsättningen, inte en nyckel",
      "field.too_many Du kan ange högst {0} stycken.",
      "field.required=Fyll i.",
      ""), StandardCharsets.UTF_8);
    assertEquals(List.of("field.too_many", "field.required"), duplicatesInProperties(bundle));

    Path dictionary = dir.resolve("xx.json");
    Files.writeString(dictionary, """
      {"login.title": "a", "nested": {"login.title": "another object, not a duplicate", "x": 1, "x": 2},
       "list": [{"y": 1}, {"y": 2}], "login.title": "b"}
      """, StandardCharsets.UTF_8);
    assertEquals(List.of("nested.x", "login.title"), duplicatesInJson(dictionary));
  }

  private static List<Path> files(Path dir, String prefix, String suffix) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(file -> {
        String name = file.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(suffix);
      }).sorted().toList();
    }
  }

  /**
   * Keys java.util.Properties meets more than once, in order. Its own parser does the reading, so separators,
   * escapes and continued lines are understood exactly as when the bundle is loaded (Messages reads them as UTF-8).
   */
  static List<String> duplicatesInProperties(Path file) throws IOException {
    List<String> duplicates = new ArrayList<>();
    Properties recording = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        if (containsKey(key)) {
          duplicates.add((String) key);
        }
        return super.put(key, value);
      }
    };
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      recording.load(reader);
    }
    return duplicates;
  }

  /** Keys met twice in the same JSON object, as a dotted path from the top, in order. */
  static List<String> duplicatesInJson(Path file) throws IOException {
    List<String> duplicates = new ArrayList<>();
    Deque<Set<String>> seen = new ArrayDeque<>();
    Deque<String> path = new ArrayDeque<>();
    try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
      String field = null;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            path.addLast(field == null ? "" : field);
            seen.push(new HashSet<>());
            field = null;
          }
          case END_OBJECT, END_ARRAY -> {
            seen.pop();
            path.removeLast();
          }
          case FIELD_NAME -> {
            field = parser.currentName();
            if (!seen.peek().add(field)) {
              List<String> parts = new ArrayList<>(path.stream().filter(part -> !part.isEmpty()).toList());
              parts.add(field);
              duplicates.add(String.join(".", parts));
            }
          }
          default -> field = null;
        }
      }
    }
    return duplicates;
  }
}
