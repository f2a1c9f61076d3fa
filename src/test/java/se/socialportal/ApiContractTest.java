package se.socialportal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.http.ApiContract;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.RouterAssembly;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is the API: every /api/v1 route the server mounts (enumerated from a router built as the server
 * builds its own, so a new route fails here until it is described) is in it and nothing else is; every operation is
 * named and documents its errors in the uniform body; the served document is valid OpenAPI 3.1 as vertx-openapi reads
 * it; and the server checks requests against it.
 */
@DisplayName("The API contract: every route described, every description mounted, errors documented, enforced")
class ApiContractTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private static TestApp app;
  private static JsonObject document;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start("apicontract");
    HttpResponse<Buffer> served = app.client().get("/api/v1/openapi.yaml").send().await(10, TimeUnit.SECONDS);
    assertEquals(200, served.statusCode());
    document = ApiContract.parse(served.bodyAsString());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("every mounted /api/v1 route has a description, and every description a mounted route")
  void routesAndDescriptions() {
    Services services = app.services();
    Router router = RouterAssembly.create(services.vertx(), services.http(), Routes.modules(services));
    Set<String> mounted = new TreeSet<>();
    for (Route route : RouterAssembly.routes(router)) {
      String path = route.getPath();
      // Routes without methods or ending in a wildcard are the rooms' guards (session, role) in front of their routes.
      if (path == null || !path.startsWith("/api/v1/") || !route.isExactPath()
        || route.methods() == null) {
        continue;
      }
      for (HttpMethod method : route.methods()) {
        mounted.add(method.name() + " " + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}"));
      }
    }
    Set<String> described = new TreeSet<>(operations().keySet());
    assertTrue(mounted.size() >= 50, "the router's routes were found: " + mounted);
    Set<String> undescribed = new TreeSet<>(mounted);
    undescribed.removeAll(described);
    Set<String> unmounted = new TreeSet<>(described);
    unmounted.removeAll(mounted);
    assertTrue(undescribed.isEmpty(), "mounted but not in openapi.yaml: " + undescribed);
    assertTrue(unmounted.isEmpty(), "in openapi.yaml but not mounted: " + unmounted);
  }

  @Test
  @DisplayName("every operation has a unique operationId and documents its errors in the uniform error body")
  void operationsDocumented() {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    operations().forEach((name, operation) -> {
      String id = operation.getString("operationId");
      if (id == null || id.isBlank() || !ids.add(id)) {
        problems.add(name + ": no operationId, or one used twice (" + id + ")");
      }
      JsonObject responses = operation.getJsonObject("responses", new JsonObject());
      Set<String> errors = new TreeSet<>();
      for (String status : responses.fieldNames()) {
        if (status.startsWith("4") || status.startsWith("5")) {
          errors.add(status);
          JsonObject response = resolve(responses.getValue(status));
          JsonObject json = response.getJsonObject("content", new JsonObject()).getJsonObject("application/json");
          if (json == null || !isError(json.getJsonObject("schema"))) {
            problems.add(name + " " + status + ": not the uniform error body (components/schemas/Error)");
          }
        }
      }
      if (errors.isEmpty()) {
        problems.add(name + ": no error response documented");
      }
      Set<String> schemes = new HashSet<>();
      boolean open = operation.getJsonArray("security") == null;
      for (Object requirement : operation.getJsonArray("security", new JsonArray())) {
        schemes.addAll(((JsonObject) requirement).fieldNames());
        open |= ((JsonObject) requirement).isEmpty();
      }
      expect(problems, name, errors, !open && (schemes.contains("residentSession") || schemes.contains("staffSession")),
        "401", "it needs a session");
      expect(problems, name, errors, !open && schemes.contains("csrfToken"), "403", "it needs the CSRF token");
      expect(problems, name, errors, name.contains("{"), "404", "its path names something");
      boolean jsonBody = operation.getJsonObject("requestBody") != null && resolve(operation.getValue("requestBody"))
        .getJsonObject("content", new JsonObject()).containsKey("application/json");
      expect(problems, name, errors, jsonBody, "400", "it takes a JSON body");
    });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static void expect(List<String> problems, String name, Set<String> errors, boolean applies, String status,
                             String why) {
    if (applies && !errors.contains(status)) {
      problems.add(name + ": no " + status + " documented, though " + why);
    }
  }

  @Test
  @DisplayName("the served document is valid OpenAPI 3.1, and vertx-openapi loads it as the contract")
  void validOpenApi() throws Exception {
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    assertEquals(OpenAPIVersion.V3_1, version);
    SchemaRepository repository = version.getRepository(app.vertx(), "app://").await(60, TimeUnit.SECONDS);
    OutputUnit result = version.validateContract(app.vertx(), repository, document).await(60, TimeUnit.SECONDS);
    assertTrue(Boolean.TRUE.equals(result.getValid()), () -> "not valid OpenAPI 3.1: " + result.getErrors());
    ApiContract contract = ApiContract.from(app.vertx(), document).await(60, TimeUnit.SECONDS);
    assertEquals(operations().size(), contract.openApi().operations().size());
  }

  @Test
  @DisplayName("every code the contract names is a message in every language")
  void codesHaveMessages() {
    List<String> missing = new ArrayList<>();
    walk(document, (key, code) -> {
      String message = (key.equals("x-request-error") ? "error." : "field.") + code;
      for (String language : Messages.LANGUAGES) {
        if (!Messages.bundle(language).containsKey(message)) {
          missing.add(message + " (" + language + ")");
        }
      }
    });
    assertTrue(missing.isEmpty(), "no message for " + missing);
  }

  @Test
  @DisplayName("the server checks requests against the contract, after the credentials they need")
  void enforced() {
    JsonObject absence = new JsonObject().put("deputyId", "not-an-id").put("from", "2026-04-20").put("to", "2026-04-24")
      .put("reason", "Semester");
    assertEquals(401, new se.socialportal.testing.Browser(app).post("/api/v1/casework/absences", absence).statusCode());
    StaffLogins.Staff anna = StaffLogins.login(app, "contract.anna", "Anna Kontraktsson", "demo", "handlaggare");
    HttpResponse<Buffer> refused = anna.browser().post("/api/v1/casework/absences", absence);
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonObject problem = refused.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    // The room reads the id itself too, but names the field "id"; the contract names the value that is wrong.
    assertEquals("deputyId", problem.getString("field"));
    assertEquals("id_invalid", problem.getString("error"));
    HttpResponse<Buffer> wrongKind = anna.browser().post("/api/v1/casework/cases/" + java.util.UUID.randomUUID()
      + "/komplettering", new JsonObject().put("message", "Skicka kontoutdrag.").put("dueDate", "2026-04-20")
      .put("items", new JsonArray().add(7)));
    assertEquals(400, wrongKind.statusCode(), wrongKind.bodyAsString());
    assertEquals("items[0]", wrongKind.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("field"));
    assertEquals("wrong_type", wrongKind.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("error"));
  }

  /** "METHOD /path" → the operation object, for every operation in the document. */
  private static Map<String, JsonObject> operations() {
    Map<String, JsonObject> operations = new java.util.TreeMap<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String key : item.fieldNames()) {
        if (METHODS.contains(key)) {
          operations.put(key.toUpperCase(java.util.Locale.ROOT) + " " + path, item.getJsonObject(key));
        }
      }
    }
    return operations;
  }

  private static JsonObject resolve(Object node) {
    JsonObject object = (JsonObject) node;
    String ref = object.getString("$ref");
    if (ref == null) {
      return object;
    }
    Object target = document;
    for (String segment : ref.substring(2).split("/")) {
      target = ((JsonObject) target).getValue(segment);
    }
    return resolve(target);
  }

  /** The Error schema, or one that is an allOf starting from it. */
  private static boolean isError(JsonObject schema) {
    if (schema == null) {
      return false;
    }
    if ("#/components/schemas/Error".equals(schema.getString("$ref"))) {
      return true;
    }
    if (schema.getString("$ref") != null) {
      return isError(resolve(schema));
    }
    JsonArray all = schema.getJsonArray("allOf");
    return all != null && !all.isEmpty() && isError(all.getJsonObject(0));
  }

  private static void walk(Object node, java.util.function.BiConsumer<String, String> codes) {
    if (node instanceof JsonObject) {
      for (Map.Entry<String, Object> entry : (JsonObject) node) {
        if ((entry.getKey().equals("x-error") || entry.getKey().equals("x-request-error"))
          && entry.getValue() instanceof String) {
          codes.accept(entry.getKey(), (String) entry.getValue());
        } else {
          walk(entry.getValue(), codes);
        }
      }
    } else if (node instanceof JsonArray) {
      ((JsonArray) node).forEach(value -> walk(value, codes));
    }
  }
}
