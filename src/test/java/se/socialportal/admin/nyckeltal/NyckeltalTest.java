package se.socialportal.admin.nyckeltal;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.socialportal.admin.NamndFixtures;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.admin.NamndFixtures.at;
import static se.socialportal.admin.NamndFixtures.await;

/**
 * Every nyckeltal of March 2026 against figures computed by hand from the fixture below (docs/admin.md defines each),
 * on a stopped clock in April 2026; then the snapshot: once March is stored, changing March's records changes nothing
 * in what is answered for March.
 * <pre>
 * March 2026, demo:
 *   A1 digital  Tolvan (man), 1 child full time    fs bifall 7 520,00 (paid) + livsföring bifall 1 000,00
 *   A5 digital  Tolvan, extra application           livsföring bifall 500,00
 *   A2 digital  Testa (woman) + Demo as sambo       fs delvis bifall 5 000,50
 *   A3 assisted Ylva (woman), one child part time, one placed    fs avslag (avslag_normoverskott)
 *   A4 paper    Stig: fs bifall 3 000,00 on 5 March, omprövad to avslag (avslag_tillgangar) on 2 April
 *   A6 digital  withdrawn, avslut utan åtgärd (avslut_utan_atgard)
 *   A7 digital  a draft (never submitted)
 *   grannkommun: a household with fs bifall (never counted for demo)
 * Tolvan had försörjningsstöd every month April 2023 – February 2026 (February's decided 28 Feb 23:30 UTC =
 * 1 March 00:30 in Stockholm: a March decision); Testa in December 2025 and January 2026.
 * </pre>
 */
