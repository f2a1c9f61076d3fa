package se.socialportal.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.SessionSettings;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.testing.DemoServerProcess;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * kill -9 in the middle of a burst. The demo server runs as its own JVM on a DATA_DIR with the robot on; a backlog of
 * households (5 × n unless given) is queued for the robot, then {@code n} residents start their application at once with an
 * Idempotency-Key each (POST /api/v1/applications, as the e-tjänst sends it); when a third of them are answered the
 * server is killed with SIGKILL and started again on the same DATA_DIR. Then: every answered application is there
 * once, every resident's retry with the same key gets the same application (no second one), and the robot, taking
 * over the jobs of the killed server, gives every queued application exactly one beslutsförslag. Not a test: the
 * figures are the machine's. Run with bench/faults.sh.
 */
public final class FaultBench {

  private static final Duration STARTUP = Duration.ofSeconds(300);
  private static final String TENANT = "demo";

  private final Vertx vertx = Vertx.vertx();
  private final Path dataDir;
  private final int n;
  private final int backlog;
  private Process server;
  private int port;
  private Pool pool;

  private FaultBench(Path dataDir, int n, int backlog) {
    this.dataDir = dataDir;
    this.n = n;
    this.backlog = backlog;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 5 * n;
    FaultBench bench = new FaultBench(Files.createTempDirectory("socialportal-faults"), n, backlog);
    try {
      bench.run();
    } finally {
      bench.stop();
    }
    System.exit(0);
  }

  private record Resident(UUID id, String cookie, String csrf, String key) {
  }

  private void run() throws Exception {
    start("first");
    List<Resident> residents = residents();
    List<UUID> queued = queueForRobot();
    String month = YearMonth.now(Clock.systemUTC()).toString();

    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setConnectTimeout(5_000), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(200));
    AtomicInteger answered = new AtomicInteger();
    int killAt = Math.max(1, n / 3);
    String[] firstAnswers = new String[n];
    List<Future<Void>> burst = new ArrayList<>();
    int serverPort = port;
    Process killed = server;
    for (int i = 0; i < n; i++) {
      int index = i;
      burst.add(create(client, serverPort, residents.get(i), month).transform(done -> {
        if (done.succeeded() && done.result().statusCode() / 100 == 2) {
          firstAnswers[index] = done.result().bodyAsJsonObject().getString("id");
          if (answered.incrementAndGet() == killAt) {
            killed.destroyForcibly();
          }
        }
        return Future.succeededFuture();
      }));
    }
    Future.join(burst).await(10, TimeUnit.MINUTES);
    killed.waitFor(30, TimeUnit.SECONDS);
    long killedAt = System.nanoTime();
    UUID[] ids = queued.toArray(UUID[]::new);
    // The killed server's PostgreSQL outlives it until the next start stops it: what the robot had done by then.
    long proposedAtKill = count("SELECT count(*) FROM beslutsforslag WHERE application_id = ANY($1)",
      Tuple.of((Object) ids));
    double killedAtDb = epoch("SELECT extract(epoch FROM clock_timestamp())::float8", Tuple.tuple());
    int answeredBefore = 0;
    for (String id : firstAnswers) {
      answeredBefore += id == null ? 0 : 1;
    }
    pool.close().await(10, TimeUnit.SECONDS);

    start("second");
    double recoverSeconds = (System.nanoTime() - killedAt) / 1e9;

    int found = 0;
    for (String id : firstAnswers) {
      if (id != null) {
        found += (int) count("SELECT count(*) FROM application WHERE id = $1", Tuple.of(UUID.fromString(id)));
      }
    }
    // Every resident sends again with the same key: the unanswered as the e-tjänst retries, the answered too.
    int retried = 0;
    int sameAnswer = 0;
    for (int i = 0; i < n; i++) {
      HttpResponse<Buffer> again = create(client, port, residents.get(i), month).await(60, TimeUnit.SECONDS);
      if (again.statusCode() / 100 != 2) {
        throw new IllegalStateException("retry " + i + ": " + again.statusCode() + " " + again.bodyAsString());
      }
      if (firstAnswers[i] == null) {
        retried++;
      } else if (firstAnswers[i].equals(again.bodyAsJsonObject().getString("id"))) {
        sameAnswer++;
      }
    }
    long applications = count("SELECT count(*) FROM application WHERE tenant_id = $1 AND month = $2 "
      + "AND applicant_id = ANY($3)", Tuple.of(TENANT, YearMonth.parse(month).atDay(1),
      residents.stream().map(Resident::id).toArray(UUID[]::new)));

