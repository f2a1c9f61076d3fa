package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.CheckConstraints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case page shows every entry of the history in words ({@code event.<type>}), so every kind of entry the database
 * allows has a text in every language that offers the case page — the robot's step as much as the resident's own.
 */
@DisplayName("Every kind of history entry the database allows has its words in every language of the case page")
class EventTextsTest {

  private static final Path I18N = Path.of("webroot", "i18n");
  private static final String CASE_PAGE = "/mina-sidor/arende/";

  @Test
  void everyEventTypeInEveryLanguage() throws IOException {
    Set<String> types = CheckConstraints.allowedValues("application_event", "type");
    assertTrue(types.containsAll(Set.of("robot_proposal", "submitted", "decided", "komplettering_requested")), types.toString());
    JsonObject manifest = read("languages.json");
    List<String> languages = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String code : manifest.fieldNames()) {
      Object pages = manifest.getJsonObject(code).getValue("pages");
      if (!"all".equals(pages) && !(pages instanceof JsonArray list && list.contains(CASE_PAGE))) {
        continue;
      }
      languages.add(code);
      JsonObject texts = read(code + ".json");
      types.stream().filter(type -> !texts.containsKey("event." + type))
        .forEach(type -> missing.add(code + ".json lacks event." + type));
    }
    assertTrue(languages.containsAll(List.of("sv", "en", "ar")), "the case page is offered in " + languages);
    assertEquals(List.of(), missing);
    Set<String> written = read("sv.json").fieldNames().stream().filter(key -> key.startsWith("event."))
      .map(key -> key.substring("event.".length())).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(types, written, "sv.json's event texts are exactly the kinds the database allows");
  }

  private static JsonObject read(String file) throws IOException {
    return new JsonObject(Files.readString(I18N.resolve(file), StandardCharsets.UTF_8));
  }
}
