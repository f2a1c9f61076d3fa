package se.socialportal.platform.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
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
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The contract's checks before the handler, on a contract and routes of this test's own: what is refused, and what
 * each refusal is called. Every route here answers 200 with what it received, so any other answer is the contract's.
 */
@DisplayName("Requests checked against the OpenAPI contract: refusals named as the rooms name them")
class ContractValidationTest {

  private static final String CONTRACT = String.join("\n",
    "openapi: 3.1.0",
    "info: { title: test, version: '1' }",
    "servers: [{ url: / }]",
    "components:",
    "  securitySchemes:",
    "    session: { type: apiKey, in: cookie, name: sp_session }",
    "    csrf: { type: apiKey, in: header, name: X-CSRF-Token }",
    "  schemas:",
    "    Amount: { minimum: 0, pattern: '^[0-9]+$', x-error: amount_invalid }",
    "paths:",
    "  /api/test/things/{id}:",
    "    parameters:",
    "      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }",
    "    post:",
    "      operationId: change",
    "      parameters:",
    "        - { name: sort, in: query, schema: { type: string, enum: [due, age] }, x-error: queue_filter }",
    "        - { name: limit, in: query, schema: { type: integer, maximum: 50 } }",
    "        - name: Idempotency-Key",
    "          in: header",
    "          required: true",
    "          schema: { type: string, pattern: '^[a-z0-9-]{8,100}$' }",
    "          x-request-error: idempotency_key_required",
    "      requestBody:",
    "        required: true",
    "        content:",
    "          application/json:",
    "            schema:",
    "              type: object",
    "              required: [month, applicant]",
    "              properties:",
    "                month: { type: [string, 'null'], pattern: '^[0-9]{4}-[0-9]{2}$', x-error: month_invalid }",
    "                note: { type: string, maxLength: 5 }",
    "                items: { type: array, maxItems: 2, items: { type: string } }",
    "                amount: { $ref: '#/components/schemas/Amount' }",
    "                applicant:",
    "                  type: [object, 'null']",
    "                  x-error: personnummer_invalid",
    "                  x-error-field: applicant.personnummer",
    "                  properties:",
    "                    givenName: { type: string }",
    "                content: { type: object, x-request-error: content_required }",
    "      responses:",
    "        '200': { description: ok }",
    "  /api/test/mine:",
    "    post:",
    "      operationId: mine",
    "      security: [{ session: [], csrf: [] }]",
    "      requestBody:",
    "        content:",
    "          application/json:",
    "            schema: { type: object, required: [text] }",
    "      responses:",
    "        '200': { description: ok }",
    "  /api/test/checked-elsewhere:",
    "    post:",
    "      operationId: elsewhere",
    "      requestBody:",
    "        x-validated-by: schemas/test.schema.json",
    "        content:",
    "          application/json:",
    "            schema: { type: object, required: [text] }",
    "      responses:",
    "        '200': { description: ok }",
    "");

  private static final String ID = "0b7c9a3e-2f1d-4c6b-9a8e-5d4f3c2b1a09";
  private static final String KEY = "key-0001";

  private static Vertx vertx;
  private static HttpServer server;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    AppConfig config = new AppConfig(ConfigLoader.defaults());
    HttpSettings settings = HttpSettings.from(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    ApiContract contract = ApiContract.from(vertx, ApiContract.parse(CONTRACT)).await(60, TimeUnit.SECONDS);
    RoutesModule echo = router -> {
      router.post("/api/test/things/:id").handler(ContractValidationTest::received);
      router.post("/api/test/mine").handler(ContractValidationTest::received);
      router.post("/api/test/checked-elsewhere").handler(ContractValidationTest::received);
      router.post("/api/test/undescribed").handler(ContractValidationTest::received);
    };
    server = vertx.createHttpServer().requestHandler(RouterAssembly.create(vertx, settings, contract, List.of(echo)))
      .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  private static void received(io.vertx.ext.web.RoutingContext ctx) {
    Responses.ok(ctx, new JsonObject().put("received", ctx.body().length() == 0 ? null : ctx.body().asJsonObject()));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> post(String path, JsonObject body, String... headers) throws Exception {
    HttpRequest<Buffer> request = client.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    if (body == null) {
      return request.send().await(10, TimeUnit.SECONDS);
    }
    return request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer())
      .await(10, TimeUnit.SECONDS);
  }

  private static JsonObject valid() {
    return new JsonObject().put("month", "2026-04").put("applicant", new JsonObject().put("givenName", "Ada"));
  }

  private static HttpResponse<Buffer> change(JsonObject body) throws Exception {
    return post("/api/test/things/" + ID, body, "Idempotency-Key", KEY);
  }

  /** The one problem of a 400 validation_failed answer, as "field: code". */
  private static String problem(HttpResponse<Buffer> response) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("validation_failed", body.getString("error"));
    JsonArray fields = body.getJsonArray("fields");
    assertEquals(1, fields.size(), fields.encode());
    return fields.getJsonObject(0).getString("field") + ": " + fields.getJsonObject(0).getString("error");
  }

  @Test
  @DisplayName("a request the contract allows reaches the handler unchanged")
  void allowed() throws Exception {
    HttpResponse<Buffer> response = post("/api/test/things/" + ID + "?sort=age&limit=3", valid(),
      "Idempotency-Key", KEY);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(valid(), response.bodyAsJsonObject().getJsonObject("received"));
  }

