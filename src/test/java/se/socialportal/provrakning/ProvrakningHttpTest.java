package se.socialportal.provrakning;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.socialportal.testing.TestApp;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Provräkning over HTTP: POST /api/v1/provrakning")
class ProvrakningHttpTest {

  private static TestApp app;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = TestApp.start("provrakning", new JsonObject().put("PROVRAKNING_RATE_PER_MINUTE", "100000"));
    client = app.client();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A couple, a 4-year-old at förskola, a placed child and an adult (22) in the home. */
  static JsonObject issueExample() {
    return new JsonObject("""
      { "month": "2025-10",
        "persons": [ {"role": "applicant", "birthDate": "1985-04-02"},
                     {"role": "sambo", "birthDate": "1987-01-01"},
                     {"role": "child", "birthDate": "2021-03-01", "lunchOutsideHome": true},
                     {"role": "child", "birthDate": "2012-03-01", "placed": true},
                     {"role": "otherAdult", "birthDate": "2003-05-05"} ],
        "costs": { "rent": 8200, "householdElectricity": 450, "homeInsurance": 180, "workTravel": 930,
                   "unionAndUnemploymentFund": 420, "childcare": 620 },
        "incomes": [ {"person": 0, "type": "salary", "amount": 9000, "jobbstimulans": true},
                     {"type": "childAllowance", "amount": 2650} ] }
      """);
  }

  /** The worked example, docs/sources.md#worked-example. */
  static JsonObject workedExample() {
    return new JsonObject("""
      { "month": "2025-10",
        "persons": [ {"role": "applicant", "birthDate": "1990-05-05"},
                     {"role": "child", "birthDate": "2020-03-01", "lunchOutsideHome": true},
                     {"role": "child", "birthDate": "2013-04-01"} ],
        "costs": { "rent": 8200, "householdElectricity": 450, "homeInsurance": 180, "workTravel": 930,
                   "unionAndUnemploymentFund": 420, "childcare": 620 },
        "incomes": [ {"person": 0, "type": "salary", "amount": 9000, "jobbstimulans": true},
                     {"type": "childAllowance", "amount": 2650},
                     {"type": "maintenanceSupport", "amount": 2600},
                     {"type": "housingAllowance", "amount": 2100} ] }
      """);
  }

  static HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
    return client.post(path).putHeader("Content-Type", "application/json")
      .sendBuffer(body.toBuffer()).await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> post(JsonObject body) throws Exception {
    return post("/api/v1/provrakning", body);
  }

  @Test
  @DisplayName("a couple's example: couple 7 050 + child 2 700 + 3/4 of 2 010; rent capped at 7 300; salary with jobbstimulans → 11 758 kr")
  void issueExampleAnswer() throws Exception {
    HttpResponse<Buffer> response = post(issueExample());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("no-store", response.getHeader("Cache-Control"));
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("2025-10", body.getString("month"));
    assertEquals(11257.5, body.getDouble("riksnormTotal"));
    assertEquals(9900, body.getInteger("costsTotal"));
    assertEquals(9400, body.getInteger("incomesTotal"));
    assertEquals(11757.5, body.getDouble("exactAmount"));
    assertEquals(11758, body.getInteger("amount"));
    assertEquals("bifall", body.getString("outcome"));
    assertEquals(3, body.getInteger("householdSize"));
    assertEquals(4, body.getInteger("dwellingSize"));
    assertEquals(new JsonObject().put("riksnorm", "riksnorm-2025").put("prisbasbelopp", "prisbasbelopp-2025")
      .put("caps", "demo-caps-2025.1").put("incomeClassification", "income-classification-2025.1"),
      body.getJsonObject("ruleVersions"));
    JsonArray lines = body.getJsonArray("lines");
    assertEquals(List.of("couple", "child", "placed_child", "other_resident", "common", "cost", "cost", "cost", "cost",
        "cost", "cost", "income", "income"),
      lines.stream().map(line -> ((JsonObject) line).getString("code")).collect(Collectors.toList()));
    JsonObject couple = lines.getJsonObject(0);
    assertEquals("Personliga kostnader, sambor tillsammans – sökande och sambo", couple.getString("label"));
    assertEquals(7050, couple.getInteger("amount"));
    JsonObject common = lines.getJsonObject(4);
    assertEquals(1507.5, common.getDouble("amount"));
    assertEquals("Bostaden delas av 4 personer: hushållets andel är 3/4 av 2\u00a0010 kr (SoF 12 kap. 3 §).",
      common.getString("note"));
    JsonObject rent = lines.getJsonObject(5);
    assertEquals("rent", rent.getString("subject"));
    assertEquals(8200, rent.getInteger("entered"));
    assertEquals(7300, rent.getInteger("amount"));
    assertEquals(new JsonArray().add("capped"), rent.getJsonArray("flags"));
    JsonObject salary = lines.getJsonObject(11);
    assertEquals("Lön efter skatt – sökande", salary.getString("label"));
    assertEquals(6750, salary.getInteger("amount"));
    assertTrue(salary.getString("note").startsWith("Jobbstimulans: 25 %"), salary.getString("note"));
    assertEquals(0, lines.getJsonObject(2).getInteger("amount"), "placed child");
  }

