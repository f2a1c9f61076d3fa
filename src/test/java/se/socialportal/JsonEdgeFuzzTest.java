package se.socialportal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.http.RouterAssembly;
import se.socialportal.testing.Browser;
import se.socialportal.testing.PaperRegistrations;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded fuzz of every JSON endpoint the server mounts (enumerated from its router, so a new route is fuzzed
 * without anyone adding it here): non-object and malformed bodies, comments, wrong media types, wrong types and nulls
 * in every field the rooms read, NUL, lone surrogates and bidi controls in strings, numbers beyond a long or a double,
 * deep nesting, oversized bodies and overlong addresses — as a resident, as staff (every role) and as nobody. Every
 * answer must be below 500; every client error a JSON {error, message, requestId}; and a client error must leave the
 * row count of every table as it was. The seed is fixed: a failure is the same failure on the next run.
 */
@DisplayName("Every JSON endpoint: thousands of bad requests, no 5xx, a JSON 4xx each, nothing stored by a 4xx")
class JsonEdgeFuzzTest {

  private static final long SEED = 20_261_206L;
  private static final int BODY_LIMIT_KB = 32;
  private static final int RANDOM_BODIES = 8;
  /** Tables whose rows a refused request may legitimately add: the rate limiter counts refusals too. */
  private static final Set<String> COUNTING_REFUSALS = Set.of("rate_limit_window", "flyway_schema_history");
  /** Field names the rooms read from request bodies. */
  private static final List<String> TOP_FIELDS = List.of("month", "content", "step", "personnummer", "body", "text",
    "attachmentIds", "items", "reason", "message", "dueDate", "channel", "givenName", "surname", "applicant",
    "coApplicant", "device", "staffId", "deputyId", "from", "to", "proposalId", "motivering", "templateId",
    "lineKey", "amount", "decisionType", "label", "stickprovResult", "note", "originalDecisionId", "ground",
    "persons", "tenant");
  /** Those, the names inside an application's content, and one nobody reads. */
  private static final List<String> FIELDS = Stream.concat(TOP_FIELDS.stream(), Stream.of(
    "household", "housing", "incomes", "costs", "assets", "needs", "declaration", "children", "otherAdults",
    "birthDate", "rent", "type", "person", "id", "x")).toList();
  /** Endpoints that end what later requests need (a session, an open case) go last. */
  private static final List<String> LAST = List.of("/withdraw", "/cosign/decline", "/close", "/logout");

  private static TestApp app;
  private static final Map<String, Client> clients = new LinkedHashMap<>();
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static final List<String> tables = new ArrayList<>();

  private record Client(String name, WebClient web, String csrf) {
  }

  private record Endpoint(HttpMethod method, String path) {
  }

  private record Case(String body, String contentType, String query) {
    static Case json(String body) {
      return new Case(body, "application/json", "");
    }
  }

  /** A plausible value for each field, so that one wrong field at a time is what a handler meets. */
  private static final Map<String, Object> PLAUSIBLE = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    // Familjerätt's round (the demo data's Skatteverket notice is invited with two letters) would write rows while
    // a refused request is being checked; the fuzz outlasts its default interval on a busy machine.
    app = TestApp.start("jsonedgefuzz", new JsonObject().put("BODY_LIMIT_KB", String.valueOf(BODY_LIMIT_KB))
      .put("LOGIN_RATE_PER_MINUTE", "10000").put("PROVRAKNING_RATE_PER_MINUTE", "10000")
      .put("FAMILJERATT_CHECK_SECONDS", "3600"));
    Browser resident = new Browser(app);
    JsonObject session = ResidentLogins.login(resident, "tolvan");
    clients.put("resident", new Client("resident", resident.client(), session.getString("csrfToken")));
    StaffLogins.Staff staff = StaffLogins.login(app, "fuzz.staff", "Fuzz Staffsson", "demo", "handlaggare",
      "socialsekreterare", "gruppledare", "enhetschef", "attestant", "utskott", "admin");
    String staffCsrf = staff.browser().get("/api/v1/staff/session").bodyAsJsonObject().getString("csrfToken");
    clients.put("staff", new Client("staff", staff.browser().client(), staffCsrf));
    clients.put("nobody", new Client("nobody", app.client(), null));
    realIds(resident, staff);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Ids of things that exist, so requests reach past "not found" into the code that reads the body. */
  private static void realIds(Browser resident, StaffLogins.Staff staff) {
    List<java.time.YearMonth> open = new se.socialportal.bistand.Eligibility(app.services().clock()).openMonths();
    String draftMonth = open.get(0).toString();
    String caseMonth = open.get(open.size() - 1).toString();
    HttpResponse<Buffer> draft = send(clients.get("resident"), HttpMethod.POST, "/api/v1/applications",
      new JsonObject().put("month", draftMonth).encode(), "application/json", "fuzz-draft-0001");
    ids.put("draft", draft.bodyAsJsonObject().getString("id"));
    JsonObject registration = PaperRegistrations.tolvan(caseMonth);
    plausible(registration, caseMonth, staff);
    HttpResponse<Buffer> registered = staff.browser().post("/api/v1/casework/registrations", registration);
    String caseId = registered.statusCode() == 200
      ? registered.bodyAsJsonObject().getString("applicationId") : UUID.randomUUID().toString();
    ids.put("case", caseId);
    HttpResponse<Buffer> asked = staff.browser().post("/api/v1/casework/cases/" + caseId + "/komplettering",
      new JsonObject().put("message", "Skicka kontoutdrag.").put("items", new JsonArray().add("kontoutdrag"))
        .put("dueDate", java.time.YearMonth.parse(caseMonth).atEndOfMonth().plusDays(5).toString()));
    ids.put("komplettering", asked.statusCode() == 200 ? asked.bodyAsJsonObject().getString("id")
      : UUID.randomUUID().toString());
  }

