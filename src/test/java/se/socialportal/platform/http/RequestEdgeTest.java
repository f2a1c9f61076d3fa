package se.socialportal.platform.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
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

@DisplayName("The edge before every JSON endpoint: media type, strict JSON objects, storable text, other sites")
class RequestEdgeTest {

  private static Vertx vertx;
  private static HttpServer server;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    AppConfig config = new AppConfig(ConfigLoader.defaults().put("BODY_LIMIT_KB", "16"));
    HttpSettings settings = HttpSettings.from(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    RoutesModule routes = router -> {
      router.post("/api/test/echo").handler(ctx -> Responses.ok(ctx, ctx.body().buffer() == null
        || ctx.body().length() <= 0 ? new JsonObject() : ctx.body().asJsonObject()));
      router.delete("/api/test/things/:id").handler(ctx -> Responses.noContent(ctx));
      JsonRequests.acceptsUpload(router.post("/api/test/things/:id/files")).handler(ctx -> {
        ctx.request().setExpectMultipart(true);
        ctx.request().endHandler(v -> Responses.ok(ctx, new JsonObject().put("uploaded", true)));
      });
    };
    server = vertx.createHttpServer().requestHandler(RouterAssembly.create(vertx, settings, List.of(routes)))
      .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> post(String path, String contentType, String body, String... headers)
    throws Exception {
    HttpRequest<Buffer> request = client.post(server.actualPort(), "127.0.0.1", path);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return request.sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
  }

  private static JsonObject refused(int status, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals(List.of("error", "message", "requestId"), List.copyOf(body.fieldNames()).subList(0, 3));
    return body;
  }

  @Test
  @DisplayName("only application/json (UTF-8): text/plain, forms, another charset, a body without a type are 415")
  void mediaType() throws Exception {
    assertEquals(200, post("/api/test/echo", "application/json; charset=UTF-8", "{}").statusCode());
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/json; charset=iso-8859-1", null}) {
      assertEquals("unsupported_media_type", refused(415, post("/api/test/echo", type, "{\"a\":1}")).getString("error"),
        String.valueOf(type));
    }
    assertEquals(200, post("/api/test/echo", null, "").statusCode(), "nothing sent, nothing to type");
  }

  @Test
  @DisplayName("multipart only where a route takes uploads")
  void uploadsOnlyOnUploadRoutes() throws Exception {
    String multipart = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n";
    assertEquals(200, post("/api/test/things/7/files", "multipart/form-data; boundary=x", multipart).statusCode());
    refused(415, post("/api/test/echo", "multipart/form-data; boundary=x", multipart));
  }

  @Test
  @DisplayName("strict JSON objects only: no comments, arrays, scalars, trailing content or repeated keys")
  void strictObjects() throws Exception {
    for (String body : new String[] {"[]", "123", "\"x\"", "null"}) {
      assertEquals("json_object_expected", refused(400, post("/api/test/echo", "application/json", body))
        .getString("error"), body);
    }
    for (String body : new String[] {"{/* c */}", "// c\n{}", "{\"a\":1} {}", "{'a':1}", "{\"a\":1,}", "{"}) {
      assertEquals("malformed_json", refused(400, post("/api/test/echo", "application/json", body))
        .getString("error"), body);
    }
    JsonObject twice = refused(400, post("/api/test/echo", "application/json", "{\"a\":{\"b\":1,\"b\":2}}"));
    assertEquals("a.b", twice.getJsonArray("fields").getJsonObject(0).getString("field"));
    assertEquals("json_duplicate_key", twice.getJsonArray("fields").getJsonObject(0).getString("error"));
  }

  @Test
  @DisplayName("text PostgreSQL cannot store (NUL, a lone surrogate) is refused naming the field; bidi text is kept")
  void storableText() throws Exception {
    JsonObject nul = refused(400, post("/api/test/echo", "application/json", "{\"content\":{\"rows\":[\"a\\u0000\"]}}"));
    assertEquals("content.rows[0]", nul.getJsonArray("fields").getJsonObject(0).getString("field"));
    assertEquals("invalid_characters", nul.getJsonArray("fields").getJsonObject(0).getString("error"));
    refused(400, post("/api/test/echo", "application/json", "{\"a\\u0000\":1}"));
    refused(400, post("/api/test/echo", "application/json", "{\"a\":\"\\udc00\"}"));
    // Arabic, Hebrew and an override are text a person may write; only file names lose format characters.
    HttpResponse<Buffer> bidi = post("/api/test/echo", "application/json", "{\"a\":\"\u0645\u0631\u062d\u0628\u0627 \u202e\"}");
    assertEquals(200, bidi.statusCode());
  }

  @Test
  @DisplayName("numbers beyond a long or a double, and nesting deeper than 32, are 400")
  void numbersAndDepth() throws Exception {
    for (String number : new String[] {"1e400", "9223372036854775808", "1" + "0".repeat(70)}) {
      assertEquals("number_out_of_range", errorOf(post("/api/test/echo", "application/json",
        "{\"n\":" + number + "}")), number);
    }
    assertEquals(200, post("/api/test/echo", "application/json", "{\"n\":9223372036854775807}").statusCode());
    assertEquals("json_too_deep", refused(400, post("/api/test/echo", "application/json",
      "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")).getString("error"));
  }

  private static String errorOf(HttpResponse<Buffer> response) {
    JsonObject body = refused(400, response);
    return body.containsKey("fields") ? body.getJsonArray("fields").getJsonObject(0).getString("error")
      : body.getString("error");
  }

  @Test
  @DisplayName("a request from another site is refused, whatever it carries; same-origin and non-browser pass")
  void crossSite() throws Exception {
    String self = "http://127.0.0.1:" + server.actualPort();
    assertEquals("cross_site_request", refused(403, post("/api/test/echo", "application/json", "{}",
      "Sec-Fetch-Site", "cross-site")).getString("error"));
    refused(403, post("/api/test/echo", "application/json", "{}", "Sec-Fetch-Site", "same-site"));
    refused(403, post("/api/test/echo", "application/json", "{}", "Origin", "https://evil.example"));
    refused(403, post("/api/test/echo", "application/json", "{}", "Origin", "null"));
    assertEquals(403, client.delete(server.actualPort(), "127.0.0.1", "/api/test/things/7")
      .putHeader("Origin", "https://evil.example").send().await(10, TimeUnit.SECONDS).statusCode());
    assertEquals(200, post("/api/test/echo", "application/json", "{}", "Sec-Fetch-Site", "same-origin").statusCode());
    assertEquals(200, post("/api/test/echo", "application/json", "{}", "Origin", self).statusCode());
    assertEquals(200, post("/api/test/echo", "application/json", "{}").statusCode(), "no browser headers");
  }
}