  @Test
  @DisplayName("the worked example (docs/sources.md) gives 9 430 kr with the demo tenant's caps")
  void workedExampleAnswer() throws Exception {
    JsonObject body = post(workedExample()).bodyAsJsonObject();
    assertEquals(12730, body.getInteger("riksnormTotal"));
    assertEquals(10800, body.getInteger("costsTotal"));
    assertEquals(14100, body.getInteger("incomesTotal"));
    assertEquals(9430, body.getInteger("amount"));
    assertEquals("bifall", body.getString("outcome"));
  }

  @Test
  @DisplayName("labels and notes follow the reader's language")
  void english() throws Exception {
    JsonObject body = client.post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .putHeader("Accept-Language", "en").sendBuffer(workedExample().toBuffer()).await(10, TimeUnit.SECONDS)
      .bodyAsJsonObject();
    JsonObject child = body.getJsonArray("lines").getJsonObject(1);
    assertEquals("Personal costs, child aged 4–6 – child 1", child.getString("label"));
    assertEquals("Aged 5 during the month. Eats lunch outside the home five days a week: the amount without lunch "
      + "(SoF 12 kap. 2 §).", child.getString("note"));
  }

  @Test
  @DisplayName("income above the need: normöverskott, avslag, amount 0")
  void avslag() throws Exception {
    JsonObject body = post(new JsonObject("""
      { "month": "2026-03", "persons": [ {"role": "applicant", "birthDate": "1970-01-01"} ],
        "costs": { "rent": 5000 }, "incomes": [ {"person": 0, "type": "salary", "amount": 15000} ] }
      """)).bodyAsJsonObject();
    assertEquals("avslag", body.getString("outcome"));
    assertEquals(0, body.getInteger("amount"));
    assertEquals(4780, body.getInteger("normoverskott"), "15 000 − (5 220 + 5 000)");
    assertEquals("riksnorm-2026", body.getJsonObject("ruleVersions").getString("riksnorm"));
  }

