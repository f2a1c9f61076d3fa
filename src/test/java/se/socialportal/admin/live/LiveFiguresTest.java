package se.socialportal.admin.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each figure group against hand-built rows of two municipalities, at a fixed instant (TestClock.START: Wednesday
 * 15 April 2026, 10:30 in Stockholm, 08:30 UTC; "today" began at 22:00 UTC the day before, the month at 22:00 UTC on
 * 31 March). Every expected value is counted by hand from the fixture below; the neighbouring municipality's rows,
 * last month's and tomorrow's are there to be left out.
 */
@DisplayName("The live dashboard's figures, computed in SQL, match the fixture counted by hand")
class LiveFiguresTest {

  private static final String DEMO = "demo";
  private static final String GRANNE = "grannkommun";
  private static final Instant NOW = TestClock.START;
  private static final AtomicInteger PERSONS = new AtomicInteger(600_101_000);

  private static Vertx vertx;
  private static Pool pool;
  private static JsonObject figures;

  @BeforeAll
  static void fixture() throws Exception {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
      .connectingTo(TestDatabase.fresh("livefigures").connectOptions()).using(vertx).build();
    sql("INSERT INTO tenant (id, name) VALUES ('demo', 'Demo kommun'), ('grannkommun', 'Grannkommun')");
    UUID anna = uuid("INSERT INTO staff_member (tenant_id, subject, name, roles) VALUES ('demo', 'anna', 'Anna', "
      + "'{handlaggare}') RETURNING id");
    UUID alva = uuid("INSERT INTO staff_member (tenant_id, subject, name, roles) VALUES ('demo', 'alva', 'Alva', "
      + "'{attestant}') RETURNING id");
    UUID nils = uuid("INSERT INTO staff_member (tenant_id, subject, name, roles) VALUES ('grannkommun', 'nils', 'Nils', "
      + "'{handlaggare}') RETURNING id");

    // Submitted applications: A1 digital today, A2 digital on 10 April, A3 digital late on 31 March (Stockholm: last
    // month), A4 assisted today, A5 paper on 2 April; the neighbour's G1 today.
    UUID a1 = application(DEMO, "digital", "submitted", "2026-04-15T07:00:00Z", anna);
    UUID a2 = application(DEMO, "digital", "under_review", "2026-04-10T08:30:00Z", anna);
    UUID a3 = application(DEMO, "digital", "decided", "2026-03-31T21:00:00Z", anna);
    UUID a4 = application(DEMO, "assisted", "komplettering_requested", "2026-04-15T08:00:00Z", anna);
    UUID a5 = application(DEMO, "paper", "decided", "2026-04-02T08:00:00Z", anna);
    UUID g1 = application(GRANNE, "digital", "submitted", "2026-04-15T07:00:00Z", nils);
    // Waiting for the co-applicant since 06:30 UTC (not submitted yet).
    draftLike("awaiting_cosignature", "2026-04-15T06:30:00Z", null);
    // Drafts: abandoned on 'income' (two), with no step (one); one still being written; one too old to count.
    draftLike("draft", "2026-04-13T08:30:00Z", "income");
    draftLike("draft", "2026-04-10T09:00:00Z", "income");
    draftLike("draft", "2026-04-12T09:00:00Z", null);
    draftLike("draft", "2026-04-15T07:00:00Z", "housing");
    draftLike("draft", "2026-03-01T09:00:00Z", "household");

    // The robot's queue: queued (A1), waiting for register data (A4), waiting for rules (A2 v1), manual review (A2 v2).
    job(DEMO, a1, 1, "queued", "2026-04-15T07:00:00Z", null);
    job(DEMO, a4, 1, "waiting", "2026-04-15T08:00:00Z", null);
    job(DEMO, a2, 1, "waiting_rules", "2026-04-10T08:30:00Z", null);
    sql("INSERT INTO robot_job (tenant_id, application_id, application_version, status, submitted_at, parked_at) "
      + "VALUES ('demo', '" + a2 + "', 2, 'manual_review', '2026-04-14T08:30:00Z', '2026-04-14T09:00:00Z')");
    // Finished jobs: two in the last minute (45 s and 60 s), one 15 minutes ago (10 s), one outside the window, and
    // the neighbour's.
    job(DEMO, a5, 1, "done", "2026-04-15T08:29:00Z", "2026-04-15T08:29:45Z");
    job(DEMO, a5, 2, "done", "2026-04-15T08:28:50Z", "2026-04-15T08:29:50Z");
    job(DEMO, a3, 1, "done", "2026-04-15T08:15:00Z", "2026-04-15T08:15:10Z");
    job(DEMO, a3, 2, "done", "2026-04-15T07:49:00Z", "2026-04-15T07:50:00Z");
    job(GRANNE, g1, 1, "done", "2026-04-15T08:29:00Z", "2026-04-15T08:29:30Z");

    // Decided this month: E1 as proposed (24 h, paid after 4 days), E2 with another amount (6 h, paid after 2 days),
    // E3 refused against a bifall proposal (48 h, enhetschef), E4 with an adjusted line (12 h), E5 by the robot
    // (1 minute); E6 last month.
    UUID e1 = decided("2026-04-01T08:00:00Z", "bifall", "9000", "bifall", "9000", "2026-04-02T08:00:00Z", "handlaggare",
      "staff", anna);
    UUID e2 = decided("2026-04-02T08:00:00Z", "bifall", "9000", "bifall", "8000", "2026-04-02T14:00:00Z", "handlaggare",
      "staff", anna, "INCOME_CHANGE");
    UUID e3 = decided("2026-04-05T08:00:00Z", "bifall", "5000", "avslag", "0", "2026-04-07T08:00:00Z", "enhetschef",
      "staff", anna, "INCOME_CHANGE", "STICKPROV");
    UUID e4 = decided("2026-04-06T08:00:00Z", "bifall", "7000", "bifall", "7000", "2026-04-06T20:00:00Z", "handlaggare",
      "staff", anna, "STICKPROV");
    sql("INSERT INTO calculation_adjustment (tenant_id, proposal_id, application_id, line_key, label, section, "
      + "new_amount, reason, staff_id) SELECT tenant_id, proposal_id, application_id, 'cost:rent', 'Hyra', 'cost', "
      + "7000, 'Ny hyra', '" + anna + "' FROM decision WHERE id = '" + e4 + "'");
    UUID e5 = decided("2026-04-08T08:00:00Z", "bifall", "3000", "bifall", "3000", "2026-04-08T08:01:00Z", "handlaggare",
      "automated", null);
    UUID e6 = decided("2026-03-19T08:00:00Z", "bifall", "3000", "avslag", "0", "2026-03-20T08:00:00Z", "handlaggare",
      "staff", anna);

    // Payments: E1 and E2 paid, E4 awaiting attest, E5 in a file the bank has, E3 failed this month, E6 last month.
    UUID batch = uuid("INSERT INTO payment_batch (id, tenant_id, debtor_account_id, cutoff_at, execution_date, state, "
      + "msg_id, created_at, debtor, file_name, file_sha256) VALUES (gen_random_uuid(), 'demo', 'main', "
      + "'2026-04-03T11:00:00Z', '2026-04-04', 'accepted', 'MSG1', '2026-04-03T11:00:00Z', '{}', 'pain001-1.xml', "
      + "repeat('a', 64)) RETURNING id");
    payment(e1, "paid", "9000", batch, "2026-04-06", "2026-04-06T12:00:00Z", alva);
    payment(e2, "paid", "8000", batch, "2026-04-04", "2026-04-04T12:00:00Z", alva);
    payment(e4, "awaiting_attest", "7000", null, null, "2026-04-06T20:00:00Z", null);
    payment(e5, "in_batch", "3000", batch, null, "2026-04-08T12:00:00Z", alva);
    payment(e3, "failed", "5000", null, null, "2026-04-10T12:00:00Z", null);
    payment(e6, "failed", "3000", null, null, "2026-03-25T12:00:00Z", null);

    // Komplettering: A2 one round, A4 two (one open), E3 four; an open request on last month's A3; the neighbour's.
    komplettering(a2, "answered");
    komplettering(a4, "answered");
    komplettering(a4, "open");
    for (int i = 0; i < 4; i++) {
      komplettering(e3, "cancelled");
    }
    komplettering(a3, "open");
    komplettering(g1, "open");

    // Familjerätt: meetings today (confirmed, held, attended; one cancelled), one tomorrow; two bookings, one today,
    // and the neighbour's.
    UUID booking = booking(DEMO, "2026-04-15T07:00:00Z");
    booking(DEMO, "2026-04-14T10:00:00Z");
    booking(GRANNE, "2026-04-15T07:00:00Z");
    meeting(booking, anna, "confirmed", "2026-04-15T09:00:00Z", "2026-04-15T10:00:00Z");
    meeting(booking, anna, "held", "2026-04-15T11:00:00Z", "2026-04-15T12:00:00Z");
    meeting(booking, anna, "attended", "2026-04-15T06:00:00Z", "2026-04-15T07:00:00Z");
    meeting(booking, anna, "cancelled", "2026-04-15T13:00:00Z", "2026-04-15T14:00:00Z");
    meeting(booking, anna, "confirmed", "2026-04-16T08:00:00Z", "2026-04-16T09:00:00Z");

    figures = LiveFigures.all(pool, DEMO, NOW).await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("submitted today and this month per channel: the month starts at midnight in Stockholm")
  void submissions() {
    // Digital this month: A1, A2 and E1–E5 (A3 came in at 23:00 on 31 March, Stockholm time); today A1.
    assertEquals(new JsonObject().put("digital", new JsonObject().put("today", 1L).put("month", 7L))
      .put("assisted", new JsonObject().put("today", 1L).put("month", 1L))
      .put("paper", new JsonObject().put("today", 0L).put("month", 1L)), figures.getJsonObject("submissions"));
  }

  @Test
  @DisplayName("queue length per status, the robot's waits included, with the oldest's age")
  void queue() {
    JsonObject queue = figures.getJsonObject("queue");
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 7_200L), queue.getJsonObject("awaiting_cosignature"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 5_400L), queue.getJsonObject("submitted"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 432_000L), queue.getJsonObject("under_review"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 1_800L),
      queue.getJsonObject("komplettering_requested"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 5_400L), queue.getJsonObject("robot_queued"));
    assertEquals(new JsonObject().put("count", 0L), queue.getJsonObject("robot_working"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 1_800L), queue.getJsonObject("waiting_registers"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 432_000L), queue.getJsonObject("waiting_rules"));
    assertEquals(new JsonObject().put("count", 1L).put("oldestSeconds", 86_400L), queue.getJsonObject("manual_review"));
  }

  @Test
  @DisplayName("robot: jobs per minute over half an hour, the last minute, latency median and 90th percentile")
  void robot() {
    JsonObject robot = figures.getJsonObject("robot");
    JsonArray perMinute = robot.getJsonArray("perMinute");
    assertEquals(30, perMinute.size());
    assertEquals(2L, perMinute.getLong(29), "two jobs finished in the minute up to now");
    assertEquals(1L, perMinute.getLong(15), "one 14 min 50 s ago, in the 15th minute back");
    assertEquals(3L, perMinute.stream().mapToLong(n -> (Long) n).sum(), "the job 40 minutes ago is outside");
    assertEquals(2L, robot.getLong("lastMinute"));
    // Latencies 10, 45 and 60 s: median 45; 90th percentile interpolated 45 + 0.8 × 15 = 57.
    JsonObject latency = robot.getJsonObject("latency");
    assertEquals(3L, latency.getLong("jobs"));
    assertEquals(45.0, latency.getDouble("medianSeconds"), 1e-9);
    assertEquals(57.0, latency.getDouble("p90Seconds"), 1e-9);
  }

  @Test
  @DisplayName("proposals approved unchanged, adjusted or rejected, in all and per warning type; the robot's own left out")
  void proposals() {
    JsonObject proposals = figures.getJsonObject("proposals");
    assertEquals(verdicts(1, 2, 1), proposals.getJsonObject("all"));
    assertEquals(new JsonObject().put("none", verdicts(1, 0, 0)).put("INCOME_CHANGE", verdicts(0, 1, 1))
      .put("STICKPROV", verdicts(0, 1, 1)), proposals.getJsonObject("byWarning"));
  }

  @Test
  @DisplayName("lead times inkommen → beslut (hours) and beslut → utbetald (days) by delegation level, median and p90")
  void leadTimes() {
    JsonArray levels = figures.getJsonArray("leadTimes");
    assertEquals(4, levels.size(), levels.encodePrettily());
    JsonObject automated = levels.getJsonObject(0);
    assertEquals("automated", automated.getString("level"));
    assertEquals(1.0 / 60, automated.getDouble("decisionMedianHours"), 1e-9);
    assertEquals(0L, automated.getLong("paid"));
    assertNull(automated.getValue("paymentMedianDays"));
    JsonObject enhetschef = levels.getJsonObject(1);
    assertEquals(new JsonObject().put("level", "enhetschef").put("decisions", 1L).put("decisionMedianHours", 48.0)
      .put("decisionP90Hours", 48.0).put("paid", 0L).putNull("paymentMedianDays").putNull("paymentP90Days"), enhetschef);
    // 6, 12 and 24 h: median 12, p90 12 + 0.8 × 12 = 21.6; paid after 2 and 4 days: median 3, p90 2 + 0.9 × 2 = 3.8.
    JsonObject handlaggare = levels.getJsonObject(2);
    assertEquals("handlaggare", handlaggare.getString("level"));
    assertEquals(3L, handlaggare.getLong("decisions"));
    assertEquals(12.0, handlaggare.getDouble("decisionMedianHours"), 1e-9);
    assertEquals(21.6, handlaggare.getDouble("decisionP90Hours"), 1e-9);
    assertEquals(2L, handlaggare.getLong("paid"));
    assertEquals(3.0, handlaggare.getDouble("paymentMedianDays"), 1e-9);
    assertEquals(3.8, handlaggare.getDouble("paymentP90Days"), 1e-9);
    // All five: 1/60, 6, 12, 24, 48 h: median 12, p90 24 + 0.6 × 24 = 38.4.
    JsonObject all = levels.getJsonObject(3);
    assertEquals("*", all.getString("level"));
    assertEquals(5L, all.getLong("decisions"));
    assertEquals(12.0, all.getDouble("decisionMedianHours"), 1e-9);
    assertEquals(38.4, all.getDouble("decisionP90Hours"), 1e-9);
    assertEquals(3.8, all.getDouble("paymentP90Days"), 1e-9);
  }

  @Test
  @DisplayName("komplettering rounds per application this month, and the requests open now")
  void komplettering() {
    // Nine applications this month (A1, A2, A4, A5, E1–E5): A2 one round, A4 two, E3 four; open: A4's and A3's.
    assertEquals(new JsonObject().put("rounds", new JsonObject().put("0", 6L).put("1", 1L).put("2", 1L).put("3", 1L))
      .put("open", 2L), figures.getJsonObject("komplettering"));
  }

  @Test
  @DisplayName("payments awaiting attest, exported, paid and failed (settled ones this month), count and kronor")
  void payments() {
    JsonObject payments = figures.getJsonObject("payments");
    assertEquals(money(1, "7000.00"), payments.getJsonObject("awaiting_attest"));
    assertEquals(money(0, "0.00"), payments.getJsonObject("attested"));
    assertEquals(money(1, "3000.00"), payments.getJsonObject("exported"));
    assertEquals(money(2, "17000.00"), payments.getJsonObject("paid"));
    assertEquals(money(1, "5000.00"), payments.getJsonObject("failed"));
  }

  @Test
  @DisplayName("familjerätt: today's meetings by state, and bookings made today")
  void bookings() {
    assertEquals(new JsonObject().put("meetingsToday", new JsonObject().put("held", 1L).put("confirmed", 1L)
      .put("attended", 1L).put("no_show", 0L)).put("bookedToday", 1L), figures.getJsonObject("bookings"));
  }

  @Test
  @DisplayName("drafts abandoned for a day, per form step, within the last 30 days")
  void drafts() {
    JsonObject drafts = figures.getJsonObject("drafts");
    assertEquals(new JsonObject().put("income", 2L).put("none", 1L), drafts.getJsonObject("byStep"));
    assertEquals(3L, drafts.getLong("total"));
  }

  @Test
  @DisplayName("the neighbouring municipality sees only its own rows")
  void otherTenant() {
    JsonObject neighbour = LiveFigures.all(pool, GRANNE, NOW).await();
    assertEquals(1L, neighbour.getJsonObject("submissions").getJsonObject("digital").getLong("today"));
    assertEquals(1L, neighbour.getJsonObject("robot").getLong("lastMinute"));
    assertEquals(1L, neighbour.getJsonObject("komplettering").getLong("open"));
    assertEquals(1L, neighbour.getJsonObject("bookings").getLong("bookedToday"));
    assertEquals(0L, neighbour.getJsonObject("payments").getJsonObject("paid").getLong("count"));
  }

  private static JsonObject verdicts(long unchanged, long adjusted, long rejected) {
    return new JsonObject().put("unchanged", unchanged).put("adjusted", adjusted).put("rejected", rejected);
  }

  private static JsonObject money(long count, String amount) {
    return new JsonObject().put("count", count).put("amount", amount);
  }

  private static UUID person() {
    return uuid("INSERT INTO person (personnummer, given_name, surname) VALUES ('19" + PERSONS.incrementAndGet()
      + "0', 'Test', 'Person') RETURNING id");
  }

  private static UUID application(String tenant, String channel, String status, String submitted, UUID staff) {
    return one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, content, "
      + "registered_by_staff, submitted_at, created_at, updated_at) VALUES ($1, '2026-04-01', 'new', $2, $3, $4, '{}', "
      + "$5, $6, $6, $6) RETURNING id", Tuple.of(tenant, channel, status, person(), staff, time(submitted)));
  }

  private static UUID draftLike(String status, String updated, String step) {
    return one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, content, draft_step, "
      + "created_at, updated_at) VALUES ('demo', '2026-04-01', 'new', 'digital', $1, $2, '{}', $3, $4, $4) RETURNING id",
      Tuple.of(status, person(), step, time(updated)));
  }

  private static void job(String tenant, UUID application, int version, String status, String submitted,
                          String finished) {
    pool.preparedQuery("INSERT INTO robot_job (tenant_id, application_id, application_version, status, submitted_at, "
      + "finished_at) VALUES ($1, $2, $3, $4, $5, $6)").execute(Tuple.of(tenant, application, version, status, time(submitted),
      finished == null ? null : time(finished))).await();
  }

  /** An application with the robot's proposal and its försörjningsstöd decision; returns the decision's id. */
  private static UUID decided(String submitted, String proposed, String proposedAmount, String outcome, String amount,
                              String decidedAt, String level, String by, UUID staff, String... warnings) {
    UUID application = application(DEMO, "digital", "decided", submitted, null);
    UUID proposal = one("INSERT INTO beslutsforslag (tenant_id, application_id, application_version, outcome, amount, "
      + "calculation, rule_versions, motivering, status) VALUES ('demo', $1, 1, $2, $3::numeric, '{}', '{}', 'M', "
      + "'decided') RETURNING id", Tuple.of(application, proposed, new BigDecimal(proposedAmount)));
    for (String warning : warnings) {
      one("INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message) VALUES ('demo', $1, $2, $3, "
        + "'Varning') RETURNING id", Tuple.of(proposal, application, warning));
    }
    return one("INSERT INTO decision (tenant_id, application_id, application_version, proposal_id, decision_set, type, "
      + "outcome, amount, delegation_amount, motivering, decided_by_kind, decided_by, decided_by_name, decided_by_title, "
      + "delegation_version, delegation_row, delegation_source, delegation_level, delegation_valid, decided_at) "
      + "VALUES ('demo', $1, 1, $2, gen_random_uuid(), 'forsorjningsstod', $3, $4::numeric, $4::numeric, 'M', $5, $6, "
      + "'Namn', 'Titel', 'v1', 'r1', 's1', $7, true, $8) RETURNING id",
      Tuple.of(application, proposal, outcome, new BigDecimal(amount), by, staff).addValue(level).addValue(time(decidedAt)));
  }

  private static void payment(UUID decision, String status, String amount, UUID batch, String paidOn, String updated,
                              UUID attestant) {
    one("INSERT INTO payment (id, tenant_id, application_id, decision_id, decision_type, payee_id, amount, planned_date, "
      + "execution_date, debtor_account_id, remittance, status, attested_by, attested_at, creditor_name, creditor_kind, "
      + "creditor_clearing, creditor_number, batch_id, paid_on, created_at, updated_at) SELECT gen_random_uuid(), "
      + "d.tenant_id, d.application_id, d.id, d.type, a.applicant_id, $2::numeric, '2026-04-04', '2026-04-04', 'main', "
      + "'Försörjningsstöd', $3, $4, CASE WHEN $4::uuid IS NULL THEN NULL ELSE $6::timestamptz END, "
      + "CASE WHEN $4::uuid IS NULL THEN NULL ELSE 'Mottagare' END, CASE WHEN $4::uuid IS NULL THEN NULL ELSE 'bank' END, "
      + "CASE WHEN $4::uuid IS NULL THEN NULL ELSE '8424' END, CASE WHEN $4::uuid IS NULL THEN NULL ELSE '1234567' END, "
      + "$5, $7::date, $6, $6 FROM decision d JOIN application a ON a.id = d.application_id WHERE d.id = $1 RETURNING id",
      Tuple.of(decision, new BigDecimal(amount), status, attestant, batch, time(updated))
      .addValue(paidOn == null ? null : LocalDate.parse(paidOn)));
  }

  /** A request on the application (or on a decision's application). */
  private static void komplettering(UUID application, String status) {
    one("INSERT INTO komplettering_request (tenant_id, application_id, requested_by_kind, message, due_at, status, "
      + "answered_at) SELECT tenant_id, id, 'robot', 'Skicka kontoutdrag', '2026-04-20T10:00:00Z', $2, "
      + "CASE WHEN $2 = 'answered' THEN '2026-04-12T10:00:00Z'::timestamptz END FROM application "
      + "WHERE id = coalesce((SELECT application_id FROM decision WHERE id = $1), $1) "
      + "RETURNING id", Tuple.of(application, status));
  }

  private static UUID booking(String tenant, String created) {
    return one("INSERT INTO fr_booking (tenant_id, service, rules_version, status, booker_id, created_at, updated_at) "
      + "VALUES ($1, 'samarbetssamtal', 'v1', 'confirmed', $2, $3, $3) RETURNING id", Tuple.of(tenant, person(),
      time(created)));
  }

  private static void meeting(UUID booking, UUID staff, String status, String from, String to) {
    one("INSERT INTO fr_appointment (tenant_id, booking_id, staff_id, kind, during, status, place, created_at, "
      + "updated_at) VALUES ('demo', $1, $2, 'first', tstzrange($3, $4), $5, 'digital', $3, $3) RETURNING id",
      Tuple.of(booking, staff, time(from), time(to), status));
  }

  private static OffsetDateTime time(String instant) {
    return Instant.parse(instant).atOffset(ZoneOffset.UTC);
  }

  private static UUID one(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).await().iterator().next().getUUID(0);
  }

  private static UUID uuid(String sql) {
    return pool.query(sql).execute().await().iterator().next().getUUID(0);
  }

  private static void sql(String sql) {
    pool.query(sql).execute().await();
  }
}
