package se.socialportal.provrakning;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PROVRAKNING_RATE_PER_MINUTE per client address. The limiter counts in fixed one-minute windows, so this test does
 * not depend on when it runs: the first LIMIT calls can never exceed a window's limit, and 2 × LIMIT + 1 quick calls
 * must meet a 429 even if a window boundary falls among them.
 */
@DisplayName("Provräkning is rate-limited per client address")
class ProvrakningRateLimitTest {

  private static final int LIMIT = 3;
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("provrakninglimit", new JsonObject().put("PROVRAKNING_RATE_PER_MINUTE", String.valueOf(LIMIT)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("after the limit the answer is 429 too_many_requests with Retry-After")
  void limited() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<Buffer> refused = null;
    for (int i = 0; i < 2 * LIMIT + 1 && refused == null; i++) {
      HttpResponse<Buffer> response = ProvrakningHttpTestClient.post(app, ProvrakningHttpTest.workedExample());
      statuses.add(response.statusCode());
      if (response.statusCode() == 429) {
        refused = response;
      }
    }
    assertEquals(List.of(200, 200, 200), statuses.subList(0, LIMIT), "the first calls are within any window");
    assertTrue(refused != null, "no 429 in " + statuses);
    assertEquals("too_many_requests", refused.bodyAsJsonObject().getString("error"));
    assertEquals("60", refused.getHeader("Retry-After"));
  }
}
