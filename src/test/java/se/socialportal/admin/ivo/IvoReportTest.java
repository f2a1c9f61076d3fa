package se.socialportal.admin.ivo;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.admin.NamndFixtures;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.socialportal.admin.NamndFixtures.at;
import static se.socialportal.admin.NamndFixtures.await;

/**
 * The quarter's ej verkställda beslut on a fixed day, 15 July 2026. Three decisions of 31 March 2026 (limit 30 June):
 * executed 30 June (in time), 1 July (late) and not at all; one of 15 April (limit 15 July, today: not yet late, a
 * 60-day alert), one of 10 June (35 days: a 30-day alert), one of 1 July (14 days: nothing), an avslag (never on the
 * report), and the neighbouring municipality's late decision (never on demo's report).
 */
@DisplayName("IVO report: the three-month boundary exactly, per quarter, with the 30/60-day alerts")
class IvoReportTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
  private static Vertx vertx;
  private static NamndFixtures fixtures;
  private static UUID inTime;
  private static UUID executedLate;
  private static UUID waiting;
  private static UUID sixty;
  private static UUID thirty;

  @BeforeAll
  static void seed() {
    vertx = Vertx.vertx();
    fixtures = new NamndFixtures(vertx, TestDatabase.fresh("ivoreport"));
    inTime = granted("demo", "191212121212", "2026-03-31T16:00", LocalDate.of(2026, 6, 30));
    executedLate = granted("demo", "198001019804", "2026-03-31T16:00", LocalDate.of(2026, 7, 1));
    waiting = granted("demo", "199207049843", "2026-03-31T23:59", null);
    sixty = granted("demo", "200502289861", "2026-04-15T09:00", null);
    thirty = granted("demo", NamndFixtures.personnummer("19700101", "231"), "2026-06-10T09:00", null);
    granted("demo", NamndFixtures.personnummer("19710101", "232"), "2026-07-01T09:00", null);
    UUID refused = fixtures.person(NamndFixtures.personnummer("19720101", "233"));
    UUID application = fixtures.application("demo", YearMonth.of(2026, 4), "new", "digital", "decided", refused, null,
      true);
    fixtures.decision("demo", application, "forsorjningsstod", "avslag", "0", "avslag_normoverskott",
      at("2026-03-01T09:00"));
    granted("grannkommun", NamndFixtures.personnummer("19730101", "234"), "2026-01-10T09:00", null);
  }

  private static UUID granted(String tenant, String personnummer, String decidedAt, LocalDate executed) {
    UUID person = fixtures.person(personnummer);
    UUID application = fixtures.application(tenant, YearMonth.of(2026, 4), "new", "digital", "decided", person, null,
      true);
    UUID decision = fixtures.decision(tenant, application, "forsorjningsstod", "bifall", "7520.00", "bifall_norm",
      at(decidedAt));
    if (executed != null) {
      fixtures.paid(tenant, application, decision, person, "forsorjningsstod", "7520.00", executed);
    }
    return decision;
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static JsonObject report(String tenant, String quarter) {
    return await(IvoReport.report(fixtures.pool, tenant, Quarter.parse(quarter), TODAY)).report();
  }

  private static List<String> ids(JsonArray items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(((JsonObject) item).getString("decisionId")));
    return ids;
  }

  @Test
  @DisplayName("Q3 (to today): executed 1 July and not executed are reported; executed 30 June is not")
  void thirdQuarter() {
    JsonObject report = report("demo", "2026-Q3");
    assertEquals("2026-07-15", report.getString("asOf"));
    assertEquals(List.of(executedLate.toString(), waiting.toString()), ids(report.getJsonArray("items")));
    JsonObject late = report.getJsonArray("items").getJsonObject(0);
    assertEquals("2026-06-30", late.getString("limit"));
    assertEquals("2026-07-01", late.getString("executedOn"));
    assertEquals(92, late.getLong("daysWaited"));
    assertEquals("executed_late", late.getString("why"));
    JsonObject still = report.getJsonArray("items").getJsonObject(1);
    assertEquals("2026-03-31", still.getString("decidedOn"), "23:59 in Stockholm is still 31 March");
    assertEquals(106, still.getLong("daysWaited"));
    assertEquals("not_planned", still.getString("why"));
  }

  @Test
  @DisplayName("Q2 (to 30 June): the limit day itself is within the three months, so nothing is reported yet")
  void secondQuarter() {
    assertEquals(List.of(), ids(report("demo", "2026-Q2").getJsonArray("items")));
  }

  @Test
  @DisplayName("alerts today: 60 days for 15 April, 30 days for 10 June; nothing for 1 July or the late ones")
  void alerts() {
    JsonArray alerts = report("demo", "2026-Q3").getJsonArray("alerts");
    assertEquals(List.of(sixty.toString(), thirty.toString()), ids(alerts));
    assertEquals(60, alerts.getJsonObject(0).getInteger("alert"));
    assertEquals(91, alerts.getJsonObject(0).getLong("daysWaited"));
    assertEquals(30, alerts.getJsonObject(1).getInteger("alert"));
  }

  @Test
  @DisplayName("the reason and interim measure staff recorded are on the report")
  void notes() {
    UUID staff = fixtures.one("SELECT id FROM staff_member LIMIT 1", Tuple.tuple()).getUUID(0);
    await(IvoNotes.record(fixtures.pool, waiting, "demo", new IvoNotes.Note("Kontouppgift saknas.",
      java.util.Optional.of("Matkort")), staff, TestClock.START));
    JsonObject item = report("demo", "2026-Q3").getJsonArray("items").getJsonObject(1);
    assertEquals("Kontouppgift saknas.", item.getString("reason"));
    assertEquals("Matkort", item.getString("interimMeasure"));
  }

  @Test
  @DisplayName("a municipality sees only its own decisions")
  void ownMunicipalityOnly() {
    JsonObject neighbour = report("grannkommun", "2026-Q2");
    assertEquals(1, neighbour.getJsonArray("items").size());
    assertEquals(List.of(), ids(report("grannkommun", "2026-Q3").getJsonArray("alerts")));
    ids(report("demo", "2026-Q2").getJsonArray("items")).forEach(id -> assertEquals(-1,
      ids(neighbour.getJsonArray("items")).indexOf(id)));
  }
}