  private static void plausible(JsonObject registration, String month, StaffLogins.Staff staff) {
    String due = java.time.YearMonth.parse(month).atEndOfMonth().plusDays(5).toString();
    JsonObject content = registration.getJsonObject("content");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("month", month);
    values.put("content", content);
    values.put("step", "review");
    values.put("personnummer", "198001019804");
    values.put("body", "Hej, här kommer underlaget.");
    values.put("text", "Här är kontoutdraget.");
    values.put("attachmentIds", new JsonArray());
    values.put("items", new JsonArray().add("kontoutdrag"));
    values.put("reason", "Kontrollerat mot hyresavtal.");
    values.put("message", "Skicka kontoutdrag.");
    values.put("dueDate", due);
    values.put("channel", "paper");
    values.put("givenName", "Pia");
    values.put("surname", "Pappersson");
    values.put("applicant", registration.getJsonObject("applicant"));
    values.put("coApplicant", null);
    values.put("device", "other");
    values.put("staffId", staff.staffId().toString());
    values.put("deputyId", staff.staffId().toString());
    values.put("from", due);
    values.put("to", due);
    values.put("proposalId", UUID.randomUUID().toString());
    values.put("motivering", "Du har rätt till bistånd.");
    values.put("templateId", "bifall");
    values.put("lineKey", "housing.rent");
    values.put("amount", 6200);
    values.put("decisionType", "forsorjningsstod");
    values.put("label", "Glasögon");
    values.put("stickprovResult", "confirmed");
    values.put("note", "Stämmer.");
    values.put("originalDecisionId", UUID.randomUUID().toString());
    values.put("ground", "felaktiga_uppgifter");
    content.forEach(entry -> values.put(entry.getKey(), entry.getValue()));
    values.put("persons", new JsonArray());
    values.put("tenant", "demo");
    PLAUSIBLE.putAll(values);
  }

  /** Values of the wrong kind for any field: a handler must answer each with a 4xx (or accept it) — never 5xx. */
  private static final List<Object> WRONG = List.of(new JsonArray().addNull(), 123, -1, new JsonObject().put("x", 1),
    true, "", new JsonArray().add(new JsonObject()).add(7).add("x"), 1.5e300, "\u202Eexe.pdf", " ");

  /** The plausible body with one field null, or given a value of the wrong kind. */
  private static String oneWrong(String field, Object value) {
    JsonObject body = new JsonObject();
    PLAUSIBLE.forEach((key, plausible) -> body.put(key, plausible instanceof JsonObject
      ? ((JsonObject) plausible).copy() : plausible instanceof JsonArray ? ((JsonArray) plausible).copy() : plausible));
    body.put(field, value);
    return body.encode();
  }

