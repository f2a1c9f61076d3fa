package se.socialportal.bistand;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.http.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Page texts: Swedish and English complete, Arabic complete for the application form")
class PageTextsTest {

  private static JsonObject dictionary(String language) throws Exception {
    return new JsonObject(Files.readString(Path.of("webroot/i18n/" + language + ".json")));
  }

  /** Keys the form's HTML and modules name literally (data-i18n, t('…'), label: '…' and the like). */
  private static Set<String> literalKeys(String... files) throws Exception {
    Set<String> keys = new HashSet<>();
    Pattern pattern = Pattern.compile(
      "(?:data-i18n=\"|\\bt\\('|\\b(?:i18n|label|legend|hint|suffix): '|alt:)([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+)[\"']");
    for (String file : files) {
      Matcher matcher = pattern.matcher(Files.readString(Path.of(file)));
      while (matcher.find()) {
        keys.add(matcher.group(1));
      }
    }
    return keys;
  }

  @Test
  @DisplayName("sv.json and en.json have the same keys, and every key the pages use exists")
  void swedishAndEnglish() throws Exception {
    JsonObject sv = dictionary("sv");
    JsonObject en = dictionary("en");
    assertEquals(sv.fieldNames(), en.fieldNames());
    Set<String> used = literalKeys("webroot/ansokan/index.html", "webroot/mina-sidor/index.html",
      "webroot/mina-sidor/arende/index.html", "webroot/js/ansokan.js", "webroot/js/arende.js",
      "webroot/js/mina-sidor.js", "webroot/js/bistand/steps.js", "webroot/js/bistand/attachments-step.js",
      "webroot/js/bistand/review-step.js", "webroot/js/bistand/signing.js", "webroot/js/bistand/errors.js");
    assertTrue(used.size() > 150, "the scan finds the keys: " + used.size());
    for (String key : used) {
      assertTrue(sv.containsKey(key), "sv.json lacks " + key);
    }
    for (String status : new String[] {"draft", "awaiting_cosignature", "submitted", "under_review",
      "komplettering_requested", "decided", "paid", "payment_failed", "withdrawn"}) {
      assertTrue(sv.containsKey("status." + status) && sv.containsKey("next." + status), status);
    }
  }

  @Test
  @DisplayName("ar.json covers every key of the application form, and every field message")
  void arabicForTheForm() throws Exception {
    JsonObject sv = dictionary("sv");
    JsonObject ar = dictionary("ar");
    Set<String> form = literalKeys("webroot/ansokan/index.html", "webroot/js/ansokan.js",
      "webroot/js/bistand/steps.js", "webroot/js/bistand/attachments-step.js", "webroot/js/bistand/review-step.js",
      "webroot/js/bistand/signing.js", "webroot/js/bistand/errors.js");
    for (String key : form) {
      assertTrue(ar.containsKey(key), "ar.json lacks " + key);
    }
    for (String key : sv.fieldNames()) {
      String family = key.contains(".") ? key.substring(0, key.indexOf(".")) : key;
      if (Set.of("incomeType", "housingType", "cost", "assetType", "needType", "doc", "docs", "livesHere", "relation",
        "adultRelation", "step", "sign").contains(family)) {
        assertTrue(ar.containsKey(key), "ar.json lacks " + key);
      }
    }
    for (Object key : Messages.bundle("sv").keySet()) {
      String name = (String) key;
      if (name.startsWith("field.") && !name.startsWith("field.bankid")) {
        assertTrue(ar.containsKey(name), "ar.json lacks " + name);
      }
    }
  }
}
