package se.socialportal.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.notify.OutboxNotifier;
import se.socialportal.casework.decision.AutomatedDecision;
import se.socialportal.demo.RegisterSimulator;
import se.socialportal.letters.Expediering;
import se.socialportal.letters.FileOutboxMailbox;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.db.Migrations;
import se.socialportal.robot.JobProcessor;
import se.socialportal.robot.Robot;
import se.socialportal.robot.RobotSettings;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBook;
import se.socialportal.testing.Futures;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The robot benchmark — a benchmark, not a test: run by {@code bench/robot.sh} (mvn -Pbench), never by
 * mvn verify. On an embedded PostgreSQL 16 (zonky, configured as in tests: fsync and synchronous_commit off) it
 * <ol>
 *   <li>measures the raw single-row INSERT rate of that server, with the same pool and concurrency as one robot;</li>
 *   <li>loads a backlog of synthetic applications (BenchHouseholds) with their jobs, starts one robot instance and
 *       times how fast it drains the backlog; then the same with two instances (two Vert.x, two pools: two servers);</li>
 *   <li>submits applications one by one at a steady rate while two instances run, and reports p50/p99 of the time
 *       from submission (robot_job.submitted_at) to proposal (beslutsforslag.created_at);</li>
 *   <li>samples the JVM heap throughout and reports the highest use (run it with -Xmx512m).</li>
 * </ol>
 * Arguments: total applications (default 100 000), steady rate per second for the latency phase (default 400).
 */
public final class RobotBench {

  private static final String TENANT = "demo";
  private static final RobotSettings SETTINGS = new RobotSettings(true, Integer.getInteger("bench.concurrency", 64), Duration.ofSeconds(60),
    Duration.ofSeconds(1), 5, Duration.ofSeconds(10), Duration.ofMinutes(60), Duration.ofHours(72),
    Duration.ofMinutes(2));
  private static final int POOL = Integer.getInteger("bench.pool", 8);

  private final Vertx loader = Vertx.vertx();
  private final DatabaseSettings database;
  private final Pool pool;
  private final RuleBook rules = RuleBook.load(Path.of("robots"));
  private HeapPeak heapPeak;
  private final AtomicLong proposed = new AtomicLong();
  private CpuMeter cpu;
  private int nextHousehold;

  private RobotBench(DatabaseSettings database) {
    this.database = database;
    this.pool = pool(loader, 8);
  }

