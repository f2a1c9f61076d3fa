package se.socialportal;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.familjeratt.Familjeratt;
import se.socialportal.robot.RobotFixtures;
import se.socialportal.robot.RobotHarness;
import se.socialportal.testing.Browser;
import se.socialportal.testing.LiveStream;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;
import se.socialportal.testing.TestClock;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A municipality grows past one machine with several stateless servers behind its proxy on one PostgreSQL. Two whole
 * servers here share the database and nothing else (each its own Vert.x, pools, robot, ports): the second reaches
 * BankID — the first's simulator — over mutual TLS exactly as both would reach BankID itself. Whatever a request
 * started on one must carry on on the other.
 */
@DisplayName("Two servers on one database: sessions, BankID orders, robot work, bookings, the live feed and rate limits are shared")
class TwoServersTest {

  private static final int PROVRAKNING_LIMIT = 4;
  private static final int APPLICATIONS = 60;
  private static final TestClock CLOCK = TestClock.ticking(TestClock.START);
  private static TestApp first;
  private static TestApp second;

  @BeforeAll
  static void start() {
    int simulatorPort = TestApp.freePort();
    JsonObject common = new JsonObject().put("DEMO_DATA", "false").put("ROBOT_ENABLED", "true")
      // Few jobs per claim, so that both robots take part in a burst of sixty.
      .put("ROBOT_CONCURRENCY", "2").put("LOGIN_RATE_PER_MINUTE", "1000").put("FAMILJERATT_CHECK_SECONDS", "3600")
      .put("PROVRAKNING_RATE_PER_MINUTE", String.valueOf(PROVRAKNING_LIMIT)).put("DB_POOL_SIZE", "6");
    first = TestApp.start("twoservers", common.copy().put("BANKID_SIMULATOR_PORT", String.valueOf(simulatorPort)),
      CLOCK);
    second = TestApp.startOn(first.database(), common.copy()
      .put("BANKID_URL", "https://127.0.0.1:" + simulatorPort + "/rp/v6.0")
      .put("BANKID_RP_CERT", simulatorFile("rp.p12"))
      .put("BANKID_RP_CERT_PASSWORD", "qwerty123")
      .put("BANKID_CA", simulatorFile("ca.pem")), CLOCK);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  @DisplayName("a resident logged in on one server carries on on the other, and logging out there ends it on both")
  void sessionMovesBetweenServers() {
    Browser browser = new Browser(first);
    JsonObject session = ResidentLogins.login(browser, "tolvan");
    String token = browser.cookie("sp_session");

    browser.baseUrl(second.baseUrl());
    JsonObject there = browser.get("/api/v1/session").bodyAsJsonObject();
    assertTrue(there.getBoolean("authenticated"), there.encode());
    assertEquals(session.getString("name"), there.getString("name"));
    assertEquals(session.getString("csrfToken"), there.getString("csrfToken"), "the same session, not a new one");
    assertEquals(200, browser.get("/api/v1/cases").statusCode());

    assertEquals(204, browser.post("/api/v1/logout", new JsonObject()).statusCode());
    JsonObject onFirst = await(first.client().get("/api/v1/session").putHeader("Cookie", "sp_session=" + token)
      .send()).bodyAsJsonObject();
    assertFalse(onFirst.getBoolean("authenticated"), "ended on the other server too: " + onFirst.encode());
  }

  @Test
  @DisplayName("a BankID order started on one server is collected on the other, in both directions")
  void bankIdOrderCollectedOnTheOtherServer() {
    loginStartedOnCollectedOn(first, second, "testa");
    loginStartedOnCollectedOn(second, first, "ylva");
  }

  private static void loginStartedOnCollectedOn(TestApp starter, TestApp collector, String identity) {
    Browser browser = new Browser(starter);
    JsonObject order = ResidentLogins.start(browser, "same");
    // The phone: the simulator's test page is on the first server (the second reaches the simulator as BankID).
    browser.baseUrl(first.baseUrl());
    ResidentLogins.approve(browser, ResidentLogins.open(browser, order), identity);

    browser.baseUrl(collector.baseUrl());
    JsonObject collected = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("complete", collected.getString("status"), collected.encode());
    JsonObject session = browser.baseUrl(starter.baseUrl()).get("/api/v1/session").bodyAsJsonObject();
    assertTrue(session.getBoolean("authenticated"), "the session made on one server holds on the other");
  }

  @Test
  @DisplayName("both robots work one queue: every application gets one proposal, no job is claimed twice")
  void robotWorkIsShared() {
    RobotFixtures fixtures = new RobotFixtures(first.services().pool(), CLOCK);
    List<UUID> submitted = new ArrayList<>();
    for (int i = 0; i < APPLICATIONS; i++) {
      submitted.add(fixtures.submit(fixtures.syntheticPerson(3000 + i), Optional.empty(), YearMonth.of(2025, 10),
        "new", "digital", RobotFixtures.single("1975-05-05", 4000 + i, "salary", 1000)));
    }
    Object ids = submitted.toArray(new UUID[0]);
    RobotHarness.eventually("every job ended", () -> fixtures.count("SELECT count(*) FROM robot_job "
      + "WHERE status IN ('done', 'manual_review') AND application_id = ANY($1)", ids) == APPLICATIONS);
    assertEquals(APPLICATIONS, fixtures.count("SELECT count(*) FROM robot_job WHERE attempts = 1 "
      + "AND application_id = ANY($1)", ids), "no job was claimed a second time");
    assertEquals(APPLICATIONS, fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = ANY($1)", ids));
    assertEquals(2, fixtures.count("SELECT count(DISTINCT claimed_by) FROM robot_job WHERE application_id = ANY($1)",
      ids), "both servers' robots worked");
  }

  @Test
  @DisplayName("residents racing for one time through both servers: exactly one booking")
  void bookingRaceAcrossServers() throws Exception {
    Familjeratt.hours(Familjeratt.secretary(first, "frida"), DayOfWeek.TUESDAY, "09:00", "12:00", CLOCK.today());
    Instant time = Familjeratt.next(first, DayOfWeek.TUESDAY, "10:00");
    JsonObject body = new JsonObject().put("service", "informationssamtal").put("start", time.toString())
      .put("place", "office");
    List<Familjeratt.Resident> residents = Familjeratt.residents(first, 40, 700);
    WebClient one = first.client();
    WebClient two = second.client();
    List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
    for (int i = 0; i < residents.size(); i++) {
      attempts.add(Familjeratt.book(i % 2 == 0 ? one : two, residents.get(i), body));
    }
    Future.join(attempts).await(120, TimeUnit.SECONDS);
    long booked = attempts.stream().filter(attempt -> attempt.result().statusCode() == 201).count();
    long refused = attempts.stream().filter(attempt -> attempt.result().statusCode() == 409).count();
    assertEquals(1, booked);
    assertEquals(residents.size() - 1, refused);
    assertEquals(1, Familjeratt.count(first, "SELECT count(*) FROM fr_appointment WHERE lower(during) = $1 "
      + "AND status IN ('held', 'confirmed')", time.atOffset(ZoneOffset.UTC)));
  }

  @Test
  @DisplayName("the live dashboard open on one server hears what the other server commits")
  void dashboardHearsTheOtherServer() throws Exception {
    StaffLogins.Staff chef = StaffLogins.login(second, "two.chef", "Erik Enhetschefsson", "demo", "enhetschef");
    HttpClient http = second.vertx().createHttpClient();
    BlockingQueue<JsonObject> stream = LiveStream.open(http, second, chef, new StringBuilder());
    JsonObject opened = stream.poll(30, TimeUnit.SECONDS);
    assertNotNull(opened, "the full set at once");
    long before = opened.getJsonObject("submissions").getJsonObject("digital").getLong("today");

    RobotFixtures fixtures = new RobotFixtures(first.services().pool(), CLOCK);
    fixtures.submit(fixtures.syntheticPerson(3900), Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
      RobotFixtures.single("1975-05-05", 4000, "salary", 1000));
    // Other pushes (the robot finishing the job) may come first; the submission shows within the bound.
    long seen = before;
    for (JsonObject pushed = stream.poll(30, TimeUnit.SECONDS); pushed != null && seen == before;
         pushed = seen == before ? stream.poll(30, TimeUnit.SECONDS) : null) {
      seen = pushed.getJsonObject("submissions").getJsonObject("digital").getLong("today");
    }
    assertEquals(before + 1, seen, "pushed by the second server after the first server's commit");
    http.close();
  }

  @Test
  @DisplayName("a rate limit counts a client's calls to both servers together")
  void rateLimitCountsAcrossServers() {
    // The limiter counts in one-minute windows on the servers' clock: start at a window's beginning, so that all the
    // calls below fall in one window however slowly the machine runs them (well within a minute).
    Instant now = CLOCK.instant();
    CLOCK.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < PROVRAKNING_LIMIT; i++) {
      statuses.add(provrakning(i % 2 == 0 ? first : second).statusCode());
    }
    assertEquals(List.of(200, 200, 200, 200), statuses, "two calls to each server are within the limit of four");
    HttpResponse<Buffer> onFirst = provrakning(first);
    HttpResponse<Buffer> onSecond = provrakning(second);
    assertEquals(429, onFirst.statusCode(), "the fifth call, the third to this server: " + onFirst.bodyAsString());
    assertEquals(429, onSecond.statusCode(), "the third call to the other server: " + onSecond.bodyAsString());
  }

  private static HttpResponse<Buffer> provrakning(TestApp server) {
    JsonObject household = new JsonObject("""
      { "month": "2025-10",
        "persons": [ {"role": "applicant", "birthDate": "1990-05-05"} ],
        "costs": { "rent": 6000 },
        "incomes": [ {"person": 0, "type": "salary", "amount": 3000} ] }
      """);
    return await(server.client().post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .sendBuffer(household.toBuffer()));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String simulatorFile(String name) {
    try {
      return Path.of(TwoServersTest.class.getResource("/bankid/simulator/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
