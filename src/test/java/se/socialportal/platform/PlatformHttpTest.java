package se.socialportal.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The HTTP platform: health, errors, headers, static files")
class PlatformHttpTest {

  private static TestApp app;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = TestApp.start("platform");
    client = app.client();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> get(String path) throws Exception {
    return client.get(path).send().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("/health reports the database as up")
  void healthChecksTheDatabase() throws Exception {
    HttpResponse<Buffer> response = get("/health");
    assertEquals(200, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("UP", body.getString("status"));
    assertTrue(body.getJsonArray("checks").stream().map(JsonObject.class::cast)
      .anyMatch(check -> "database".equals(check.getString("id")) && "UP".equals(check.getString("status"))),
      body.encode());
  }

  @Test
  @DisplayName("an unknown API path is a JSON 404 with a message and the request id")
  void unknownApiPathIsUniformJson() throws Exception {
    HttpResponse<Buffer> response = get("/api/v1/does-not-exist");
    assertEquals(404, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("not_found", body.getString("error"));
    assertEquals("Sidan eller uppgiften finns inte.", body.getString("message"));
    assertEquals(response.getHeader("X-Request-Id"), body.getString("requestId"));
  }

  @Test
  @DisplayName("errors are in English when the browser asks for English")
  void errorsFollowAcceptLanguage() throws Exception {
    HttpResponse<Buffer> response = client.get("/api/v1/nothing").putHeader("Accept-Language", "en-GB,en;q=0.8")
      .send().await(10, TimeUnit.SECONDS);
    assertEquals("The page or item does not exist.", response.bodyAsJsonObject().getString("message"));
  }

  @Test
  @DisplayName("every response carries the security headers; no HSTS over plain HTTP")
  void securityHeaders() throws Exception {
    HttpResponse<Buffer> response = get("/");
    assertEquals(200, response.statusCode());
    String csp = response.getHeader("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
    assertEquals("no-referrer", response.getHeader("Referrer-Policy"));
    assertEquals(null, response.getHeader("Strict-Transport-Security"));
  }

  @Test
  @DisplayName("a request id from a proxy is kept, a malformed one is replaced")
  void requestIds() throws Exception {
    HttpResponse<Buffer> kept = client.get("/health/live").putHeader("X-Request-Id", "proxy-trace-123456")
      .send().await(10, TimeUnit.SECONDS);
    assertEquals("proxy-trace-123456", kept.getHeader("X-Request-Id"));
    HttpResponse<Buffer> replaced = client.get("/health/live").putHeader("X-Request-Id", "<script>")
      .send().await(10, TimeUnit.SECONDS);
    assertNotNull(replaced.getHeader("X-Request-Id"));
    assertTrue(replaced.getHeader("X-Request-Id").matches("[0-9a-f]{18}"));
  }

  @Test
  @DisplayName("HTML is revalidated on every visit, assets are cached briefly")
  void cachingHeaders() throws Exception {
    assertEquals("no-cache", get("/").getHeader("Cache-Control"));
    assertEquals("public, max-age=600", get("/css/site.css").getHeader("Cache-Control"));
  }

  @Test
  @DisplayName("/metrics serves Prometheus text")
  void metrics() throws Exception {
    HttpResponse<Buffer> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("# TYPE"), "prometheus exposition format");
  }

  @Test
  @DisplayName("/metrics counts answered requests by method and status, recorded by the router (not Vert.x's meters)")
  void requestFigures() throws Exception {
    assertEquals(404, get("/api/v1/does-not-exist").statusCode());
    String scrape = get("/metrics").bodyAsString();
    assertTrue(scrape.contains("http_server_requests_seconds_count{code=\"404\",method=\"GET\"}"), scrape);
    assertTrue(scrape.contains("http_server_active_requests"), scrape);
    assertFalse(scrape.contains("vertx_http_server_requests_total"), "Vert.x's own HTTP server meters are off");
  }

  @Test
  @DisplayName("/health answers in the form load balancers read: status, every check with its id, outcome")
  void healthForm() throws Exception {
    JsonObject body = get("/health").bodyAsJsonObject();
    assertEquals("UP", body.getString("outcome"));
    java.util.Set<String> ids = new java.util.TreeSet<>();
    body.getJsonArray("checks").forEach(check -> ids.add(((JsonObject) check).getString("id")));
    assertEquals(java.util.Set.of("database", "robot", "rules"), ids);
  }

  @Test
  @DisplayName("a page that does not exist is a readable HTML page for browsers")
  void missingPageForBrowsers() throws Exception {
    HttpResponse<Buffer> response = client.get("/finns-inte.html").putHeader("Accept", "text/html")
      .send().await(10, TimeUnit.SECONDS);
    assertEquals(404, response.statusCode());
    assertTrue(response.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(response.bodyAsString().contains("Sidan eller uppgiften finns inte."));
  }
}
