package se.socialportal.casework;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Who sees which case: tenants, protected identities, and an audit row for every read")
class CaseAccessTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff sam;
  private static StaffLogins.Staff greta;
  private static StaffLogins.Staff nils;

  @BeforeAll
  static void start() {
    app = TestApp.start("caseaccess", new JsonObject().put("DEMO_DATA", "false"));
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    // The tenants come from robots/tenants/ (TenantSync at startup).
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    sam = StaffLogins.login(app, "sam.socialsekreterare", "Sam Sekreterarsson", "demo", "socialsekreterare");
    greta = StaffLogins.login(app, "greta.gruppledare", "Greta Gruppledarsson", "demo", "gruppledare");
    nils = StaffLogins.login(app, "nils.granne", "Nils Grannsson", "grannkommun", "handlaggare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonArray queue(StaffLogins.Staff staff, String query) {
    HttpResponse<Buffer> response = staff.browser().get("/api/v1/casework/queue" + query);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("items");
  }

  private static boolean lists(JsonArray items, CaseFixtures.Case c) {
    return items.stream().anyMatch(item -> ((JsonObject) item).getString("applicationId").equals(c.applicationId().toString()));
  }

  @Test
  @DisplayName("another municipality's case is 404 for every action and absent from the queue")
  void tenantIsolation() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Olle", "Demosson", "none", List.of("INCOME_CHANGE"));
    String base = "/api/v1/casework/cases/" + c.applicationId();
    assertFalse(lists(queue(nils, ""), c));
    assertEquals(404, nils.browser().get(base).statusCode());
    assertEquals(404, nils.browser().post(base + "/claim", null).statusCode());
    assertEquals(404, nils.browser().post(base + "/warnings/" + c.warningIds().get(0) + "/acknowledge", null).statusCode());
    assertEquals(404, nils.browser().post(base + "/approve", new JsonObject().put("proposalId", c.proposalId().toString()))
      .statusCode());
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision WHERE application_id = $1", c.applicationId()));
    assertTrue(lists(queue(anna, ""), c));
    assertEquals(404, anna.browser().get("/api/v1/casework/cases/not-a-uuid").statusCode());
  }

  @Test
  @DisplayName("a protected household's case is 404 until a gruppledare gives named access; no address is ever shown")
  void protectedIdentity() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Sara", "Skyddsson", "skyddad_folkbokforing",
      List.of("PROTECTED_IDENTITY"), new JsonArray().add(CaseFixtures.line("riksnorm", "single", "Personliga kostnader", 3940)),
      new JsonObject().put("folkbokforing", new JsonObject().put("address", "Hemliga gatan 7")
        .put("postalCode", "12345").put("city", "Hemlighult")));
    String base = "/api/v1/casework/cases/" + c.applicationId();
    assertEquals(404, anna.browser().get(base).statusCode());
    assertEquals(404, anna.browser().post(base + "/claim", null).statusCode());
    assertFalse(lists(queue(anna, ""), c));
    assertEquals(404, greta.browser().get(base).statusCode(), "the gruppledare is not assigned either");

    JsonObject masked = queue(greta, "").stream().map(JsonObject.class::cast)
      .filter(item -> item.getString("applicationId").equals(c.applicationId().toString())).findFirst().orElseThrow();
    assertTrue(masked.getBoolean("masked"));
    assertNull(masked.getString("household"), "a masked row has no name");
    assertFalse(masked.encode().contains("Skyddsson"));

    HttpResponse<Buffer> given = greta.browser().post(base + "/assign", new JsonObject().put("staffId", anna.staffId().toString()));
    assertEquals(200, given.statusCode(), given.bodyAsString());
    JsonObject assigned = queue(greta, "").stream().map(JsonObject.class::cast)
      .filter(item -> item.getString("applicationId").equals(c.applicationId().toString())).findFirst().orElseThrow();
    assertTrue(assigned.getBoolean("masked"), "still masked for the gruppledare, who was not given access");
    assertEquals(anna.staffId().toString(), assigned.getString("ownerId"));
    assertEquals("Anna Handläggarsson", assigned.getString("ownerName"), "the queue says who was given the case");
    assertFalse(assigned.encode().contains("Skyddsson"));
    HttpResponse<Buffer> view = anna.browser().get(base);
    assertEquals(200, view.statusCode());
    String json = view.bodyAsString();
    assertTrue(json.contains("Skyddsson"));
    assertFalse(json.contains("Hemliga gatan") || json.contains("12345") || json.contains("Hemlighult"), json);
    assertTrue(json.contains(AddressMask.MASK));
    assertEquals(404, sam.browser().get(base).statusCode(), "a colleague without access still gets 404");
  }

  @Test
  @DisplayName("every read of a case and of the queue writes audit rows naming the staff member, person and case")
  void auditRowsForEveryRead() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Lisa", "Loggsson", "none", List.of());
    String base = "/api/v1/casework/cases/" + c.applicationId();
    long before = fixtures.count("SELECT count(*) FROM audit_event WHERE person_id = $1 AND action = 'case.read'",
      c.personId());
    assertEquals(200, anna.browser().get(base).statusCode());
    assertEquals(200, anna.browser().get(base).statusCode());
    assertEquals(before + 2, fixtures.count("SELECT count(*) FROM audit_event WHERE person_id = $1 AND action = "
      + "'case.read' AND actor_staff_id = $2 AND case_id = $3 AND tenant_id = 'demo'", c.personId(), anna.staffId(),
      c.applicationId()));
    queue(sam, "");
    assertTrue(fixtures.count("SELECT count(*) FROM audit_event WHERE person_id = $1 AND action = 'queue.read' "
      + "AND actor_staff_id = $2", c.personId(), sam.staffId()) >= 1);
    assertEquals(200, anna.browser().post(base + "/claim", null).statusCode());
    assertEquals(1, fixtures.count("SELECT count(*) FROM audit_event WHERE person_id = $1 AND action = 'case.assign'",
      c.personId()));
    assertEquals(409, sam.browser().post(base + "/claim", null).statusCode(), "a claimed case is not taken over by claiming");
  }

  @Test
  @DisplayName("the queue filters and sorts; an unknown filter is refused")
  void queueFilters() {
    CaseFixtures.Case stickprov = fixtures.submitted("demo", "Stig", "Stickprovsson", "none", List.of("STICKPROV"));
    fixtures.rows("UPDATE beslutsforslag SET stickprov = true WHERE id = $1", io.vertx.sqlclient.Tuple.of(stickprov.proposalId()));
    CaseFixtures.Case plain = fixtures.submitted("demo", "Vanja", "Vanligsson", "none", List.of());
    JsonArray onlyStickprov = queue(anna, "?stickprov=true");
    assertTrue(lists(onlyStickprov, stickprov));
    assertFalse(lists(onlyStickprov, plain));
    assertTrue(lists(queue(anna, "?warnings=true"), stickprov));
    assertFalse(lists(queue(anna, "?warnings=true"), plain));
    assertEquals(200, sam.browser().post("/api/v1/casework/cases/" + plain.applicationId() + "/claim", null).statusCode());
    assertTrue(lists(queue(sam, "?owner=me"), plain));
    assertFalse(lists(queue(anna, "?owner=none"), plain));
    assertEquals(400, anna.browser().get("/api/v1/casework/queue?sort=name").statusCode());
    JsonObject item = queue(anna, "?sort=age").getJsonObject(0);
    assertTrue(item.containsKey("dueDate") && item.containsKey("ageDays") && item.containsKey("unit"), item.encode());
  }
}
