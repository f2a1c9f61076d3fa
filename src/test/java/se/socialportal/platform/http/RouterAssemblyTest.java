package se.socialportal.platform.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigLoader;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("The router's cross-cutting handlers: body limits, JSON errors, trusted proxies")
class RouterAssemblyTest {

  private static Vertx vertx;
  private static HttpServer server;
  private static WebClient client;
  private static ClientAddress clientAddress;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    AppConfig config = new AppConfig(ConfigLoader.defaults().put("BODY_LIMIT_KB", "16")
      .put("TRUSTED_PROXIES", "127.0.0.1").put("METRICS_TOKEN", "scrape-me"));
    HttpSettings settings = HttpSettings.from(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    clientAddress = settings.clientAddress();
    RoutesModule echo = router -> {
      router.post("/api/test/echo").handler(ctx -> Responses.ok(ctx, ctx.body().asJsonObject()));
      router.get("/api/test/address").handler(ctx -> Responses.ok(ctx, new JsonObject()
        .put("address", clientAddress.of(ctx)).put("https", clientAddress.isHttps(ctx))));
      router.get("/api/test/invalid").handler(ctx -> ctx.fail(ApiException.invalid("persons[0].birthDate", "date")));
      router.get("/api/test/boom").handler(ctx -> {
        throw new IllegalStateException("constraint failed for 191212121212");
      });
    };
    server = vertx.createHttpServer().requestHandler(RouterAssembly.create(vertx, settings, List.of(echo)))
      .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> post(String body) throws Exception {
    return client.post(server.actualPort(), "127.0.0.1", "/api/test/echo").putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> get(String path, String... headers) throws Exception {
    var request = client.get(server.actualPort(), "127.0.0.1", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return request.send().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("malformed JSON is a 400 with a message a person understands")
  void malformedJson() throws Exception {
    HttpResponse<Buffer> response = post("{\"month\": ");
    assertEquals(400, response.statusCode());
    assertEquals("malformed_json", response.bodyAsJsonObject().getString("error"));
    assertEquals("no-store", response.getHeader("Cache-Control"));
  }

  @Test
  @DisplayName("a body over the limit is refused with 413")
  void bodyLimit() throws Exception {
    HttpResponse<Buffer> response = post("{\"text\": \"" + "x".repeat(20 * 1024) + "\"}");
    assertEquals(413, response.statusCode());
    assertEquals("body_too_large", response.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("validation problems list the field with its own message")
  void fieldProblems() throws Exception {
    JsonObject body = get("/api/test/invalid").bodyAsJsonObject();
    assertEquals("validation_failed", body.getString("error"));
    assertEquals("persons[0].birthDate", body.getJsonArray("fields").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("an unexpected failure is a 500 without detail")
  void unexpectedFailure() throws Exception {
    HttpResponse<Buffer> response = get("/api/test/boom");
    assertEquals(500, response.statusCode());
    assertEquals("internal_error", response.bodyAsJsonObject().getString("error"));
    assertEquals(-1, response.bodyAsString().indexOf("191212121212"));
  }

  @Test
  @DisplayName("X-Forwarded-For and -Proto are believed from a trusted proxy, skipping trusted hops")
  void trustedProxy() throws Exception {
    HttpResponse<Buffer> response = get("/api/test/address",
      "X-Forwarded-For", "203.0.113.9, 127.0.0.1", "X-Forwarded-Proto", "https");
    assertEquals("203.0.113.9", response.bodyAsJsonObject().getString("address"));
    assertEquals(true, response.bodyAsJsonObject().getBoolean("https"));
    assertEquals("max-age=31536000; includeSubDomains", response.getHeader("Strict-Transport-Security"));
  }

  @Test
  @DisplayName("X-Forwarded-For from a peer that is not a trusted proxy is ignored")
  void untrustedPeer() throws Exception {
    AppConfig config = new AppConfig(ConfigLoader.defaults());
    HttpSettings settings = HttpSettings.from(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    ClientAddress strict = settings.clientAddress();
    RoutesModule address = router -> router.get("/api/test/address").handler(ctx -> Responses.ok(ctx,
      new JsonObject().put("address", strict.of(ctx)).put("https", strict.isHttps(ctx))));
    HttpServer untrusting = vertx.createHttpServer()
      .requestHandler(RouterAssembly.create(vertx, settings, List.of(address)))
      .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    try {
      HttpResponse<Buffer> response = client.get(untrusting.actualPort(), "127.0.0.1", "/api/test/address")
        .putHeader("X-Forwarded-For", "203.0.113.9").putHeader("X-Forwarded-Proto", "https")
        .send().await(10, TimeUnit.SECONDS);
      assertEquals("127.0.0.1", response.bodyAsJsonObject().getString("address"));
      assertEquals(false, response.bodyAsJsonObject().getBoolean("https"));
      assertNull(response.getHeader("Strict-Transport-Security"));
    } finally {
      untrusting.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("a hop that is not an IP address makes the trusted proxy's peer address count")
  void garbageHop() throws Exception {
    HttpResponse<Buffer> response = get("/api/test/address", "X-Forwarded-For", "garbage");
    assertEquals("127.0.0.1", response.bodyAsJsonObject().getString("address"));
  }

  @Test
  @DisplayName("/metrics requires the token when one is configured")
  void metricsToken() throws Exception {
    assertEquals(401, get("/metrics").statusCode());
    assertEquals(200, get("/metrics", "Authorization", "Bearer scrape-me").statusCode());
  }
}
