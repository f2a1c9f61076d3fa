package se.socialportal.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.admin.NamndFixtures.at;

/**
 * The nyckeltal and IVO routes over HTTP on the whole server (clock: 15 April 2026): only the municipality's admin and
 * enhetschef read them, others get 403 and the refusal is in the access log, a neighbouring municipality's admin sees
 * only their own; the CSV and PDF carry the figures; staff record a reason and interim measure.
 * <p>February 2026 (demo): Tolvan's household with 7 520,00 granted; a decision of 10 January (three months ended
 * 10 April) not executed. grannkommun: a decision of 5 January not executed.
 */
@DisplayName("Nyckeltal and IVO over HTTP: roles, municipalities, CSV, PDF, notes")
class NamndReportsHttpTest {

  private static TestApp app;
  private static NamndFixtures fixtures;
  private static Browser admin;
  private static Browser enhetschef;
  private static Browser neighbour;
  private static StaffLogins.Staff handlaggare;
  private static UUID late;
  private static UUID neighbourLate;
  private static UUID paid;

  @BeforeAll
  static void start() {
    app = TestApp.start("namndreports");
    fixtures = new NamndFixtures(app.vertx(), app.database());
    UUID tolvan = fixtures.person("191212121212");
    UUID february = fixtures.application("demo", YearMonth.of(2026, 2), "new", "digital", "decided", tolvan, null,
      true, "full");
    fixtures.decision("demo", february, "forsorjningsstod", "bifall", "7520.00", "bifall_norm",
      at("2026-01-28T10:00"));
    UUID testa = fixtures.person("198001019804");
    UUID january = fixtures.application("demo", YearMonth.of(2026, 1), "new", "paper", "decided", testa, null, true);
    late = fixtures.decision("demo", january, "forsorjningsstod", "bifall", "6100.00", "bifall_norm",
      at("2026-01-10T10:00"));
    UUID ylva = fixtures.person(NamndFixtures.personnummer("19900303", "345"));
    UUID executed = fixtures.application("demo", YearMonth.of(2026, 1), "new", "digital", "paid", ylva, null, true);
    paid = fixtures.decision("demo", executed, "forsorjningsstod", "bifall", "4000.00", "bifall_norm",
      at("2026-01-08T10:00"));
    fixtures.paid("demo", executed, paid, ylva, "forsorjningsstod", "4000.00", java.time.LocalDate.of(2026, 1, 25));
    UUID other = fixtures.person(NamndFixtures.personnummer("19800808", "456"));
    UUID theirs = fixtures.application("grannkommun", YearMonth.of(2026, 1), "new", "digital", "decided", other, null,
      true);
    neighbourLate = fixtures.decision("grannkommun", theirs, "forsorjningsstod", "bifall", "5000.00", "bifall_norm",
      at("2026-01-05T10:00"));
    admin = StaffLogins.login(app, "ada", "Ada Administratörsson", "demo", "admin").browser();
    enhetschef = StaffLogins.login(app, "erik", "Erik Enhetschefsson", "demo", "enhetschef").browser();
    neighbour = StaffLogins.login(app, "gunnar", "Gunnar Granne", "grannkommun", "admin").browser();
    handlaggare = StaffLogins.login(app, "anna", "Anna Handläggarsson", "demo", "handlaggare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("a handläggare is refused (403) and the refusal is in the access log; admin and enhetschef are not")
  void roles() {
    for (String path : new String[] {"/api/v1/admin/nyckeltal?month=2026-02", "/api/v1/admin/ivo?quarter=2026-Q2",
      "/api/v1/admin/nyckeltal.csv?month=2026-02", "/api/v1/admin/ivo.pdf?quarter=2026-Q2"}) {
      HttpResponse<Buffer> refused = handlaggare.browser().get(path);
      assertEquals(403, refused.statusCode(), path);
      assertEquals("forbidden", refused.bodyAsJsonObject().getString("error"));
      assertEquals(200, admin.get(path).statusCode(), path);
      assertEquals(200, enhetschef.get(path).statusCode(), path);
    }
    assertEquals(4, fixtures.one("SELECT count(*) FROM audit_event WHERE action = 'report.access_refused' "
      + "AND actor_staff_id = $1", Tuple.of(handlaggare.staffId())).getLong(0));
    assertEquals(403, enhetschef.post("/api/v1/admin/nyckeltal/snapshots", new JsonObject().put("month", "2026-01"))
      .statusCode(), "storing a month is the administrator's");
    HttpResponse<Buffer> stored = admin.post("/api/v1/admin/nyckeltal/snapshots", new JsonObject().put("month",
      "2026-01"));
    assertEquals(200, stored.statusCode(), stored.bodyAsString());
    assertEquals("staff", stored.bodyAsJsonObject().getString("computedBy"));
    assertEquals(403, handlaggare.browser().post("/api/v1/admin/ivo/decisions/" + late + "/note",
      new JsonObject().put("reason", "Försök.")).statusCode());
  }

  @Test
  @DisplayName("each municipality's admin sees only their own households and decisions")
  void municipalities() {
    JsonObject ours = admin.get("/api/v1/admin/ivo?quarter=2026-Q2").bodyAsJsonObject();
    assertEquals(1, ours.getInteger("count"));
    assertEquals(late.toString(), ours.getJsonArray("items").getJsonObject(0).getString("decisionId"));
    JsonObject theirs = neighbour.get("/api/v1/admin/ivo?quarter=2026-Q2").bodyAsJsonObject();
    assertEquals(1, theirs.getInteger("count"));
    assertEquals(neighbourLate.toString(), theirs.getJsonArray("items").getJsonObject(0).getString("decisionId"));
    assertEquals(1, admin.get("/api/v1/admin/nyckeltal?month=2026-02").bodyAsJsonObject().getJsonObject("figures")
      .getLong("households"));
    assertEquals(0, neighbour.get("/api/v1/admin/nyckeltal?month=2026-02").bodyAsJsonObject()
      .getJsonObject("figures").getLong("households"));
    assertEquals(404, neighbour.post("/api/v1/admin/ivo/decisions/" + late + "/note",
      new JsonObject().put("reason", "Inte vår.")).statusCode(), "another municipality's decision is not found");
  }

  @Test
  @DisplayName("the payment room's list of ej verkställda beslut, whose query the IVO report reuses, still leaves out "
    + "what was paid")
  void paymentRoomListUnchanged() {
    JsonObject list = admin.get("/api/v1/payments/ej-verkstallda").bodyAsJsonObject();
    java.util.List<String> ids = list.getJsonArray("items").stream()
      .map(item -> ((JsonObject) item).getString("decisionId")).toList();
    assertTrue(ids.contains(late.toString()), list.encodePrettily());
    assertFalse(ids.contains(paid.toString()), list.encodePrettily());
    assertFalse(ids.contains(neighbourLate.toString()), list.encodePrettily());
  }

  @Test
  @DisplayName("the month's CSV and PDF carry its figures; a month not begun is a 400 with the field named")
  void nyckeltalExports() {
    HttpResponse<Buffer> csv = admin.get("/api/v1/admin/nyckeltal.csv?month=2026-02");
    assertEquals("text/csv; charset=utf-8", csv.getHeader("Content-Type"));
    String text = csv.bodyAsString();
    assertTrue(text.startsWith("\uFEFFNyckeltal;"), text);
    assertTrue(text.contains("Hushåll och kostnad;Hushåll med försörjningsstöd;1;;\r\n"), text);
    assertTrue(text.contains("Hushåll och kostnad;Beviljat per hushåll;;;7520,00\r\n"), text);
    assertTrue(text.contains("Hushållstyp;Ensamstående man med barn;1;100,0;\r\n"), text);
    HttpResponse<Buffer> pdf = admin.get("/api/v1/admin/nyckeltal.pdf?month=2026-02");
    assertEquals("application/pdf", pdf.getHeader("Content-Type"));
    String printed = PdfText.of(pdf.body().getBytes());
    assertTrue(printed.contains("Nyckeltal för ekonomiskt bistånd, februari 2026"), printed);
    assertTrue(printed.contains("Ensamstående man med barn"), printed);
    assertTrue(printed.contains("7520,00 kr"), printed);
    HttpResponse<Buffer> future = admin.get("/api/v1/admin/nyckeltal?month=2026-06");
    assertEquals(400, future.statusCode());
    assertEquals("month_in_future", future.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));
  }

  @Test
  @DisplayName("staff record a reason and an interim measure; the report, its CSV and its PDF show them")
  void notesAndIvoExports() {
    HttpResponse<Buffer> tooShort = admin.post("/api/v1/admin/ivo/decisions/" + late + "/note",
      new JsonObject().put("reason", "x"));
    assertEquals(400, tooShort.statusCode());
    assertEquals("ivo_reason", tooShort.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("error"));
    HttpResponse<Buffer> saved = admin.post("/api/v1/admin/ivo/decisions/" + late + "/note",
      new JsonObject().put("reason", "Väntar på kontouppgift; sökanden har kontaktats.")
        .put("interimMeasure", "Matkort"));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    JsonObject item = enhetschef.get("/api/v1/admin/ivo?quarter=2026-Q2").bodyAsJsonObject().getJsonArray("items")
      .getJsonObject(0);
    assertEquals("Väntar på kontouppgift; sökanden har kontaktats.", item.getString("reason"));
    assertEquals("Matkort", item.getString("interimMeasure"));
    String csv = admin.get("/api/v1/admin/ivo.csv?quarter=2026-Q2").bodyAsString();
    assertTrue(csv.contains(";Försörjningsstöd;2026-01-10;2026-04-10;;95;Ingen utbetalning planerad;"
      + "\"Väntar på kontouppgift; sökanden har kontaktats.\";Matkort\r\n"), csv);
    String printed = PdfText.of(admin.get("/api/v1/admin/ivo.pdf?quarter=2026-Q2").body().getBytes());
    assertTrue(printed.contains("Ej verkställda beslut, 2026-Q2"), printed);
    assertTrue(printed.contains("Tillfällig insats: Matkort"), printed);
    assertFalse(printed.contains("19800101"), "no personnummer in the report");
    assertEquals(1, fixtures.one("SELECT count(*) FROM audit_event WHERE action = 'ivo.note' AND case_id IS NOT NULL",
      Tuple.tuple()).getLong(0));
  }
}