    long robotWait = System.nanoTime();
    long deadline = robotWait + TimeUnit.MINUTES.toNanos(30);
    while (count("SELECT count(DISTINCT application_id) FROM beslutsforslag WHERE application_id = ANY($1)",
      Tuple.of((Object) ids)) < backlog) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the robot did not finish within 30 minutes");
      }
      Thread.sleep(500);
    }
    // By the database's clock: the robot worked while the retries were sent.
    double robotSeconds = epoch("SELECT extract(epoch FROM max(created_at))::float8 FROM beslutsforslag "
      + "WHERE application_id = ANY($1)", Tuple.of((Object) ids)) - killedAtDb;
    long proposals = count("SELECT count(*) FROM beslutsforslag WHERE application_id = ANY($1)", Tuple.of((Object) ids));
    long letters = count("SELECT count(*) FROM decision_letter", Tuple.tuple());
    long payments = count("SELECT count(*) FROM payment", Tuple.tuple());

    System.out.printf(Locale.ROOT, "%nkill -9 during a burst of %d keyed applications, the robot working on %d queued%n%n",
      n, backlog);
    System.out.printf(Locale.ROOT, "| answered 2xx before the kill | found after restart | retried (unanswered) | "
      + "same answer on retry | applications per resident | duplicates | recover (kill → /health 200) | robot at the "
      + "kill | robot done (proposals / applications) | robot done (after the kill) |%n"
      + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n");
    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d of %d | %.2f | %d | %.1f s | %d | %d / %d | %.1f s |%n",
      answeredBefore, found, retried, sameAnswer, answeredBefore, (double) applications / n,
      (applications - n) + (proposals - backlog), recoverSeconds, proposedAtKill, proposals, backlog, robotSeconds);
    System.out.printf(Locale.ROOT, "letters: %d, payments: %d (both follow a handläggare's decision, none of which this "
      + "flow makes)%n", letters, payments);
    if (found != answeredBefore || applications != n || proposals != backlog || sameAnswer != answeredBefore) {
      throw new IllegalStateException("lost or duplicated work: see the table");
    }
  }

  private Future<HttpResponse<Buffer>> create(WebClient client, int serverPort, Resident resident, String month) {
    return client.post(serverPort, "127.0.0.1", "/api/v1/applications")
      .putHeader("Cookie", "sp_session=" + resident.cookie())
      .putHeader("X-CSRF-Token", resident.csrf())
      .putHeader("Idempotency-Key", resident.key())
      .timeout(60_000)
      .sendJsonObject(new JsonObject().put("month", month));
  }

  private List<Resident> residents() {
    SessionStore sessions = new SessionStore(pool, Clock.systemUTC(),
      new SessionSettings(Duration.ofHours(1), Duration.ofHours(8), false));
    PersonRepository persons = new PersonRepository(pool);
    List<Resident> residents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      var person = persons.upsertFromLogin(Personnummer.of(BenchHouseholds.personnummer(2 * i)), "Boende", "Nr" + i)
        .await();
      var created = sessions.createResident(pool, TENANT, person.id(), "Boende " + i).await();
      residents.add(new Resident(person.id(), created.token(), created.session().csrfToken(), "faults-" + i));
    }
    return residents;
  }

  /** The backlog: households submitted and queued as the e-tjänst writes them, for past months (their own persons). */
  private List<UUID> queueForRobot() {
    List<Tuple> persons = new ArrayList<>();
    List<Tuple> applications = new ArrayList<>();
    List<Tuple> jobs = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    int household = 2 * n;
    for (int i = 0; i < backlog; i++) {
      while (BenchHouseholds.hasSambo(household)) {
        household++; // one applicant each: no co-applicant to create
      }
      UUID applicant = UUID.randomUUID();
      persons.add(Tuple.of(applicant, BenchHouseholds.personnummer(2 * household)));
      UUID id = UUID.randomUUID();
      ids.add(id);
      applications.add(Tuple.of(id, TENANT, YearMonth.of(2025, 1 + i % 12).atDay(1), applicant,
        BenchHouseholds.content(household)));
      jobs.add(Tuple.of(TENANT, id, 1));
      household++;
    }
    pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO person (id, personnummer) VALUES ($1, $2)")
      .executeBatch(persons)
      .compose(v -> tx.preparedQuery("INSERT INTO application (id, tenant_id, month, kind, channel, status, "
        + "applicant_id, content, submitted_at) VALUES ($1, $2, $3, 'new', 'digital', 'submitted', $4, $5, now())")
        .executeBatch(applications))
      .compose(v -> tx.preparedQuery("INSERT INTO robot_job (tenant_id, application_id, application_version) "
        + "VALUES ($1, $2, $3)").executeBatch(jobs))).await();
    return ids;
  }

  private double epoch(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).await().iterator().next().getDouble(0);
  }

  private long count(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).await().iterator().next().getLong(0);
  }

  private void start(String name) throws Exception {
    port = TestApp.freePort();
    server = DemoServerProcess.start(dataDir, name, port, Map.of("ROBOT_ENABLED", "true", "ROBOT_LEASE_SECONDS", "15",
      "ROBOT_SWEEP_SECONDS", "2"), "-Xmx1g");
    awaitHealthy(name);
    List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(new PgConnectOptions()
      .setHost("localhost").setPort(Integer.parseInt(pid.get(3).strip())).setDatabase("postgres")
      .setUser("postgres").setPassword("postgres")).using(vertx).build();
  }

  private void awaitHealthy(String name) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
      .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited; see " + dataDir.resolve(name + ".log"));
      }
      try {
        if (client.send(health, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      server.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("the server did not answer /health within " + STARTUP);
  }

  private void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    vertx.close();
  }
}
