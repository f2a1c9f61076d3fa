package se.socialportal.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import se.socialportal.Main;
import se.socialportal.MainVerticle;
import se.socialportal.Services;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.identity.staff.StaffRepository;

import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The booking benchmark — a benchmark, not a test: run by {@code bench/booking.sh} (mvn -Pbench), never by mvn
 * verify. The whole server (two HTTP instances) on an embedded PostgreSQL 16 configured as in tests; a
 * familjerättssekreterare releases {@code times} new one-hour times at once (two weeks of weekday hours), and
 * {@code residents} logged-in residents ask for them all at the same moment over loopback, each for a time picked at
 * random among them. A resident who gets 409 takes one of the next free times the answer offers and tries again,
 * until booked or nothing is left. It prints
 * {@code booking: B of N times booked, D double, p99 P ms} — B the times that got a booking, D the times held by more
 * than one (the database's constraint makes it 0), P the 99th percentile of every booking request's time — and the
 * same burst against a plain Vert.x endpoint in the same JVM, for scale. Every client's keep-alive connection is open
 * before a burst (as a browser's is after loading the page), so the figures are the server's, not the kernel's
 * accept queue's.
 * Arguments: residents (default 2 000), times (default 50; a multiple of 5).
 */
public final class BookingBench {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String TENANT = "demo";

  private BookingBench() {
  }

  public static void main(String[] args) throws Exception {
    int residents = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int times = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
      .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
      .setServerConfig("max_connections", "300").setServerConfig("shared_preload_libraries", "pg_stat_statements")
      .start();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    JsonObject config = new JsonObject().put("MODE", "demo").put("DATABASE_URL", "postgresql://postgres:postgres@localhost:"
        + postgres.getPort() + "/postgres").put("HTTP_HOST", "127.0.0.1").put("HTTP_PORT", String.valueOf(port))
      .put("HTTP_INSTANCES", "2").put("DB_POOL_SIZE", System.getProperty("bench.pool", "16")).put("DEMO_DATA", "false")
      .put("ROBOT_ENABLED", "false").put("FAMILJERATT_CHECK_SECONDS", "3600")
      .put("DATA_DIR", Files.createTempDirectory("booking-bench").toString());
    AtomicReference<Services> services = new AtomicReference<>();
    Clock clock = Clock.system(STOCKHOLM);
    try {
      vertx.deployVerticle(new MainVerticle(config, false, registry, clock, List.of(services::set)))
        .await(120, TimeUnit.SECONDS);
      run(vertx, services.get(), port, residents, times, clock);
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      postgres.close();
      System.exit(0);
    }
  }

  /** A logged-in resident: session cookie and CSRF token. */
  private record Resident(String token, String csrf) {
  }

  private static void run(Vertx vertx, Services services, int port, int residentCount, int times, Clock clock)
    throws Exception {
    Pool pool = services.pool();
    System.out.printf(Locale.ROOT, "Booking bench: %,d residents, %d newly released times, %d cores, max heap %d MB%n",
      residentCount, times, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("load average at start: " + loadAverage());
    List<Resident> residents = residents(services, residentCount);
    // The residents' browsers run on a Vert.x of their own with one event loop, so that the CPU they use (that
    // thread's) can be told apart from the server's.
    Vertx clientVertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
    WebClient client = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(port), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(residentCount));
    io.vertx.core.Promise<Long> threadId = io.vertx.core.Promise.promise();
    clientVertx.runOnContext(v -> threadId.complete(Thread.currentThread().getId()));
    long clientThread = threadId.future().await();
    pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").execute().await();
    String dataDirectory = pool.query("SHOW data_directory").execute().await().iterator().next().getString(0);
    CpuMeter cpu = new CpuMeter(Long.parseLong(Files.readAllLines(java.nio.file.Path.of(dataDirectory,
      "postmaster.pid")).get(0).strip()));
    // Warm-up: every resident's browser has its connection open (as a page that just loaded the free times has),
    // and the JIT and the pools have seen the booking path (on hours of their own) before the measured burst.
    connect(client, residents);
    List<String> warmTimes = release(pool, clock, 1, 5);
    burst(client, residents.subList(0, Math.min(200, residents.size())), warmTimes);
    List<String> released = release(pool, clock, 3, times);
    long before = count(pool, "SELECT count(*) FROM fr_appointment WHERE status IN ('held', 'confirmed')");
    STATUSES.clear();
    pool.query("SELECT pg_stat_statements_reset()").execute().await();
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long clientCpuBefore = threads.getThreadCpuTime(clientThread);
    CpuMeter.Reading cpuBefore = cpu.read();
    List<Long> latencies = burst(client, residents, released);
    CpuMeter.Reading used = cpu.read().minus(cpuBefore);
    double clientSeconds = (threads.getThreadCpuTime(clientThread) - clientCpuBefore) / 1e9;
    List<String> statements = topStatements(pool, latencies.size());
    long booked = count(pool, "SELECT count(DISTINCT lower(during)) FROM fr_appointment WHERE status IN ('held', "
      + "'confirmed') AND lower(during) = ANY($1)", (Object) released.stream().map(time -> java.time.OffsetDateTime
      .ofInstant(java.time.Instant.parse(time), java.time.ZoneOffset.UTC)).toArray(java.time.OffsetDateTime[]::new));
    long doubled = count(pool, "SELECT count(*) FROM (SELECT lower(during) FROM fr_appointment WHERE status IN "
      + "('held', 'confirmed') GROUP BY staff_id, lower(during) HAVING count(*) > 1) d")
      + count(pool, "SELECT count(*) FROM fr_appointment a JOIN fr_appointment b ON a.staff_id = b.staff_id "
      + "AND a.id < b.id AND a.during && b.during WHERE a.status IN ('held', 'confirmed') AND b.status IN ('held', 'confirmed')");
    long bookings = count(pool, "SELECT count(*) FROM fr_appointment WHERE status IN ('held', 'confirmed')") - before;
    double p99 = percentile(latencies, 0.99);
    System.out.printf(Locale.ROOT, "booking: %d of %d times booked, %d double, p99 %.0f ms%n", booked, times,
      doubled, p99);
    System.out.printf(Locale.ROOT, "  %,d booking requests (first tries and retries), p50 %.0f ms, max %.0f ms; "
      + "%d bookings made%n", latencies.size(), percentile(latencies, 0.5), percentile(latencies, 1.0), bookings);
    System.out.println("  answers by status: " + STATUSES);
    System.out.printf(Locale.ROOT, "  CPU per booking request: server JVM %.3f ms (the residents' client thread "
        + "subtracted: %.1f s of %.1f s), PostgreSQL %.3f ms %s%n",
      (used.jvmSeconds() - clientSeconds) * 1000 / Math.max(1, latencies.size()), clientSeconds, used.jvmSeconds(),
      used.postgresSeconds() * 1000 / Math.max(1, latencies.size()), used.postgresByKind());
    System.out.println("  PostgreSQL's top statements in the burst (pg_stat_statements, by execution time):");
    statements.forEach(line -> System.out.println("    " + line));
    clientVertx.close().await();
    List<Long> plain = plainEndpoint(vertx, residentCount);
    double plainP99 = percentile(plain, 0.99);
    System.out.printf(Locale.ROOT, "plain Vert.x endpoint, same burst of %,d requests: p99 %.0f ms (booking p99 is "
      + "%.1f × that)%n", residentCount, plainP99, p99 / Math.max(plainP99, 1));
    System.out.println("load average at end: " + loadAverage());
  }

  private static List<Resident> residents(Services services, int count) {
    SessionStore store = services.identity().sessions().store();
    List<Resident> residents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String nine = String.format(Locale.ROOT, "%02d0101%03d", 50 + i / 1000, i % 1000);
      Personnummer number = Personnummer.of("19" + nine + Personnummer.checkDigit(nine));
      var person = new PersonRepository(services.pool()).ensure(number).await();
      var created = store.createResident(services.pool(), TENANT, person.id(), "Förälder " + i).await();
      residents.add(new Resident(created.token(), created.session().csrfToken()));
    }
    return residents;
  }

  /**
   * A new familjerättssekreterare with {@code times} one-hour times: five a weekday for as many weeks as needed,
   * starting {@code weeksAhead} weeks from now, published at once. Returns the times (ISO instants).
   */
  private static List<String> release(Pool pool, Clock clock, int weeksAhead, int times) {
    String subject = "bench-" + UUID.randomUUID();
    UUID staff = new StaffRepository(pool).recordLogin(TENANT, subject, "Bench " + subject, null,
      List.of("familjerattssekreterare"), clock.instant()).await();
    LocalDate monday = LocalDate.now(clock).plusWeeks(weeksAhead).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int weeks = (times + 24) / 25;
    LocalDate last = monday.plusWeeks(weeks).minusDays(1);
    List<String> released = new ArrayList<>();
    List<Tuple> rows = new ArrayList<>();
    int[] hours = {9, 10, 11, 13, 14};
    for (int day = 1; day <= 5; day++) {
      for (int hour : hours) {
        rows.add(Tuple.of(TENANT, staff, "Familjerätten", day, LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0))
          .addValue(monday).addValue(last).addValue("Familjerätten, Storgatan 1").addValue(staff)
          .addValue(java.time.OffsetDateTime.now(clock)));
      }
    }
    for (LocalDate date = monday; !date.isAfter(last) && released.size() < times; date = date.plusDays(1)) {
      if (date.getDayOfWeek().getValue() <= 5) {
        for (int hour : hours) {
          if (released.size() < times) {
            released.add(date.atTime(hour, 0).atZone(STOCKHOLM).toInstant().toString());
          }
        }
      }
    }
    // The hours beyond the last released time of the last week are not part of the release: they end with it.
    pool.preparedQuery("INSERT INTO fr_schedule (tenant_id, staff_id, unit, weekday, start_time, end_time, valid_from, "
      + "valid_to, office, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
      .executeBatch(rows).await();
    return released;
  }

  /** Each resident loads the services once, so its keep-alive connection is open before the burst. */
  private static void connect(WebClient client, List<Resident> residents) {
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (Resident resident : residents) {
      all.add(client.get("/api/v1/familjeratt/services").putHeader("Cookie", "sp_session=" + resident.token()).send());
    }
    Future.join(all).await();
  }

  /** Every resident at once; each retries with an offered next time until booked or none is offered. */
  private static List<Long> burst(WebClient client, List<Resident> residents, List<String> times) {
    Random random = new Random(42);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Future<Void>> all = new ArrayList<>();
    for (Resident resident : residents) {
      all.add(attempt(client, resident, times.get(random.nextInt(times.size())), latencies, 10,
        new Random(random.nextLong())));
    }
    Future.join(all).await();
    return new ArrayList<>(latencies);
  }

  private static final java.util.Map<Integer, java.util.concurrent.atomic.AtomicInteger> STATUSES =
    new java.util.concurrent.ConcurrentHashMap<>();

  private static Future<Void> attempt(WebClient client, Resident resident, String time, List<Long> latencies,
                                      int triesLeft, Random random) {
    long start = System.nanoTime();
    JsonObject body = new JsonObject().put("service", "informationssamtal").put("start", time).put("place", "office");
    return client.post("/api/v1/familjeratt/bookings").putHeader("Cookie", "sp_session=" + resident.token())
      .putHeader("X-CSRF-Token", resident.csrf()).putHeader("Content-Type", "application/json")
      .sendBuffer(body.toBuffer()).compose(answer -> {
        latencies.add(System.nanoTime() - start);
        STATUSES.computeIfAbsent(answer.statusCode(), code -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        if (answer.statusCode() != 409 || triesLeft <= 1) {
          return Future.succeededFuture();
        }
        JsonArray next = answer.bodyAsJsonObject().getJsonArray("nextTimes", new JsonArray());
        if (next.isEmpty()) {
          return Future.succeededFuture();
        }
        return attempt(client, resident, next.getString(random.nextInt(next.size())), latencies, triesLeft - 1, random);
      });
  }

  private static List<Long> plainEndpoint(Vertx vertx, int requests) {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response()
      .putHeader("Content-Type", "application/json").end("{\"ok\":true}"));
    server.listen(0, "127.0.0.1").await();
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(server.actualPort()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(requests));
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Future<HttpResponse<Buffer>>> warm = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      warm.add(client.post("/").sendBuffer(Buffer.buffer("{}")));
    }
    Future.join(warm).await();
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      all.add(client.post("/").sendBuffer(Buffer.buffer("{}")).onSuccess(answer -> latencies.add(System.nanoTime() - start)));
    }
    Future.join(all).await();
    server.close().await();
    return new ArrayList<>(latencies);
  }

  private static List<String> topStatements(Pool pool, int requests) {
    List<String> statements = new ArrayList<>();
    for (io.vertx.sqlclient.Row row : pool.query("SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', "
      + "'g') AS query FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' "
      + "ORDER BY total_exec_time DESC LIMIT 8").execute().await()) {
      String query = row.getString("query");
      statements.add(String.format(Locale.ROOT, "%,9d calls %6.2f per request %8.3f ms/call  %s",
        row.getLong("calls"), row.getLong("calls") / (double) Math.max(1, requests),
        row.getDouble("total_exec_time") / Math.max(1, row.getLong("calls")),
        query.length() > 150 ? query.substring(0, 150) + "…" : query));
    }
    return statements;
  }

  private static String loadAverage() {
    try {
      return Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long count(Pool pool, String sql, Object... params) {
    return pool.preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
  }

  private static double percentile(List<Long> nanos, double share) {
    if (nanos.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(share * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