  @Test
  @DisplayName("umgänge days and a child's own work income (optional fields)")
  void umgangeAndChildIncome() throws Exception {
    JsonObject body = post(new JsonObject("""
      { "month": "2025-10",
        "persons": [ {"role": "applicant", "birthDate": "1980-01-01"},
                     {"role": "child", "birthDate": "2009-06-01", "workIncomeEarlierThisYear": 57000},
                     {"role": "child", "birthDate": "2016-02-01", "umgangeDays": 10} ],
        "incomes": [ {"person": 1, "type": "salary", "amount": 3000} ] }
      """)).bodyAsJsonObject();
    JsonArray lines = body.getJsonArray("lines");
    assertEquals(1222.58, lines.getJsonObject(2).getDouble("amount"), "3 790 × 10/31");
    assertEquals(1200, lines.getJsonObject(4).getInteger("amount"), "3 000 less the 1 800 left of 58 800");
    assertEquals(3910 + 4920 + 1222.58 + 1770, body.getDouble("riksnormTotal"), 0.001);
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
      Arguments.of("unknown top-level field", edit(body -> body.put("nickname", "x")), "nickname", "unknown_field"),
      Arguments.of("unknown field in a person", edit(body -> { body.getJsonArray("persons").getJsonObject(1).put("shoeSize", 42); return body; }),
        "persons[1].shoeSize", "unknown_field"),
      Arguments.of("unknown cost type", edit(body -> { body.getJsonObject("costs").put("netflix", 129); return body; }),
        "costs.netflix", "unknown_field"),
      Arguments.of("impossible date 2025-02-30", edit(body -> { body.getJsonArray("persons").getJsonObject(2).put("birthDate", "2025-02-30"); return body; }),
        "persons[2].birthDate", "invalid_date"),
      Arguments.of("negative cost", edit(body -> { body.getJsonObject("costs").put("rent", -1); return body; }),
        "costs.rent", "negative"),
      Arguments.of("negative income", edit(body -> { body.getJsonArray("incomes").getJsonObject(1).put("amount", -2650); return body; }),
        "incomes[1].amount", "negative"),
      Arguments.of("öre finer than öre", edit(body -> { body.getJsonObject("costs").put("rent", 8200.125); return body; }),
        "costs.rent", "too_many_decimals"),
      Arguments.of("unknown role", edit(body -> { body.getJsonArray("persons").getJsonObject(4).put("role", "lodger"); return body; }),
        "persons[4].role", "unknown_role"),
      Arguments.of("unknown income type", edit(body -> { body.getJsonArray("incomes").getJsonObject(1).put("type", "lottery"); return body; }),
        "incomes[1].type", "unknown_income_type"),
      Arguments.of("month that does not exist", edit(body -> body.put("month", "2025-13")), "month", "invalid_month"),
      Arguments.of("text where a number belongs", edit(body -> { body.getJsonObject("costs").put("rent", "8200"); return body; }),
        "costs.rent", "wrong_type"),
      Arguments.of("missing birth date", edit(body -> { body.getJsonArray("persons").getJsonObject(1).remove("birthDate"); return body; }),
        "persons[1].birthDate", "required"),
      Arguments.of("no applicant", edit(body -> { body.getJsonArray("persons").getJsonObject(0).put("role", "otherAdult"); return body; }),
        "persons", "applicant_required"),
      Arguments.of("income of a person who is not there", edit(body -> { body.getJsonArray("incomes").getJsonObject(0).put("person", 7); return body; }),
        "incomes[0].person", "unknown_person"),
      Arguments.of("jobbstimulans on barnbidrag", edit(body -> { body.getJsonArray("incomes").getJsonObject(1).put("person", 0).put("jobbstimulans", true); return body; }),
        "incomes[1].jobbstimulans", "jobbstimulans_employment_only"),
      Arguments.of("an otherAdult who is a child", edit(body -> { body.getJsonArray("persons").getJsonObject(4).put("birthDate", "2015-01-01"); return body; }),
        "persons[4].birthDate", "not_adult"),
      Arguments.of("umgänge days beyond the month", edit(body -> { body.getJsonArray("persons").getJsonObject(2).put("umgangeDays", 31).put("lunchOutsideHome", false); body.put("month", "2025-11"); return body; }),
        "persons[2].umgangeDays", "umgange_days_exceed_month"),
      Arguments.of("lunch outside the home for an adult", edit(body -> { body.getJsonArray("persons").getJsonObject(1).put("lunchOutsideHome", true); return body; }),
        "persons[1].lunchOutsideHome", "only_for_children"));
  }

  private static JsonObject edit(UnaryOperator<JsonObject> change) {
    return change.apply(issueExample());
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidRequests")
  void refused(String description, JsonObject body, String field, String code) throws Exception {
    HttpResponse<Buffer> response = post(body);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    JsonObject error = response.bodyAsJsonObject();
    assertEquals("validation_failed", error.getString("error"));
    assertEquals(response.getHeader("X-Request-Id"), error.getString("requestId"));
    JsonArray fields = error.getJsonArray("fields");
    JsonObject named = fields.stream().map(JsonObject.class::cast).filter(f -> f.getString("field").equals(field))
      .findFirst().orElseThrow(() -> new AssertionError("no problem for " + field + " in " + fields.encode()));
    assertEquals(code, named.getString("error"), fields.encode());
    String message = named.getString("message");
    assertTrue(message != null && !message.startsWith("field.") && !message.contains("{"), message);
  }

  @Test
  @DisplayName("too many persons: the message says how many the calculation takes")
  void tooManyPersons() throws Exception {
    JsonObject body = issueExample();
    JsonArray persons = body.getJsonArray("persons");
    while (persons.size() <= 20) {
      persons.add(new JsonObject().put("role", "otherAdult").put("birthDate", "1990-01-01"));
    }
    HttpResponse<Buffer> response = post(body);
    assertEquals(400, response.statusCode(), response.bodyAsString());
    JsonObject field = response.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    assertEquals("persons", field.getString("field"));
    assertEquals("Du kan ange högst 20 stycken.", field.getString("message"));
  }

  @Test
  @DisplayName("the error text is a sentence a person understands, in their language")
  void readableErrors() throws Exception {
    JsonObject body = issueExample();
    body.getJsonArray("persons").getJsonObject(2).put("birthDate", "2025-02-30");
    JsonObject sv = post(body).bodyAsJsonObject();
    assertEquals("Datumet finns inte. Ange det som ÅÅÅÅ-MM-DD.", sv.getJsonArray("fields").getJsonObject(0).getString("message"));
    JsonObject en = client.post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .putHeader("Accept-Language", "en").sendBuffer(body.toBuffer()).await(10, TimeUnit.SECONDS).bodyAsJsonObject();
    assertEquals("There is no such date. Give it as YYYY-MM-DD.", en.getJsonArray("fields").getJsonObject(0).getString("message"));
  }

  @Test
  @DisplayName("malformed JSON is 400 malformed_json")
  void malformedJson() throws Exception {
    HttpResponse<Buffer> response = client.post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer("{\"month\": \"2025-10\", ")).await(10, TimeUnit.SECONDS);
    assertEquals(400, response.statusCode());
    assertEquals("malformed_json", response.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("a JSON array, and a body that is not JSON, are refused")
  void notAnObject() throws Exception {
    HttpResponse<Buffer> array = client.post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer("[1,2]")).await(10, TimeUnit.SECONDS);
    assertEquals(400, array.statusCode());
    assertEquals("json_object_expected", array.bodyAsJsonObject().getString("error"));
    HttpResponse<Buffer> form = client.post("/api/v1/provrakning").putHeader("Content-Type", "application/x-www-form-urlencoded")
      .sendBuffer(Buffer.buffer("month=2025-10")).await(10, TimeUnit.SECONDS);
    assertEquals(415, form.statusCode());
  }

  @Test
  @DisplayName("?tenant= picks a municipality; an unknown one is 400 naming the tenant")
  void tenant() throws Exception {
    HttpResponse<Buffer> known = post("/api/v1/provrakning?tenant=demo", workedExample());
    assertEquals(200, known.statusCode());
    assertEquals("demo", known.bodyAsJsonObject().getString("tenant"));
    HttpResponse<Buffer> unknown = post("/api/v1/provrakning?tenant=atlantis", workedExample());
    assertEquals(400, unknown.statusCode());
    JsonObject field = unknown.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    assertEquals("tenant", field.getString("field"));
    assertEquals("unknown_tenant", field.getString("error"));
    assertEquals("Kommunen atlantis finns inte i tjänsten.", field.getString("message"));
  }

  @Test
  @DisplayName("GET /api/v1/provrakning/options lists the income and cost types in the reader's language")
  void options() throws Exception {
    JsonObject body = client.get("/api/v1/provrakning/options?month=2025-10").putHeader("Accept-Language", "en")
      .send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
    assertEquals("demo", body.getString("tenant"));
    JsonObject salary = body.getJsonArray("incomeTypes").getJsonObject(0);
    assertEquals(new JsonObject().put("type", "salary").put("label", "Salary after tax").put("treatment", "counted")
      .put("employment", true), salary);
    assertEquals(8, body.getJsonArray("costTypes").size());
    assertEquals("Housing cost (rent or fee)", body.getJsonArray("costTypes").getJsonObject(0).getString("label"));
  }
}