  @Test
  @DisplayName("a value of another kind is wrong_type at its JSON path, as JsonFields answers")
  void wrongType() throws Exception {
    assertEquals("note: wrong_type", problem(change(valid().put("note", 5))));
    assertEquals("items[1]: wrong_type", problem(change(valid().put("items", new JsonArray().add("a").add(7)))));
    assertEquals("month: wrong_type", problem(change(valid().put("month", 202604))));
  }

  @Test
  @DisplayName("otherwise the keyword decides the code, with the limit the message names")
  void keywords() throws Exception {
    JsonObject tooLong = change(valid().put("note", "abcdef")).bodyAsJsonObject();
    assertEquals("too_long", tooLong.getJsonArray("fields").getJsonObject(0).getString("error"));
    assertEquals("Texten är för lång. Skriv högst 5 tecken.",
      tooLong.getJsonArray("fields").getJsonObject(0).getString("message"));
    assertEquals("items: too_many", problem(change(valid().put("items", new JsonArray().add("a").add("b").add("c")))));
    assertEquals("limit: too_large", problem(post("/api/test/things/" + ID + "?limit=51", valid(),
      "Idempotency-Key", KEY)));
    assertEquals("limit: wrong_type", problem(post("/api/test/things/" + ID + "?limit=many", valid(),
      "Idempotency-Key", KEY)));
  }

  @Test
  @DisplayName("x-error names the room's own code for a missing or malformed value, also through a $ref")
  void roomCodes() throws Exception {
    assertEquals("month: month_invalid", problem(change(valid().put("month", "april"))));
    assertEquals("month: month_invalid", problem(change(new JsonObject().put("applicant", new JsonObject()))));
    assertEquals("amount: amount_invalid", problem(change(valid().put("amount", -1))));
    assertEquals("amount: amount_invalid", problem(change(valid().put("amount", "12,50"))));
    assertEquals("sort: queue_filter", problem(post("/api/test/things/" + ID + "?sort=name", valid(),
      "Idempotency-Key", KEY)));
  }

  @Test
  @DisplayName("x-error-field names the field the room names; a null where the type allows it is the room's to judge")
  void roomFields() throws Exception {
    assertEquals("applicant.personnummer: personnummer_invalid",
      problem(change(new JsonObject().put("month", "2026-04"))));
    assertEquals("applicant: wrong_type", problem(change(valid().put("applicant", "Ada"))));
    assertEquals(200, change(valid().putNull("applicant").putNull("month")).statusCode());
  }

  @Test
  @DisplayName("x-request-error refuses the whole request with the room's code, whatever is wrong")
  void requestCodes() throws Exception {
    JsonObject noKey = post("/api/test/things/" + ID, valid()).bodyAsJsonObject();
    assertEquals("idempotency_key_required", noKey.getString("error"));
    assertNull(noKey.getJsonArray("fields"));
    assertEquals("idempotency_key_required", post("/api/test/things/" + ID, valid(), "Idempotency-Key", "short")
      .bodyAsJsonObject().getString("error"));
    assertEquals("content_required", change(valid().put("content", "x")).bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("a path parameter that is not what the path takes names nothing: 404, before anything else")
  void pathParameters() throws Exception {
    HttpResponse<Buffer> response = post("/api/test/things/not-a-uuid", valid(), "Idempotency-Key", KEY);
    assertEquals(404, response.statusCode());
    assertEquals("not_found", response.bodyAsJsonObject().getString("error"));
    assertEquals(404, post("/api/test/things/not-a-uuid", new JsonObject().put("note", 1)).statusCode(),
      "an address that names nothing is 404, whatever else is wrong");
    assertEquals(200, post("/api/test/things/" + ID + "/", valid(), "Idempotency-Key", KEY).statusCode());
  }

  @Test
  @DisplayName("every problem of a request at once")
  void allProblems() throws Exception {
    JsonObject body = change(new JsonObject().put("note", 1).put("month", "x").put("applicant", new JsonObject()))
      .bodyAsJsonObject();
    assertEquals(2, body.getJsonArray("fields").size(), body.encode());
  }

  @Test
  @DisplayName("without the credentials its security names, a request is left to the route (which says 401/403)")
  void credentialsFirst() throws Exception {
    assertEquals(200, post("/api/test/mine", new JsonObject()).statusCode());
    assertEquals(200, post("/api/test/mine", new JsonObject(), "Cookie", "sp_session=x").statusCode());
    assertEquals("text: required", problem(post("/api/test/mine", new JsonObject(), "Cookie", "sp_session=x",
      "X-CSRF-Token", "y")));
  }

  @Test
  @DisplayName("a body its operation checks itself (x-validated-by), an empty body and an undescribed route pass")
  void leftToTheRoute() throws Exception {
    assertEquals(200, post("/api/test/checked-elsewhere", new JsonObject()).statusCode());
    assertEquals(200, post("/api/test/things/" + ID, null, "Idempotency-Key", KEY).statusCode());
    assertEquals(200, post("/api/test/undescribed", new JsonObject().put("x", 1)).statusCode());
  }
}
