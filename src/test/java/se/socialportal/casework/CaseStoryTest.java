package se.socialportal.casework;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.robot.Content;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The case view tells one story: the application, the calculation's stated amounts and the register data")
class CaseStoryTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff greta;

  @BeforeAll
  static void start() {
    // With the demo data: its cases are read as a handläggare reads them.
    app = TestApp.start("casestory", new JsonObject());
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    greta = StaffLogins.login(app, "greta.gruppledare", "Greta Gruppledarsson", "demo", "gruppledare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject view(StaffLogins.Staff staff, UUID applicationId) {
    HttpResponse<Buffer> response = staff.browser().get("/api/v1/casework/cases/" + applicationId);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static JsonObject line(JsonObject view, String key) {
    return view.getJsonObject("proposal").getJsonObject("calculation").getJsonArray("lines").stream()
      .map(JsonObject.class::cast).filter(line -> key.equals(line.getString("key"))).findFirst().orElse(null);
  }

  private static BigDecimal entered(JsonObject view, String key) {
    return new BigDecimal(line(view, key).getString("entered"));
  }

  private static UUID demoCase(String surname) {
    return fixtures.one("SELECT a.id FROM application a JOIN person p ON p.id = a.applicant_id WHERE p.surname = $1",
      Tuple.of(surname)).getUUID("id");
  }

  /** Every stated amount in the calculation is the application's, and every amount the application states is there. */
  private static void assertOneStory(JsonObject view) {
    Content content = new Content(view.getJsonObject("application"));
    JsonArray lines = view.getJsonObject("proposal").getJsonObject("calculation").getJsonArray("lines");
    Map<String, BigDecimal> costs = content.costs();
    costs.forEach((type, amount) -> {
      JsonObject line = line(view, "cost:" + type);
      assertNotNull(line, "the application's " + type + " is in the calculation");
      assertEquals(0, amount.compareTo(new BigDecimal(line.getString("entered"))), type);
    });
    for (Object item : lines) {
      JsonObject line = (JsonObject) item;
      if ("cost".equals(line.getString("section"))) {
        String type = line.getString("key").substring("cost:".length());
        assertTrue(costs.containsKey(type), "a cost in the calculation is in the application: " + type);
      }
    }
    long incomeLines = lines.stream().map(JsonObject.class::cast)
      .filter(line -> "income".equals(line.getString("section")) && line.getValue("entered") != null).count();
    assertEquals(content.incomes().size(), incomeLines, "stated incomes: " + view.getJsonObject("application").encode());
  }

  @Test
  @DisplayName("a proposal that stored other amounts than the application shows the application's in \"Angivet\"")
  void statedAmountsComeFromTheApplication() {
    JsonArray lines = new JsonArray()
      .add(CaseFixtures.line("riksnorm", "single", "Personliga kostnader, ensamstående", 3940))
      .add(CaseFixtures.line("cost", "rent", "Hyra", 6500).put("entered", 6500))
      .add(CaseFixtures.line("cost", "householdElectricity", "Hushållsel", 320).put("entered", 320))
      .add(CaseFixtures.line("income", "salary", "Lön", 4200).put("entered", 4200));
    CaseFixtures.Case c = fixtures.submitted("demo", "Vera", "Tvåsson", "none", List.of(), lines, new JsonObject());
    fixtures.rows("UPDATE application SET content = $1 WHERE id = $2", Tuple.of(new JsonObject()
      .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate", "1990-01-01")))
      .put("housing", new JsonObject().put("type", "rental").put("rent", 6000).put("householdElectricity", 300))
      .put("incomes", new JsonArray()).put("costs", new JsonObject()).put("declaration", true), c.applicationId()));

    JsonObject view = view(anna, c.applicationId());
    assertEquals(6000, view.getJsonObject("application").getJsonObject("housing").getInteger("rent"));
    assertEquals(0, new BigDecimal("6000").compareTo(entered(view, "cost:rent")), "the rent the application states");
    assertEquals(0, new BigDecimal("300").compareTo(entered(view, "cost:householdElectricity")));
    assertNull(line(view, "income:salary").getValue("entered"), "the application states no salary");
  }

  @Test
  @DisplayName("the demo's cases: the application and the calculation agree, and last month is what the comparison says")
  void demoCasesAgree() {
    for (String surname : List.of("Ungsson", "Stickprovsson")) {
      JsonObject view = view(anna, demoCase(surname));
      assertOneStory(view);
      JsonObject comparison = view.getJsonObject("proposal").getJsonObject("comparison");
      JsonObject previous = view.getJsonObject("previousMonth");
      assertEquals(previous == null, comparison.getString("baselineApplicationId") == null,
        "the comparison and \"last month\" speak of the same application: " + comparison.encode());
    }
  }

  @Test
  @DisplayName("register data is a table: source, period, type, amount and what the robot did with it")
  void registerTable() {
    JsonObject ylva = view(anna, demoCase("Ungsson"));
    JsonArray rows = ylva.getJsonObject("proposal").getJsonArray("registerTable");
    JsonObject salary = rows.stream().map(JsonObject.class::cast)
      .filter(row -> "salary".equals(row.getString("type"))).findFirst().orElseThrow(() -> new AssertionError(rows.encode()));
    assertEquals("Skatteverket", salary.getString("source"));
    assertEquals(app.clock().today().toString().substring(0, 7), salary.getString("period"));
    assertEquals("4800", salary.getString("value"));
    assertEquals("4200", salary.getString("declared"));
    assertEquals("mismatch", salary.getString("handling"), "the robot's warning is named on the row");
  }

  @Test
  @DisplayName("a protected household: its amounts are shown (no NaN), only its address is masked")
  void protectedAmountsAreShown() {
    UUID signe = demoCase("Skyddad");
    HttpResponse<Buffer> given = greta.browser().post("/api/v1/casework/cases/" + signe + "/assign",
      new JsonObject().put("staffId", anna.staffId().toString()));
    assertEquals(200, given.statusCode(), given.bodyAsString());
    JsonObject view = view(anna, signe);
    assertEquals(310, view.getJsonObject("application").getJsonObject("housing").getInteger("householdElectricity"));
    assertEquals(0, new BigDecimal("310").compareTo(entered(view, "cost:householdElectricity")));
    assertOneStory(view);
    String json = view.encode();
    assertFalse(json.contains("Hemliga"), json);
    assertTrue(json.contains(AddressMask.MASK));
  }
}