  public static void main(String[] args) throws Exception {
    // The robot's warnings (a claim racing a closing pool at the end of a phase) are expected noise here.
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // Configured as TestDatabase's server, plus pg_stat_statements so the bench can say where PostgreSQL's time goes.
    EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
      .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
      .setServerConfig("max_connections", "300").setServerConfig("shared_preload_libraries", "pg_stat_statements")
      .setServerConfig("pg_stat_statements.track_planning", "on");
    // Experiments with the server's settings: -Dbench.pg.<setting>=<value> (e.g. -Dbench.pg.plan_cache_mode=...).
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.pg.")) {
        server.setServerConfig(name.substring("bench.pg.".length()), System.getProperty(name));
      }
    }
    EmbeddedPostgres postgres = server.start();
    DatabaseSettings database = new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres",
      "postgres", "disable");
    Migrations.migrate(database);
    RobotBench bench = new RobotBench(database);
    try {
      bench.run(total, rate);
    } catch (RuntimeException e) {
      // System.exit below would otherwise end the JVM before the failure is printed.
      e.printStackTrace();
    } finally {
      bench.loader.close().await(30, TimeUnit.SECONDS);
      postgres.close();
      System.exit(0);
    }
  }

  private Pool pool(Vertx vertx, int size) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(database.connectOptions())
      .using(vertx).build();
  }

  private void run(int total, int rate) throws Exception {
    heapPeak = HeapPeak.start(20);
    await(pool.query("INSERT INTO tenant (id, name) VALUES ('demo', 'Demo kommun')").execute());
    await(pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").execute());
    int backlog = total * 2 / 5;
    int steady = total - 2 * backlog;
    System.out.printf(Locale.ROOT, "Robot bench: %,d applications (%,d + %,d backlog, %,d at %d/s; a warm-up "
      + "before them), %d cores, max heap %d MB, %d jobs in flight per instance%n", total, backlog, backlog, steady,
      rate, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
      SETTINGS.concurrency());

    double inserts = rawInsertRate(20_000);
    System.out.printf(Locale.ROOT, "PostgreSQL raw single-row INSERT: %,.0f rows/s (pool %d, 32 in flight)%n",
      inserts, POOL);

    String dataDirectory = await(pool.query("SHOW data_directory").execute()).iterator().next().getString(0);
    cpu = new CpuMeter(Long.parseLong(java.nio.file.Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0)
      .strip()));
    // The JIT compiles the robot's code during its first thousands of jobs; measured phases start warm, as a server
    // that has run for a minute is. The warm-up's applications count in the totals below, not in the rates.
    int warmUp = Math.min(5_000, total / 10);
    double warm = drain(warmUp, 1, false);
    System.out.printf(Locale.ROOT, "Warm-up (JIT), 1 instance: %,d applications, %,.0f applications/s (not a result)%n",
      warmUp, warm);
    double one = drain(backlog, 1, true);
    System.out.printf(Locale.ROOT, "1 robot instance:  %,.0f applications/s (%.2f × raw insert rate)%n", one,
      one / inserts);
    double two = drain(backlog, 2, true);
    System.out.printf(Locale.ROOT, "2 robot instances: %,.0f applications/s (%.2f × raw insert rate)%n", two,
      two / inserts);

    double[] latency = steadyLatency(steady, rate);
    System.out.printf(Locale.ROOT, "Submission → proposal at %d/s with 2 instances: p50 %.1f ms, p99 %.1f ms, "
      + "max %.1f ms%n", rate, latency[0], latency[1], latency[2]);
    long proposals = count("SELECT count(*) FROM beslutsforslag");
    long warnings = count("SELECT count(*) FROM case_warning");
    long stickprov = count("SELECT count(*) FROM stickprov_draw WHERE sampled");
    long failed = count("SELECT count(*) FROM robot_job WHERE status <> 'done'");
    heapPeak.stop();
    System.out.printf(Locale.ROOT, "Proposals %,d, warnings %,d, stickprov %,d, jobs not done %d%n", proposals,
      warnings, stickprov, failed);
    System.out.printf(Locale.ROOT, "Heap used: peak %d MB (max %d MB)%n", heapPeak.bytes() >> 20,
      Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("Where PostgreSQL's time went (pg_stat_statements, top 10 by total time):");
    for (Row row : await(pool.query("SELECT calls, plans, total_exec_time + total_plan_time AS total_time, "
      + "(total_exec_time + total_plan_time) / greatest(calls, 1) AS mean_time, "
      + "regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements "
      + "ORDER BY total_exec_time + total_plan_time DESC LIMIT 10").execute())) {
      String query = row.getString("query");
      System.out.printf(Locale.ROOT, "  %,9d calls %,9d plans %,9.0f ms %7.3f ms/call  %s%n", row.getLong("calls"),
        row.getLong("plans"), row.getDouble("total_time"), row.getDouble("mean_time"),
        query.length() > 110 ? query.substring(0, 110) + "…" : query);
    }
  }

  /** Single-row INSERTs, each its own statement and transaction, 32 at a time on a pool of 8. */
  private double rawInsertRate(int rows) {
    await(pool.query("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), "
      + "payload jsonb NOT NULL)").execute());
    // Warm up the JIT and the connections first, as the robot phases are warmed by the data load.
    AtomicLong warmUp = new AtomicLong(rows / 4);
    List<Future<Void>> warming = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      warming.add(insertLoop(warmUp));
    }
    await(Future.all(warming));
    AtomicLong left = new AtomicLong(rows);
    long start = System.nanoTime();
    List<Future<Void>> workers = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      workers.add(insertLoop(left));
    }
    await(Future.all(workers));
    return rows / seconds(start);
  }

  private Future<Void> insertLoop(AtomicLong left) {
    if (left.decrementAndGet() < 0) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("INSERT INTO bench_insert (payload) VALUES ($1)")
      .execute(Tuple.of(new JsonObject().put("n", left.get()))).compose(v -> insertLoop(left));
  }

  /** Loads {@code count} submitted applications with jobs, then times {@code instances} robots draining them. */
  private double drain(int count, int instances, boolean report) {
    loadBacklog(count);
    long target = proposed.get() + count;
    List<Vertx> servers = new ArrayList<>();
    CpuMeter.Reading before = cpu.read();
    long start = System.nanoTime();
    for (int i = 0; i < instances; i++) {
      servers.add(startRobot());
    }
    waitForProposals(target);
    double rate = count / seconds(start);
    CpuMeter.Reading used = cpu.read().minus(before);
    double jvm = used.jvmSeconds() * 1000 / count;
    double postgres = used.postgresSeconds() * 1000 / count;
    int cores = Runtime.getRuntime().availableProcessors();
    if (!report) {
      servers.forEach(server -> await(server.close()));
      return rate;
    }
    System.out.printf(Locale.ROOT, "  CPU per application: robot JVM %.2f ms, PostgreSQL %.2f ms; %d cores could "
      + "do %,.0f applications/s if nothing else ran%n", jvm, postgres, cores, cores * 1000 / (jvm + postgres));
    System.out.printf(Locale.ROOT, "  PostgreSQL CPU by process, ms per application: %s%n",
      used.postgresByKind().entrySet().stream().filter(kind -> kind.getValue() > 0.0)
        .map(kind -> String.format(Locale.ROOT, "%s %.2f", kind.getKey(), kind.getValue() * 1000 / count))
        .collect(java.util.stream.Collectors.joining(", ")));
    servers.forEach(server -> await(server.close()));
    return rate;
  }

  private Vertx startRobot() {
    Vertx server = Vertx.vertx();
    Pool robotPool = pool(server, POOL);
    // The demo rules decide nothing automatically, so no letter is written; the robot still needs its expediering.
    Robot robot = new Robot(robotPool, Clock.systemUTC(), SETTINGS, CurrentRuleBook.of(rules),
      new RegisterSimulator(Clock.systemUTC()),
      new Komplettering(robotPool, Clock.systemUTC(), new OutboxNotifier(Clock.systemUTC())),
      new AutomatedDecision(new Expediering(server, robotPool,
        new FileOutboxMailbox(server, Path.of("target", "bench-outbox")), Clock.systemUTC()), Clock.systemUTC(),
        new se.socialportal.casework.delegation.CaseworkRules(() -> rules)));
    await(server.deployVerticle(robot.verticle(database.connectOptions(), outcome -> {
      if (outcome == JobProcessor.Outcome.PROPOSED) {
        proposed.incrementAndGet();
      }
    })));
    return server;
  }

  private void loadBacklog(int count) {
    for (int done = 0; done < count; done += 1000) {
      await(submit(Math.min(1000, count - done)));
    }
    // A bulk load outruns autovacuum's statistics; a running installation's tables are analyzed as they grow.
    await(pool.query("ANALYZE").execute());
  }

  /** One transaction: persons, applications and jobs for {@code n} households, as the e-tjänst writes them. */
  private Future<Void> submit(int n) {
    List<Tuple> persons = new ArrayList<>();
    List<Tuple> applications = new ArrayList<>();
    List<Tuple> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int household = nextHousehold++;
      UUID applicant = UUID.nameUUIDFromBytes(("a" + household).getBytes());
      persons.add(Tuple.of(applicant, BenchHouseholds.personnummer(2 * household)));
      UUID co = null;
      if (BenchHouseholds.hasSambo(household)) {
        co = UUID.nameUUIDFromBytes(("c" + household).getBytes());
        persons.add(Tuple.of(co, BenchHouseholds.personnummer(2 * household + 1)));
      }
      UUID id = UUID.randomUUID();
      applications.add(Tuple.of(id, TENANT, YearMonth.of(2025, 1 + household % 12).atDay(1), applicant, co,
        BenchHouseholds.content(household)));
      jobs.add(Tuple.of(TENANT, id, 1));
    }
    return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO person (id, personnummer) VALUES ($1, $2)")
      .executeBatch(persons)
      .compose(v -> tx.preparedQuery("INSERT INTO application (id, tenant_id, month, kind, channel, status, "
        + "applicant_id, co_applicant_id, content, submitted_at) VALUES ($1, $2, $3, 'new', 'digital', 'submitted', "
        + "$4, $5, $6, now())").executeBatch(applications))
      .compose(v -> tx.preparedQuery("INSERT INTO robot_job (tenant_id, application_id, application_version) "
        + "VALUES ($1, $2, $3)").executeBatch(jobs))
      .mapEmpty());
  }

  /** Applications submitted one per transaction at {@code rate} per second; percentiles of submission → proposal. */
  private double[] steadyLatency(int count, int rate) {
    long firstJob = count("SELECT coalesce(max(id), 0) FROM robot_job");
    long target = proposed.get() + count;
    List<Vertx> servers = List.of(startRobot(), startRobot());
    Promise<Void> submitted = Promise.promise();
    AtomicLong sent = new AtomicLong();
    AtomicBoolean busy = new AtomicBoolean();
    int perTick = Math.max(1, rate / 100);
    loader.setPeriodic(10, timer -> {
      if (sent.get() >= count) {
        loader.cancelTimer(timer);
        submitted.tryComplete();
        return;
      }
      if (!busy.compareAndSet(false, true)) {
        return;
      }
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = 0; i < perTick && sent.get() < count; i++) {
        sent.incrementAndGet();
        batch.add(submit(1));
      }
      Future.all(batch).onComplete(done -> busy.set(false));
    });
    await(submitted.future());
    waitForProposals(target);
    Row row = await(pool.preparedQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), "
      + "percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), max(ms) FROM (SELECT extract(epoch FROM "
      + "(b.created_at - j.submitted_at)) * 1000 AS ms FROM robot_job j JOIN beslutsforslag b "
      + "ON b.application_id = j.application_id WHERE j.id > $1) t").execute(Tuple.of(firstJob))).iterator().next();
    servers.forEach(server -> await(server.close()));
    return new double[] {row.getDouble(0), row.getDouble(1), row.getDouble(2)};
  }

  /** Until the robots have reported this many proposals in all (counted in memory: polling would load the database). */
  private void waitForProposals(long total) {
    while (proposed.get() < total) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }


  private long count(String sql) {
    return await(pool.query(sql).execute()).iterator().next().getLong(0);
  }

  /** Loading many thousands of rows in one call takes minutes; the shared helper's timeout is for tests. */
  private static <T> T await(Future<T> future) {
    return Futures.await(future, Duration.ofMinutes(10));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
