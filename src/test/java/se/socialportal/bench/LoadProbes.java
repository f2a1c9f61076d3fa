package se.socialportal.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The request kinds the load bench measures: the three baselines first, then the pages and a resident's busy moments. */
final class LoadProbes {

  /** How many probes at the head of the list are baselines, measured whatever the filter says. */
  static final int BASELINES = 3;

  /** The submission probe's name: the bench makes its residents only when the filter keeps it. */
  static final String SUBMISSION = "POST /api/v1/applications (submission: this month's application started)";

  /**
   * One request a probe sends: method, path, headers, a JSON body (or null) and the port (0: the application's; the
   * plain endpoint has its own).
   */
  record Request(HttpMethod method, String path, Map<String, String> headers, String body, int port) {
    static Request get(String path, Map<String, String> headers) {
      return new Request(HttpMethod.GET, path, headers, null, 0);
    }

    static Request post(String path, Map<String, String> headers, JsonObject body) {
      return new Request(HttpMethod.POST, path, headers, body.encode(), 0);
    }
  }

  /**
   * A kind of request to measure: a name for the table and the next request to send (from a random source, so each
   * request can be another resident's), or null when the probe has no more to send (each resident submits once).
   */
  record Probe(String name, Function<SplittableRandom, Request> next) {
  }

  private LoadProbes() {
  }

  /** The requests measured, the baselines first: the plain Vert.x endpoint, the static page, the session read. */
  static List<Probe> probes(LoadData data, int plainPort) {
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe("GET / (plain Vert.x endpoint)",
      random -> new Request(HttpMethod.GET, "/", Map.of(), null, plainPort)));
    probes.add(new Probe("GET /mina-sidor/ (static page)", random -> Request.get("/mina-sidor/", Map.of())));
    probes.add(new Probe("GET /api/v1/session (session read)", random -> Request.get("/api/v1/session",
      data.resident(random).cookie())));
    probes.add(new Probe("GET /health (one database round trip)", random -> Request.get("/health", Map.of())));
    probes.add(new Probe("GET /api/v1/cases (Mina sidor)", random -> Request.get("/api/v1/cases",
      data.resident(random).cookie())));
    probes.add(new Probe("GET /api/v1/cases/{id} (case page)", random -> {
      LoadData.Resident resident = data.resident(random);
      return Request.get("/api/v1/cases/" + resident.caseId(random), resident.cookie());
    }));
    probes.add(new Probe("GET /api/v1/casework/queue (" + data.smallQueue() + " open cases)",
      random -> Request.get("/api/v1/casework/queue", data.smallQueueStaff())));
    probes.add(new Probe("GET /api/v1/casework/queue (" + data.bigQueue() + " open cases)",
      random -> Request.get("/api/v1/casework/queue", data.bigQueueStaff())));
    // A resident starting this month's application as the e-tjänst does: the request the fault bench counts as a
    // submission. Each resident once, so the probe ends when the residents without this month's application do.
    AtomicInteger submitted = new AtomicInteger();
    probes.add(new Probe(SUBMISSION, random -> {
      int index = submitted.getAndIncrement();
      if (index >= data.submitters().size()) {
        return null;
      }
      Map<String, String> headers = new HashMap<>(data.submitters().get(index));
      headers.put("Idempotency-Key", "load-submission-" + index);
      return Request.post("/api/v1/applications", headers, new JsonObject().put("month", data.month().toString()));
    }));
    probes.add(new Probe("POST /api/v1/provrakning (provräkning, anonymous)", random -> Request.post(
      "/api/v1/provrakning", from(random), provrakning(random.nextInt(1_000_000), data.month().toString()))));
    probes.add(new Probe("POST /api/v1/login (login start: BankID order)", random -> Request.post("/api/v1/login",
      from(random), new JsonObject().put("device", random.nextInt(3) == 0 ? "other" : "same"))));
    return probes;
  }

  /**
   * The resident's own address as the proxy in front forwards it (the bench trusts loopback as that proxy): at a busy
   * moment the requests come from many addresses, so the per-address limits count as they would and refuse none.
   */
  private static Map<String, String> from(SplittableRandom random) {
    int address = random.nextInt(1 << 24);
    return Map.of("X-Forwarded-For", "10." + (address >>> 16) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff));
  }

  /** A provräkning request for the n-th synthetic household: the application's household in provräkning's terms. */
  static JsonObject provrakning(int n, String month) {
    JsonObject content = BenchHouseholds.content(n);
    JsonObject household = content.getJsonObject("household");
    JsonArray persons = new JsonArray().add(new JsonObject().put("role", "applicant")
      .put("birthDate", household.getJsonObject("applicant").getString("birthDate")));
    if (household.containsKey("coApplicant")) {
      persons.add(new JsonObject().put("role", "sambo")
        .put("birthDate", household.getJsonObject("coApplicant").getString("birthDate")));
    }
    for (Object item : household.getJsonArray("children")) {
      JsonObject child = (JsonObject) item;
      JsonObject person = new JsonObject().put("role", "child").put("birthDate", child.getString("birthDate"))
        .put("lunchOutsideHome", child.getBoolean("lunchOutsideHome"));
      if ("placed".equals(child.getString("livesHere"))) {
        person.put("placed", true);
      } else if ("partTime".equals(child.getString("livesHere"))) {
        person.put("umgangeDays", child.getInteger("daysPerMonth"));
      }
      persons.add(person);
    }
    for (Object item : household.getJsonArray("otherAdults")) {
      persons.add(new JsonObject().put("role", "otherAdult").put("birthDate", ((JsonObject) item).getString("birthDate")));
    }
    JsonArray incomes = new JsonArray();
    for (Object item : content.getJsonArray("incomes")) {
      JsonObject income = (JsonObject) item;
      JsonObject line = new JsonObject().put("type", income.getString("type")).put("amount", income.getLong("amount"));
      String type = income.getString("type");
      // Barnbidrag and bostadsbidrag are the household's; the rest is the applicant's or the sambo's.
      if (!"childAllowance".equals(type) && !"housingAllowance".equals(type)) {
        line.put("person", "coApplicant".equals(income.getString("person")) ? 1 : 0);
      }
      incomes.add(line);
    }
    JsonObject housing = content.getJsonObject("housing");
    JsonObject costs = content.getJsonObject("costs").copy().put("rent", housing.getInteger("rent"))
      .put("householdElectricity", housing.getInteger("householdElectricity"));
    return new JsonObject().put("month", month).put("persons", persons).put("costs", costs).put("incomes", incomes);
  }
}