@DisplayName("Nyckeltal: each figure against hand-computed data; a stored month never changes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NyckeltalTest {

  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private static Vertx vertx;
  private static NamndFixtures fixtures;
  private static TestClock clock;
  private static Nyckeltal nyckeltal;
  private static UUID ylva;

  @BeforeAll
  static void seed() {
    vertx = Vertx.vertx();
    fixtures = new NamndFixtures(vertx, TestDatabase.fresh("nyckeltal"));
    clock = TestClock.stopped(at("2026-04-15T10:00").plus(Duration.ZERO));
    nyckeltal = new Nyckeltal(fixtures.pool, clock);
    UUID tolvan = fixtures.person("191212121212");
    UUID testa = fixtures.person("198001019804");
    UUID demo = fixtures.person("199207049843");
    ylva = fixtures.person("200502289861");
    UUID stig = fixtures.person(NamndFixtures.personnummer("19700101", "231"));
    UUID other = fixtures.person(NamndFixtures.personnummer("19750505", "123"));
    UUID neighbour = fixtures.person(NamndFixtures.personnummer("19800808", "456"));

    UUID a1 = fixtures.application("demo", MARCH, "reapplication", "digital", "paid", tolvan, null, true, "full");
    UUID a1fs = fixtures.decision("demo", a1, "forsorjningsstod", "bifall", "7520.00", "bifall_norm",
      at("2026-03-02T09:00"));
    fixtures.decision("demo", a1, "livsforing_ovrigt", "bifall", "1000.00", null, at("2026-03-02T09:00"));
    fixtures.paid("demo", a1, a1fs, tolvan, "forsorjningsstod", "7520.00", LocalDate.of(2026, 3, 25));
    UUID a5 = fixtures.application("demo", MARCH, "extra", "digital", "decided", tolvan, null, true, "full");
    fixtures.decision("demo", a5, "livsforing_ovrigt", "bifall", "500.00", null, at("2026-03-20T09:00"));
    UUID a2 = fixtures.application("demo", MARCH, "new", "digital", "decided", testa, demo, true);
    fixtures.decision("demo", a2, "forsorjningsstod", "delvis_bifall", "5000.50", "delvis_skalig_kostnad",
      at("2026-03-10T09:00"));
    UUID a3 = fixtures.application("demo", MARCH, "new", "assisted", "decided", ylva, null, true, "partTime",
      "placed");
    fixtures.decision("demo", a3, "forsorjningsstod", "avslag", "0", "avslag_normoverskott", at("2026-03-12T09:00"));
    UUID a4 = fixtures.application("demo", MARCH, "new", "paper", "decided", stig, null, true);
    fixtures.decision("demo", a4, "forsorjningsstod", "bifall", "3000.00", "bifall_norm", at("2026-03-05T09:00"));
    fixtures.decision("demo", a4, "forsorjningsstod", "avslag", "0", "avslag_tillgangar", at("2026-04-02T09:00"));
    UUID a6 = fixtures.application("demo", MARCH, "new", "digital", "withdrawn", other, null, true);
    fixtures.decision("demo", a6, "avslut_utan_atgard", "avslutad", "0", "avslut_utan_atgard",
      at("2026-03-31T23:30"));
    fixtures.application("demo", MARCH, "new", "digital", "draft", other, null, false);
    UUID n1 = fixtures.application("grannkommun", MARCH, "new", "digital", "decided", neighbour, null, true);
    fixtures.decision("grannkommun", n1, "forsorjningsstod", "bifall", "9000.00", "bifall_norm",
      at("2026-03-03T09:00"));

    for (YearMonth month = YearMonth.of(2023, 4); month.isBefore(MARCH); month = month.plusMonths(1)) {
      UUID earlier = fixtures.application("demo", month, "reapplication", "digital", "paid", tolvan, null, true,
        "full");
      java.time.Instant decided = month.equals(YearMonth.of(2026, 2)) ? java.time.Instant.parse("2026-02-28T23:30:00Z")
        : month.atDay(1).atTime(10, 0).atZone(NamndFixtures.STOCKHOLM).toInstant();
      fixtures.decision("demo", earlier, "forsorjningsstod", "bifall", "7000.00", "bifall_norm", decided);
    }
    for (YearMonth month : new YearMonth[] {YearMonth.of(2025, 12), YearMonth.of(2026, 1)}) {
      UUID earlier = fixtures.application("demo", month, "new", "digital", "decided", testa, null, true);
      fixtures.decision("demo", earlier, "forsorjningsstod", "bifall", "4000.00", "bifall_norm",
        month.atDay(3).atTime(10, 0).atZone(NamndFixtures.STOCKHOLM).toInstant());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static JsonObject computed() {
    return NyckeltalFigures.compute(await(NyckeltalQuery.read(fixtures.pool, "demo", MARCH)));
  }

  @Test
  @DisplayName("applications per channel: 6 submitted (the draft is not), 4 digital, 1 assisted, 1 paper; 1 withdrawn")
  void channels() {
    JsonObject applications = computed().getJsonObject("applications");
    assertEquals(6, applications.getLong("total"));
    assertEquals(new JsonObject().put("count", 4L).put("percent", "66.7"), applications.getJsonObject("digital"));
    assertEquals(new JsonObject().put("count", 1L).put("percent", "16.7"), applications.getJsonObject("assisted"));
    assertEquals(new JsonObject().put("count", 1L).put("percent", "16.7"), applications.getJsonObject("paper"));
    assertEquals(1, applications.getLong("withdrawn"));
  }

  @Test
  @DisplayName("households and cost: Tolvan's and Testa's (Stig's grant was changed to avslag); 14 020,50 granted, "
    + "7 520,00 paid")
  void householdsAndCost() {
    JsonObject figures = computed();
    assertEquals(2, figures.getLong("households"));
    assertEquals(new JsonObject().put("granted", "14020.50").put("paid", "7520.00")
      .put("grantedPerHousehold", "7010.25").put("paidPerHousehold", "3760.00"), figures.getJsonObject("cost"));
  }

  @Test
  @DisplayName("family types: a single man with a child (Tolvan), a couple without children (Testa and Demo)")
  void familyTypes() {
    JsonArray types = computed().getJsonArray("familyTypes");
    assertEquals(new JsonArray()
      .add(type("ensamstaende_utan_barn", 0, "0.0")).add(type("ensamstaende_kvinna_med_barn", 0, "0.0"))
      .add(type("ensamstaende_man_med_barn", 1, "50.0")).add(type("ensamstaende_med_barn_okant_kon", 0, "0.0"))
      .add(type("sammanboende_utan_barn", 1, "50.0")).add(type("sammanboende_med_barn", 0, "0.0")), types);
  }

  @Test
  @DisplayName("residents: 3 in March; months in the last 12 are 12, 3 and 1 (mean 5.3); 1 of 3 very long-term")
  void residents() {
    JsonObject residents = computed().getJsonObject("residents");
    assertEquals(3, residents.getLong("recipients"));
    assertEquals("5.3", residents.getString("meanMonthsLast12"));
    assertEquals(new JsonArray().add(group("1-3", 2)).add(group("4-6", 0)).add(group("7-9", 0)).add(group("10-12", 1)),
      residents.getJsonArray("monthsLast12"));
    assertEquals(new JsonObject().put("count", 1L).put("percent", "33.3"), residents.getJsonObject("longTerm"));
  }

  @Test
  @DisplayName("decisions taken in March (Stockholm time), by type and outcome; avslag and avslut reasons")
  void decisions() {
    JsonObject figures = computed();
    assertEquals(new JsonArray()
      .add(decision("avslut_utan_atgard", "avslutad", 1)).add(decision("forsorjningsstod", "avslag", 1))
      .add(decision("forsorjningsstod", "bifall", 3)).add(decision("forsorjningsstod", "delvis_bifall", 1))
      .add(decision("livsforing_ovrigt", "bifall", 2)), figures.getJsonArray("decisions"));
    assertEquals(new JsonArray().add(new JsonObject().put("reason", "avslag_normoverskott").put("count", 1L)),
      figures.getJsonArray("avslagReasons"));
    assertEquals(new JsonArray().add(new JsonObject().put("reason", "avslut_utan_atgard").put("count", 1L)),
      figures.getJsonArray("avslutReasons"));
  }

  @Test
  @Order(Integer.MAX_VALUE - 1) // it changes March: after the figures above are checked against the fixture
  @DisplayName("a stored month is read, not recomputed: March's records change, March's figures do not")
  void snapshotNeverChanges() {
    JsonObject first = await(nyckeltal.month("demo", MARCH, Optional.empty()));
    assertTrue(first.getBoolean("final"));
    assertEquals(2, first.getJsonObject("figures").getLong("households"));
    assertEquals(NyckeltalFigures.DEFINITION_VERSION, first.getString("definitionVersion"));

    // A late decision grants Ylva's March application after all.
    UUID a3 = fixtures.one("SELECT id FROM application WHERE applicant_id = $1", Tuple.of(ylva)).getUUID(0);
    fixtures.decision("demo", a3, "forsorjningsstod", "bifall", "6000.00", "bifall_norm", at("2026-04-14T09:00"));
    assertEquals(3, computed().getLong("households"), "the records behind March did change");

    clock.advance(Duration.ofDays(40));
    JsonObject again = await(nyckeltal.month("demo", MARCH, Optional.empty()));
    assertEquals(first, again, "March as stored, byte for byte");
    assertEquals(2, again.getJsonObject("figures").getLong("households"));
    assertThrows(IllegalStateException.class, () -> fixtures.rows("UPDATE nyckeltal_snapshot SET figures = '{}'",
      Tuple.tuple()), "the table refuses changes");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("the running month is computed now and not stored; a month not begun has no figures")
  void runningMonth() {
    YearMonth now = nyckeltal.thisMonth();
    JsonObject running = await(nyckeltal.month("demo", now, Optional.empty()));
    assertFalse(running.getBoolean("final"));
    assertEquals(0, fixtures.one("SELECT count(*) FROM nyckeltal_snapshot WHERE month = $1",
      Tuple.of(now.atDay(1))).getLong(0));
    assertThrows(IllegalStateException.class, () -> await(nyckeltal.month("demo", now.plusMonths(1),
      Optional.empty())));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("the job stores every municipality's ended month once; the trend reads the stored months")
  void jobAndTrend() {
    int first = await(nyckeltal.snapshotEndedMonth());
    int second = await(nyckeltal.snapshotEndedMonth());
    assertEquals(0, second, "a second round stores nothing");
    assertTrue(first <= 2);
    YearMonth last = nyckeltal.thisMonth().minusMonths(1);
    assertEquals(1, fixtures.one("SELECT count(*) FROM nyckeltal_snapshot WHERE tenant_id = 'grannkommun' "
      + "AND month = $1", Tuple.of(last.atDay(1))).getLong(0));
    JsonObject trend = await(nyckeltal.trend("demo", last, 24));
    assertTrue(trend.getJsonArray("months").size() >= 1);
    assertEquals(last.toString(), trend.getJsonArray("months").getJsonObject(trend.getJsonArray("months").size() - 1)
      .getString("month"));
  }

  private static JsonObject type(String code, long households, String percent) {
    return new JsonObject().put("type", code).put("households", households).put("percent", percent);
  }

  private static JsonObject group(String months, long residents) {
    return new JsonObject().put("months", months).put("residents", residents);
  }

  private static JsonObject decision(String type, String outcome, long count) {
    return new JsonObject().put("type", type).put("outcome", outcome).put("count", count);
  }
}
