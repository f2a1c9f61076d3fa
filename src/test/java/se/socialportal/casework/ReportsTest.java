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
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Control reports: the delegationsbeslut list for the nämnd and loggkontroll")
class ReportsTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff erik;
  private static String today;

  @BeforeAll
  static void start() {
    app = TestApp.start("reports", new JsonObject().put("DEMO_DATA", "false"));
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    today = app.clock().today().toString();
    // The tenants come from robots/tenants/ (TenantSync at startup).
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    erik = StaffLogins.login(app, "erik.enhetschef", "Erik Enhetschefsson", "demo", "enhetschef");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void approve(StaffLogins.Staff staff, CaseFixtures.Case c) {
    HttpResponse<Buffer> approved = staff.browser().post("/api/v1/casework/cases/" + c.applicationId() + "/approve",
      new JsonObject().put("proposalId", c.proposalId().toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
  }

  @Test
  @DisplayName("delegationsbeslut: Ärendetyp, Beslutsperiod, Beslutsdatum, Beslutsfattare, with totals and no personnummer")
  void delegationsbeslut() {
    approve(anna, fixtures.submitted("demo", "Alma", "Ettsson", "none", List.of()));
    approve(erik, fixtures.submitted("demo", "Bo", "Tvåsson", "none", List.of(), 15_000));
    HttpResponse<Buffer> forbidden = anna.browser().get("/api/v1/reports/delegationsbeslut.csv?from=" + today + "&to=" + today);
    assertEquals(403, forbidden.statusCode());
    HttpResponse<Buffer> response = erik.browser().get("/api/v1/reports/delegationsbeslut.csv?from=" + today + "&to=" + today);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").startsWith("text/csv"));
    String csv = response.bodyAsString();
    List<String> lines = csv.lines().toList();
    assertEquals("\uFEFFDelegationsbeslut", lines.get(0));
    assertEquals("Ärendetyp;Beslutsperiod;Beslutsdatum;Beslutsfattare", lines.get(3));
    assertTrue(lines.contains("Bistånd 12 kap. 1 § SoL Ek.B försörjningsstöd;2026-03-01 - 2026-03-31;" + today
      + ";Anna Handläggarsson (Handläggare)"), csv);
    assertTrue(lines.contains("Bistånd 12 kap. 1 § SoL Ek.B livsföring i övrigt;2026-03-01 - 2026-03-31;" + today
      + ";Erik Enhetschefsson (Enhetschef)"), csv);
    assertTrue(lines.contains("Antal beslut 3"), csv);
    assertTrue(lines.contains("Antal beslutsfattare 2"), csv);
    assertFalse(csv.matches("(?s).*(19|20)[0-9]{10}.*"), "no personnummer");
    assertFalse(csv.contains("Ettsson") || csv.contains("Tvåsson"), "the list names deciders, not parties");
  }

  private static void draw(CaseFixtures.Case c, boolean sampled) {
    fixtures.rows("INSERT INTO stickprov_draw (application_id, tenant_id, application_version, rule_version, percent, "
      + "draw, sampled, reason, requested_items, request_message, due_at, drawn_at) VALUES ($1, 'demo', 1, 'test', 5, $2, "
      + "$3, 'test', '[]'::jsonb, $4, $5, $6)", Tuple.of(c.applicationId(), sampled ? 1.5 : 50.0, sampled,
      sampled ? "Skicka kontoutdrag." : null, sampled ? fixtures.now().plusDays(7) : null, fixtures.now()));
  }

  @Test
  @DisplayName("a stickprov is acknowledged with its result, and the nämnd sees drawn, sampled and results per channel")
  void stickprovResultAndReport() {
    CaseFixtures.Case sampled = fixtures.submitted("demo", "Stina", "Stickprovsdotter", "none", List.of("STICKPROV"));
    draw(sampled, true);
    draw(fixtures.submitted("demo", "Sven", "Osampladsson", "none", List.of()), false);
    String acknowledge = "/api/v1/casework/cases/" + sampled.applicationId() + "/warnings/"
      + sampled.warningIds().get(0) + "/acknowledge";

    HttpResponse<Buffer> noResult = anna.browser().post(acknowledge, new JsonObject());
    assertEquals(400, noResult.statusCode(), noResult.bodyAsString());
    assertTrue(noResult.bodyAsString().contains("stickprovResult"), noResult.bodyAsString());
    HttpResponse<Buffer> noNote = anna.browser().post(acknowledge,
      new JsonObject().put("stickprovResult", "discrepancy"));
    assertEquals(400, noNote.statusCode(), noNote.bodyAsString());
    assertTrue(noNote.bodyAsString().contains("Beskriv avvikelsen"), noNote.bodyAsString());
    assertEquals(0L, fixtures.one("SELECT count(*) FROM case_warning WHERE id = $1 AND acknowledged_at IS NOT NULL",
      Tuple.of(sampled.warningIds().get(0))).getLong(0), "a refused acknowledgement leaves the warning open");

    HttpResponse<Buffer> recorded = anna.browser().post(acknowledge, new JsonObject()
      .put("stickprovResult", "discrepancy").put("note", "Kontoutdraget visar Swish-insättningar på 3 000 kr."));
    assertEquals(200, recorded.statusCode(), recorded.bodyAsString());
    JsonObject view = anna.browser().get("/api/v1/casework/cases/" + sampled.applicationId()).bodyAsJsonObject();
    JsonObject stickprov = view.getJsonObject("stickprov");
    assertEquals("discrepancy", stickprov.getString("result"));
    assertEquals("Anna Handläggarsson", stickprov.getString("resultBy"));
    assertTrue(stickprov.getString("resultNote").contains("Swish"));
    assertTrue(view.getJsonObject("proposal").getBoolean("allWarningsAcknowledged"));

    HttpResponse<Buffer> forbidden = anna.browser().get("/api/v1/reports/stickprov?from=" + today + "&to=" + today);
    assertEquals(403, forbidden.statusCode());
    HttpResponse<Buffer> report = erik.browser().get("/api/v1/reports/stickprov?from=" + today + "&to=" + today);
    assertEquals(200, report.statusCode(), report.bodyAsString());
    JsonArray channels = report.bodyAsJsonObject().getJsonArray("channels");
    assertEquals(List.of("digital", "paper", "assisted"),
      channels.stream().map(channel -> ((JsonObject) channel).getString("channel")).toList());
    JsonObject digital = channels.getJsonObject(0);
    assertEquals(2L, digital.getLong("drawn"));
    assertEquals(1L, digital.getLong("sampled"));
    assertEquals(1L, digital.getLong("discrepancy"));
    assertEquals(0L, digital.getLong("pending"));
    assertEquals(50.0, digital.getDouble("sampledPercent"));
    assertEquals(0L, channels.getJsonObject(1).getLong("drawn"), "no paper applications this day");
  }

  @Test
  @DisplayName("loggkontroll flags access to a person without an open case and to a protected identity")
  void loggkontroll() {
    CaseFixtures.Case open = fixtures.submitted("demo", "Cilla", "Öppensson", "none", List.of());
    CaseFixtures.Case closed = fixtures.submitted("demo", "Dan", "Stängdsson", "none", List.of());
    fixtures.rows("UPDATE application SET status = 'withdrawn' WHERE id = $1", Tuple.of(closed.applicationId()));
    CaseFixtures.Case hidden = fixtures.submitted("demo", "Eva", "Skyddsdotter", "sekretessmarkering", List.of());
    fixtures.rows("INSERT INTO case_assignment (tenant_id, application_id, staff_id, kind, assigned_by) "
      + "VALUES ('demo', $1, $2, 'access', $2)", Tuple.of(hidden.applicationId(), anna.staffId()));
    for (CaseFixtures.Case c : List.of(open, closed, hidden)) {
      assertEquals(200, anna.browser().get("/api/v1/casework/cases/" + c.applicationId()).statusCode());
    }
    assertEquals(403, anna.browser().get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today).statusCode());
    HttpResponse<Buffer> response = erik.browser().get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today
      + "&staffId=" + anna.staffId());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray entries = response.bodyAsJsonObject().getJsonArray("entries");
    JsonObject openRead = find(entries, open, "case.read");
    JsonObject closedRead = find(entries, closed, "case.read");
    JsonObject hiddenRead = find(entries, hidden, "case.read");
    assertFalse(openRead.getBoolean("flagNoOpenCase"));
    assertFalse(openRead.getBoolean("flagProtectedIdentity"));
    assertTrue(closedRead.getBoolean("flagNoOpenCase"));
    assertTrue(hiddenRead.getBoolean("flagProtectedIdentity"));
    assertEquals("Anna Handläggarsson", openRead.getString("staff"));
    assertEquals(0, entries.stream().map(JsonObject.class::cast)
      .filter(entry -> !entry.getString("staffId").equals(anna.staffId().toString())).count(), "filtered on Anna");
    HttpResponse<Buffer> person = erik.browser().get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today
      + "&personId=" + closed.personId());
    assertTrue(person.bodyAsJsonObject().getJsonArray("entries").stream().map(JsonObject.class::cast)
      .allMatch(entry -> entry.getString("personId").equals(closed.personId().toString())));
    assertEquals(400, erik.browser().get("/api/v1/reports/loggkontroll?from=2026-01-01&to=2025-01-01").statusCode());
  }

  @Test
  @DisplayName("loggkontroll shows refused attempts: every 404 on a protected case not one's own, also as CSV in local time")
  void refusedAccessIsLogged() {
    CaseFixtures.Case hidden = fixtures.submitted("demo", "Rut", "Nekadsdotter", "skyddad_folkbokforing", List.of());
    String base = "/api/v1/casework/cases/" + hidden.applicationId();
    assertEquals(404, anna.browser().get(base).statusCode());
    assertEquals(404, anna.browser().post(base + "/claim", null).statusCode());
    assertEquals(404, anna.browser().get("/api/v1/casework/cases/" + java.util.UUID.randomUUID()).statusCode(),
      "no case: nothing to log");
    assertEquals(2, fixtures.count("SELECT count(*) FROM audit_event WHERE case_id = $1 AND action = 'case.access_refused' "
      + "AND actor_staff_id = $2 AND person_id = $3", hidden.applicationId(), anna.staffId(), hidden.personId()));

    HttpResponse<Buffer> response = erik.browser().get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today
      + "&action=case.access_refused");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject report = response.bodyAsJsonObject();
    JsonArray entries = report.getJsonArray("entries");
    JsonObject refused = find(entries, hidden, "case.access_refused");
    assertTrue(refused.getBoolean("refused"));
    assertTrue(refused.getBoolean("flagProtectedIdentity"));
    assertTrue(entries.stream().map(JsonObject.class::cast).allMatch(entry -> entry.getBoolean("refused")),
      "filtered on the kind of event");
    assertTrue(report.getJsonArray("actions").contains("case.access_refused"), report.encode());
    String local = app.clock().instant().atZone(java.time.ZoneId.of("Europe/Stockholm")).toLocalDate().toString();
    assertTrue(refused.getString("localTime").startsWith(local), refused.encode());
    assertEquals(400, erik.browser().get("/api/v1/reports/loggkontroll?from=" + today + "&to=" + today
      + "&action=DROP").statusCode());

    HttpResponse<Buffer> csv = erik.browser().get("/api/v1/reports/loggkontroll.csv?from=" + today + "&to=" + today
      + "&action=case.access_refused");
    assertEquals(200, csv.statusCode(), csv.bodyAsString());
    assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
    List<String> lines = csv.bodyAsString().lines().toList();
    assertEquals("\uFEFFLoggkontroll", lines.get(0));
    assertTrue(lines.stream().anyMatch(line -> line.contains("Rut Nekadsdotter") && line.endsWith(";ja;ja")),
      csv.bodyAsString());
    assertFalse(csv.bodyAsString().matches("(?s).*(19|20)[0-9]{10}.*"), "no personnummer");
    assertEquals(403, anna.browser().get("/api/v1/reports/loggkontroll.csv?from=" + today + "&to=" + today).statusCode());
  }

  @Test
  @DisplayName("the delegationsbeslut rows for the page, filtered on one decider; stickprov as CSV; staff for the filter")
  void reportPagesData() {
    approve(anna, fixtures.submitted("demo", "Gun", "Radsson", "none", List.of()));
    HttpResponse<Buffer> rows = erik.browser().get("/api/v1/reports/delegationsbeslut?from=" + today + "&to=" + today
      + "&staffId=" + anna.staffId());
    assertEquals(200, rows.statusCode(), rows.bodyAsString());
    JsonArray list = rows.bodyAsJsonObject().getJsonArray("rows");
    assertFalse(list.isEmpty());
    assertTrue(list.stream().map(JsonObject.class::cast)
      .allMatch(row -> row.getString("beslutsfattare").equals("Anna Handläggarsson (Handläggare)")), list.encode());
    HttpResponse<Buffer> stickprov = erik.browser().get("/api/v1/reports/stickprov.csv?from=" + today + "&to=" + today);
    assertEquals(200, stickprov.statusCode(), stickprov.bodyAsString());
    assertTrue(stickprov.bodyAsString().contains("Kanal;Prövade;Stickprov;Andel (%);Bekräftade;Avvikelse;Ej kontrollerade"));
    HttpResponse<Buffer> staff = erik.browser().get("/api/v1/reports/staff");
    assertEquals(200, staff.statusCode());
    assertTrue(staff.bodyAsString().contains("Anna Handläggarsson"));
    assertEquals(403, anna.browser().get("/api/v1/reports/staff").statusCode());
  }

  private static JsonObject find(JsonArray entries, CaseFixtures.Case c, String action) {
    return entries.stream().map(JsonObject.class::cast)
      .filter(entry -> entry.getString("caseId").equals(c.applicationId().toString()) && entry.getString("action").equals(action))
      .findFirst().orElseThrow(() -> new AssertionError("no " + action + " for " + c.applicationId() + " in " + entries));
  }
}
