package se.socialportal.admin.live;

import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Futures;
import se.socialportal.testing.LiveStream;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event stream over HTTP: the whole figure set at once, then a push after a change committed straight into the
 * database — as another server would commit it, never passing through this server's code — heard through
 * NOTIFY dashboard; and a municipality's stream hears nothing of another municipality's changes.
 */
@DisplayName("GET /api/v1/admin/live: the full set on connect, a push after any server's commit, per municipality")
class LiveStreamTest {

  private static TestApp app;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    app = TestApp.start("livestream", new JsonObject().put("LIVE_PUSH_MILLIS", "100"));
    http = app.vertx().createHttpClient();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("a paper application committed by SQL reaches the open stream of its municipality only")
  void pushAfterCommit() throws Exception {
    StaffLogins.Staff chef = StaffLogins.login(app, "stream.chef", "Erik Enhetschefsson", "demo", "enhetschef");
    StaffLogins.Staff neighbour = StaffLogins.login(app, "stream.granne", "Greta Grann", "grannkommun", "admin");
    StringBuilder head = new StringBuilder();
    BlockingQueue<JsonObject> demo = LiveStream.open(http, app, chef, head);
    assertEquals("200 text/event-stream; charset=utf-8", head.toString());
    BlockingQueue<JsonObject> granne = LiveStream.open(http, app, neighbour, new StringBuilder());
    JsonObject first = demo.poll(30, TimeUnit.SECONDS);
    assertNotNull(first, "the full set at once");
    assertEquals("demo", first.getString("tenant"));
    assertNotNull(granne.poll(30, TimeUnit.SECONDS));
    long paperToday = first.getJsonObject("submissions").getJsonObject("paper").getLong("today");

    Futures.await(app.services().pool().preparedQuery("INSERT INTO application (tenant_id, month, kind, channel, status, "
      + "applicant_id, content, registered_by_staff, submitted_at) SELECT 'demo', date_trunc('month', $1::timestamptz "
      + "AT TIME ZONE 'Europe/Stockholm')::date, 'extra', 'paper', 'submitted', p.id, '{}', $2, $1 FROM person p LIMIT 1")
      .execute(Tuple.of(app.clock().instant().atOffset(java.time.ZoneOffset.UTC), chef.staffId())));

    JsonObject pushed = demo.poll(30, TimeUnit.SECONDS);
    assertNotNull(pushed, "a push after the commit");
    assertEquals(paperToday + 1, pushed.getJsonObject("submissions").getJsonObject("paper").getLong("today"));
    assertTrue(granne.isEmpty(), "the neighbour's stream got nothing: " + granne);
  }
}
