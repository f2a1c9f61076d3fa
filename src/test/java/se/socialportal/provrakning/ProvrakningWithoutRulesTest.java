package se.socialportal.provrakning;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.TestApp;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month the service has no rules for is a good question with no answer yet, not bad input: 422, with the month in
 * words. The server reads a copy of robots/ without any file after 2026, so "2027 is not decided" holds whatever
 * the project's robots/ holds by the time this runs.
 */
@DisplayName("Provräkning for a month without rules: 422 that names the month")
class ProvrakningWithoutRulesTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("provrakningnorules", new JsonObject().put("PROVRAKNING_RATE_PER_MINUTE", "100000")
      .put("ROBOTS_DIR", RobotsFolder.upTo(2026).root().toString()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> estimate(String month, String language) throws Exception {
    return app.client().post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .putHeader("Accept-Language", language)
      .sendBuffer(ProvrakningHttpTest.issueExample().put("month", month).toBuffer()).await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("next year before its riksnorm is published: 422 rules_not_decided, 'januari 2027' in words")
  void nextYearNotDecided() throws Exception {
    HttpResponse<Buffer> response = estimate("2027-01", "sv");
    assertEquals(422, response.statusCode(), response.bodyAsString());
    JsonObject error = response.bodyAsJsonObject();
    assertEquals("rules_not_decided", error.getString("error"));
    assertEquals("Beloppen för januari 2027 är inte beslutade ännu.", error.getString("message"));
    JsonObject field = error.getJsonArray("fields").getJsonObject(0);
    assertEquals("month", field.getString("field"));
    assertTrue(field.getString("message").contains("regeringen") || field.getString("message").contains("Regeringen"),
      field.getString("message"));

    JsonObject english = estimate("2027-03", "en").bodyAsJsonObject();
    assertEquals("The amounts for March 2027 have not been decided yet.", english.getString("message"));
  }

  @Test
  @DisplayName("a month before the service's first rules: 422 no_rules_for_month")
  void beforeTheFirstRules() throws Exception {
    HttpResponse<Buffer> response = estimate("2024-05", "sv");
    assertEquals(422, response.statusCode(), response.bodyAsString());
    assertEquals("no_rules_for_month", response.bodyAsJsonObject().getString("error"));
    assertEquals("Tjänsten har inga regler för maj 2024.", response.bodyAsJsonObject().getString("message"));
  }

  @Test
  @DisplayName("the options for such a month: 422 as well, never a 5xx")
  void optionsForAMonthWithoutRules() throws Exception {
    // Income classification is open-ended, so the options exist for 2027; a month before it does not.
    HttpResponse<Buffer> response = app.client().get("/api/v1/provrakning/options?month=2024-06")
      .send().await(10, TimeUnit.SECONDS);
    assertEquals(422, response.statusCode(), response.bodyAsString());
    assertEquals(200, app.client().get("/api/v1/provrakning/options?month=2027-01").send()
      .await(10, TimeUnit.SECONDS).statusCode());
  }

  @Test
  @DisplayName("a month with rules still calculates")
  void aMonthWithRules() throws Exception {
    assertEquals(200, estimate("2026-05", "sv").statusCode());
  }
}
