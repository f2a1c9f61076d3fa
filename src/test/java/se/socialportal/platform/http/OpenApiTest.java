package se.socialportal.platform.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import se.socialportal.testing.TestApp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is served, parses, and tells the truth: its examples are what the server answers. */
@DisplayName("GET /api/v1/openapi.yaml")
class OpenApiTest {

  private static TestApp app;
  private static Map<String, Object> document;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start("openapi", new JsonObject().put("PROVRAKNING_RATE_PER_MINUTE", "100000"));
    HttpResponse<Buffer> response = app.client().get("/api/v1/openapi.yaml").send().await(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals("application/yaml; charset=utf-8", response.getHeader("Content-Type"));
    document = new Yaml().load(response.bodyAsString());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("is OpenAPI 3.1 with info, servers and the provräkning path")
  void shape() {
    assertTrue(String.valueOf(document.get("openapi")).startsWith("3.1"));
    assertTrue(map(document, "info").containsKey("title"));
    assertFalse(((java.util.List<?>) document.get("servers")).isEmpty());
    assertTrue(map(document, "paths").containsKey("/api/v1/provrakning"));
  }

  @Test
  @DisplayName("every request example gets exactly the documented response from the server")
  void examplesAreTrue() throws Exception {
    Map<String, Object> post = map(map(map(document, "paths"), "/api/v1/provrakning"), "post");
    Map<String, Object> requests = map(map(map(map(post, "requestBody"), "content"), "application/json"), "examples");
    Map<String, Object> responses = map(post, "responses");
    int compared = 0;
    for (Map.Entry<String, Object> example : requests.entrySet()) {
      JsonObject request = new JsonObject(map(map(requests, example.getKey()), "value"));
      HttpResponse<Buffer> actual = app.client().post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
        .sendBuffer(request.toBuffer()).await(10, TimeUnit.SECONDS);
      Map<String, Object> documented = map(map(map(map(responses, String.valueOf(actual.statusCode())), "content"),
        "application/json"), "examples");
      assertTrue(documented.containsKey(example.getKey()), "no documented " + actual.statusCode() + " for " + example.getKey());
      JsonObject expected = new JsonObject(map(map(documented, example.getKey()), "value"));
      JsonObject body = actual.bodyAsJsonObject();
      expected.remove("requestId");
      body.remove("requestId");
      assertEquals(expected, body, example.getKey());
      compared++;
    }
    assertEquals(3, compared);
  }

  @Test
  @DisplayName("the documented request schema has the fields the validating JSON Schema has, at every level")
  void requestSchemaInStep() throws Exception {
    JsonObject jsonSchema;
    try (InputStream in = OpenApiTest.class.getResourceAsStream("/schemas/provrakning-request.schema.json")) {
      jsonSchema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Map<String, Object> components = map(map(document, "components"), "schemas");
    Map<String, Object> request = map(components, "ProvrakningRequest");
    assertEquals(names(jsonSchema.getJsonObject("properties").getMap()), names(map(request, "properties")));
    JsonObject properties = jsonSchema.getJsonObject("properties");
    assertEquals(names(properties.getJsonObject("persons").getJsonObject("items").getJsonObject("properties").getMap()),
      names(map(map(components, "Person"), "properties")));
    assertEquals(names(properties.getJsonObject("costs").getJsonObject("properties").getMap()),
      names(map(map(components, "Costs"), "properties")));
    assertEquals(names(properties.getJsonObject("incomes").getJsonObject("items").getJsonObject("properties").getMap()),
      names(map(map(components, "Income"), "properties")));
    assertEquals(properties.getJsonObject("persons").getJsonObject("items").getJsonObject("properties")
        .getJsonObject("role").getJsonArray("enum").getList(),
      map(map(map(components, "Person"), "properties"), "role").get("enum"));
  }

  private static Set<String> names(Map<String, Object> properties) {
    return new TreeSet<>(properties.keySet());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof Map, key + " is not an object");
    return (Map<String, Object>) value;
  }
}