  @Test
  void everyEndpointRefusesBadInput() {
    List<Endpoint> endpoints = mountedJsonEndpoints();
    assertTrue(endpoints.size() >= 30, "the router's JSON endpoints were found: " + endpoints);
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    Map<String, Long> rows = rowCounts();
    long written = nextTransaction();
    int sent = 0;
    for (Endpoint endpoint : endpoints) {
      for (Case c : cases(endpoint, random)) {
        Client client = client(endpoint, random);
        String path = fill(endpoint.path(), random) + c.query();
        HttpResponse<Buffer> response = send(client, endpoint.method(), path, c.body(), c.contentType(),
          random.nextBoolean() ? "fuzz-" + Long.toHexString(random.nextLong()) : null);
        sent++;
        String problem = problem(response);
        long next = nextTransaction();
        Map<String, Long> after = next == written ? rows : rowCounts();
        written = next;
        if (problem == null && response.statusCode() >= 400 && !after.equals(rows)) {
          problem = "a refused request changed rows: " + changed(rows, after);
        }
        if (problem != null) {
          failures.add(endpoint.method() + " " + path + " as " + client.name() + " [" + c.contentType() + "] "
            + abbreviate(c.body()) + " → " + response.statusCode() + " " + abbreviate(response.bodyAsString())
            + ": " + problem);
        }
        rows = after;
      }
    }
    assertTrue(sent >= 2000, "thousands of requests: " + sent);
    assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " requests failed:\n"
      + failures.stream().limit(40).collect(Collectors.joining("\n")));
  }

  /** POST, PUT, PATCH and DELETE routes under /api/ of a router built exactly as the server builds its own. */
  private static List<Endpoint> mountedJsonEndpoints() {
    Services services = app.services();
    Router router = RouterAssembly.create(services.vertx(), services.http(), Routes.modules(services));
    List<Endpoint> endpoints = new ArrayList<>();
    for (Route route : RouterAssembly.routes(router)) {
      if (route.getPath() == null || !route.getPath().startsWith("/api/") || route.methods() == null) {
        continue;
      }
      for (HttpMethod method : route.methods()) {
        if (Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE).contains(method)) {
          endpoints.add(new Endpoint(method, route.getPath()));
        }
      }
    }
    endpoints.sort(Comparator.comparing((Endpoint e) -> LAST.stream().anyMatch(e.path()::endsWith))
      .thenComparing(Endpoint::path).thenComparing(e -> e.method().name()));
    return endpoints.stream().distinct().toList();
  }

  private static Client client(Endpoint endpoint, Random random) {
    if (random.nextInt(10) == 0) {
      return new ArrayList<>(clients.values()).get(random.nextInt(clients.size()));
    }
    String path = endpoint.path();
    if (path.startsWith("/api/v1/casework") || path.startsWith("/api/v1/reports") || path.startsWith("/api/v1/staff")) {
      return clients.get("staff");
    }
    if (path.startsWith("/api/v1/login") || path.startsWith("/api/v1/provrakning")) {
      return clients.get("nobody");
    }
    return clients.get("resident");
  }

  /** Path parameters: mostly things that exist (this resident's draft and case), sometimes unknown or malformed. */
  private static String fill(String template, Random random) {
    StringBuilder path = new StringBuilder();
    for (String segment : template.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      path.append('/');
      if (!segment.startsWith(":")) {
        path.append(segment);
        continue;
      }
      int pick = random.nextInt(10);
      if (pick == 0) {
        path.append("not-a-uuid");
      } else if (pick == 1) {
        path.append(UUID.randomUUID());
      } else if (segment.equals(":requestId")) {
        path.append(ids.get("komplettering"));
      } else if (segment.equals(":id") && template.startsWith("/api/v1/applications/")) {
        path.append(ids.get("draft"));
      } else if (segment.equals(":id") && !template.contains("/aterkrav/")) {
        path.append(ids.get("case"));
      } else {
        path.append(UUID.randomUUID());
      }
    }
    return path.toString();
  }

  private static List<Case> cases(Endpoint endpoint, Random random) {
    List<Case> cases = new ArrayList<>();
    for (String body : List.of("[]", "123", "\"x\"", "null", "true", "[{}]", "{", "{\"a\":}", "{\"a\":1,}",
      "{'a':1}", "{\"a\":1} x", "{/* c */\"month\":\"x\"}", "// c\n{}", "{\"a\":NaN}", "{\"a\":1,\"a\":2}",
      "\uFEFF{}", "{\"a\":\"\\ud800\"}", "{\"\\u0000\":1}")) {
      cases.add(Case.json(body));
    }
    String plain = new JsonObject().put(field(random), "x").encode();
    cases.add(new Case(plain, "text/plain", ""));
    cases.add(new Case("month=2025-01", "application/x-www-form-urlencoded", ""));
    cases.add(new Case(plain, "multipart/form-data; boundary=x", ""));
    cases.add(new Case(plain, null, ""));
    cases.add(new Case(plain, "application/json; charset=iso-8859-1", ""));
    cases.add(new Case(plain, "application/json", "?" + "q=" + "x".repeat(5000)));
    for (String number : List.of("1e400", "-1e309", "123456789012345678901234567890", "1" + "0".repeat(80),
      "9223372036854775808", "-0.0000000000000000000000001")) {
      cases.add(Case.json("{\"" + field(random) + "\":" + number + "}"));
    }
    cases.add(Case.json("{\"a\":" + "[".repeat(60) + "]".repeat(60) + "}"));
    cases.add(Case.json("{\"content\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}"));
    cases.add(Case.json("{\"body\":\"" + "x".repeat(BODY_LIMIT_KB * 1024) + "\"}"));
    for (String text : List.of("a\u0000b", "\u202Eexe.pdf", "\u2066x\u2069\u200B", "x\uDC00y")) {
      cases.add(Case.json(new JsonObject().put(field(random), text).encode()));
    }
    JsonObject nested = ((JsonObject) PLAUSIBLE.get("content")).copy();
    nested.getJsonObject("housing").put("type", "rental\u0000");
    cases.add(Case.json(new JsonObject().put("content", nested).put("month", PLAUSIBLE.get("month")).encode()));
    for (String field : TOP_FIELDS) {
      cases.add(Case.json(oneWrong(field, null)));
      cases.add(Case.json(oneWrong(field, WRONG.get(random.nextInt(WRONG.size())))));
    }
    for (int i = 0; i < RANDOM_BODIES; i++) {
      cases.add(Case.json(randomObject(random, 0).encode()));
    }
    return cases;
  }

  private static String field(Random random) {
    return FIELDS.get(random.nextInt(FIELDS.size()));
  }

  private static JsonObject randomObject(Random random, int depth) {
    JsonObject object = new JsonObject();
    int size = 1 + random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      object.put(field(random), randomValue(random, depth + 1));
    }
    return object;
  }

  private static Object randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 9 : 12);
    switch (kind) {
      case 0: return null;
      case 1: return random.nextBoolean();
      case 2: return random.nextInt(2000) - 1000;
      case 3: return Long.MAX_VALUE - random.nextInt(10);
      case 4: return random.nextDouble() * 1e6;
      case 5: return "";
      case 6: return List.of("2025-10", "2025-13-40", "19121212-1212", "x", "a\u0000b", "\u202Efdp.exe",
        UUID.randomUUID().toString(), "paper", "same", " ").get(random.nextInt(10));
      case 7: return "s".repeat(random.nextInt(5000));
      case 8: return List.of("NaN", "-1", "1e3", "0.001").get(random.nextInt(4));
      case 9:
      case 10: return randomObject(random, depth);
      default:
        JsonArray array = new JsonArray();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.add(randomValue(random, depth + 1));
        }
        return array;
    }
  }

  private static HttpResponse<Buffer> send(Client client, HttpMethod method, String path, String body,
                                           String contentType, String idempotencyKey) {
    HttpRequest<Buffer> request = client.web().request(method, app.port(), "127.0.0.1", path).followRedirects(false);
    if (client.csrf() != null) {
      request.putHeader("X-CSRF-Token", client.csrf());
    }
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    try {
      return request.sendBuffer(Buffer.buffer(body)).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " got no answer", e);
    }
  }

  /** What is wrong with the answer, or null. */
  private static String problem(HttpResponse<Buffer> response) {
    if (response.statusCode() >= 500) {
      return "server error";
    }
    if (response.statusCode() < 400) {
      return null;
    }
    String type = response.getHeader("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return "a client error without a JSON body";
    }
    JsonObject body;
    try {
      body = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return "a client error whose body is not JSON";
    }
    for (String key : List.of("error", "message", "requestId")) {
      if (body == null || body.getString(key) == null || body.getString(key).isBlank()) {
        return "no " + key + " in the error body";
      }
    }
    return null;
  }

  /**
   * The id the next writing transaction will get: unchanged means nothing was written since the last look, and the
   * rows need not be counted again (they are, whenever anything at all was written).
   */
  private static long nextTransaction() {
    try {
      return app.services().pool().query("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
        .execute().await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows in every table of the schema, in one statement. */
  private static Map<String, Long> rowCounts() {
    try {
      var pool = app.services().pool();
      if (tables.isEmpty()) {
        for (Row row : pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
          .execute().await(10, TimeUnit.SECONDS)) {
          if (!COUNTING_REFUSALS.contains(row.getString(0))) {
            tables.add(row.getString(0));
          }
        }
      }
      String sql = tables.stream().map(table -> "(SELECT count(*) FROM " + table + ") AS " + table)
        .collect(Collectors.joining(", ", "SELECT ", ""));
      Row counts = pool.query(sql).execute().await(10, TimeUnit.SECONDS).iterator().next();
      Map<String, Long> result = new LinkedHashMap<>();
      for (String table : tables) {
        result.put(table, counts.getLong(table));
      }
      return result;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String changed(Map<String, Long> before, Map<String, Long> after) {
    return after.entrySet().stream().filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
      .map(entry -> entry.getKey() + " " + before.get(entry.getKey()) + "→" + entry.getValue())
      .collect(Collectors.joining(", "));
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replace("\n", "\\n");
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
  }
}
