package se.socialportal.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import se.socialportal.Main;
import se.socialportal.MainVerticle;
import se.socialportal.Services;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The page load benchmark — a benchmark, not a test: run by {@code bench/load.sh} (mvn -Pbench), never by mvn
 * verify. The whole server in demo mode (one HTTP instance per core, the robot off) on an embedded PostgreSQL 16
 * configured as in tests plus pg_stat_statements, with the data set of {@link LoadData} (residents with months of
 * history, open cases, a municipality with a large queue). A load generator on loopback — its own Vert.x with one
 * event loop, {@code connections} keep-alive connections each sending its next request as soon as the last answered —
 * runs each {@link LoadProbes.Probe} for a warm-up and then {@code seconds}, and prints per probe: requests per
 * second, p50 and p99, the ratios to a plain Vert.x endpoint (a bare HTTP server in the same Vert.x answering a fixed
 * text, the floor for any request), to the static page and to the session read measured in the same run, the CPU per
 * request of the server's JVM (the load generator's own thread subtracted) and of PostgreSQL, and pg_stat_statements'
 * top statements. Arguments: seconds per probe (default 10), connections (default 50), residents (default 20 000),
 * open cases in the large queue (default 50 000), and a regular expression choosing the probes by name (default all;
 * the three baselines always run).
 */
public final class LoadBench {

  /** What one probe measured. */
  record Result(String name, long requests, long errors, double seconds, double p50, double p99, double jvmMs,
                double postgresMs, List<String> statements) {
    double rate() {
      return requests / seconds;
    }
  }

  private LoadBench() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int residents = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int bigQueue = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
    Pattern only = Pattern.compile(args.length > 4 ? args[4] : ".*");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
      .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
      .setServerConfig("max_connections", "300").setServerConfig("shared_preload_libraries", "pg_stat_statements")
      .start();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Main.newVertx(registry);
    int port = freePort();
    int plainPort = freePort();
    int cores = Runtime.getRuntime().availableProcessors();
    JsonObject config = new JsonObject().put("MODE", "demo").put("DATABASE_URL", "postgresql://postgres:postgres@localhost:"
        + postgres.getPort() + "/postgres").put("HTTP_HOST", "127.0.0.1").put("HTTP_PORT", String.valueOf(port))
      .put("HTTP_INSTANCES", String.valueOf(cores)).put("DEMO_DATA", "false").put("ROBOT_ENABLED", "false")
      .put("BISTAND_CHECK_SECONDS", "3600").put("FAMILJERATT_CHECK_SECONDS", "3600").put("LETTER_RETRY_SECONDS", "3600")
      .put("ROBOTS_RELOAD_SECONDS", "0").put("DATA_DIR", Files.createTempDirectory("load-bench").toString())
      // The load generator stands for the proxy in front and forwards each request's own address (see LoadProbes).
      .put("TRUSTED_PROXIES", "127.0.0.1");
    AtomicReference<Services> services = new AtomicReference<>();
    Clock clock = Clock.system(ZoneId.of("Europe/Stockholm"));
    try {
      vertx.deployVerticle(new MainVerticle(config, false, registry, clock, List.of(services::set)))
        .await(120, TimeUnit.SECONDS);
      // The floor for any request: a bare HTTP server in the same Vert.x, one per core as the application's.
      for (int i = 0; i < cores; i++) {
        vertx.createHttpServer().requestHandler(request -> request.response().putHeader("Content-Type", "text/plain")
          .end("ok")).listen(plainPort, "127.0.0.1").await(30, TimeUnit.SECONDS);
      }
      run(services.get(), port, plainPort, seconds, connections, residents, bigQueue, cores, only);
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      postgres.close();
      System.exit(0);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void run(Services services, int port, int plainPort, int seconds, int connections, int residents,
                          int bigQueue, int cores, Pattern only) throws Exception {
    Pool pool = services.pool();
    System.out.printf(Locale.ROOT, "Load bench: %d cores, %d connections, %d s per request kind after a warm-up; "
      + "load average at start %s%n", cores, connections, seconds, loadAverage());
    long loadStart = System.nanoTime();
    // Residents who start this month's application, each once: as many as the others, when that probe runs.
    int submitters = only.matcher(LoadProbes.SUBMISSION).find() ? residents : 0;
    LoadData data = LoadData.create(services, residents, bigQueue, submitters);
    System.out.printf(Locale.ROOT, "Data set: %s (%.0f s to load)%n", data.describe(),
      (System.nanoTime() - loadStart) / 1e9);
    pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").execute().await();
    String dataDirectory = pool.query("SHOW data_directory").execute().await().iterator().next().getString(0);
    CpuMeter cpu = new CpuMeter(Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0)
      .strip()));

    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    Promise<Long> threadId = Promise.promise();
    clientVertx.runOnContext(v -> threadId.complete(Thread.currentThread().getId()));
    long clientThread = threadId.future().await();

    List<Result> results = new ArrayList<>();
    List<LoadProbes.Probe> probes = LoadProbes.probes(data, plainPort);
    // Settle before the first baseline: the data set's garbage collected and the HTTP path on both sides compiled,
    // so that neither is charged to the floor every other figure is a ratio to.
    System.gc();
    run(clientVertx, client, probes.get(0), Math.max(2, seconds / 3), connections);
    for (int i = 0; i < probes.size(); i++) {
      LoadProbes.Probe probe = probes.get(i);
      // The baselines always run: every other figure is a ratio to them.
      if (i >= LoadProbes.BASELINES && !only.matcher(probe.name()).find()) {
        continue;
      }
      results.add(measure(pool, cpu, clientVertx, client, clientThread, probe, seconds, connections));
    }
    print(results, cores);
    System.out.printf(Locale.ROOT, "Load average at the end: %s%n", loadAverage());
    clientVertx.close().await();
  }

  private static Result measure(Pool pool, CpuMeter cpu, Vertx clientVertx, HttpClient client, long clientThread,
                                LoadProbes.Probe probe, int seconds, int connections) {
    // Warm-up: the JIT compiles this request's path, the pools fill, the connections are open.
    run(clientVertx, client, probe, Math.max(2, seconds / 3), connections);
    pool.query("SELECT pg_stat_statements_reset()").execute().await();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long clientCpuBefore = threads.getThreadCpuTime(clientThread);
    CpuMeter.Reading before = cpu.read();
    Run run = run(clientVertx, client, probe, seconds, connections);
    CpuMeter.Reading used = cpu.read().minus(before);
    double clientSeconds = (threads.getThreadCpuTime(clientThread) - clientCpuBefore) / 1e9;
    List<String> statements = new ArrayList<>();
    for (Row row : pool.query("SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') AS query "
      + "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 5")
      .execute().await()) {
      String query = row.getString("query");
      statements.add(String.format(Locale.ROOT, "%,9d calls %6.2f per request %7.3f ms/call  %s",
        row.getLong("calls"), row.getLong("calls") / (double) Math.max(1, run.count()),
        row.getDouble("total_exec_time") / Math.max(1, row.getLong("calls")),
        query.length() > 150 ? query.substring(0, 150) + "…" : query));
    }
    long count = Math.max(1, run.count());
    return new Result(probe.name(), run.count(), run.errors(), run.seconds(), run.percentile(0.5),
      run.percentile(0.99), (used.jvmSeconds() - clientSeconds) * 1000 / count,
      used.postgresSeconds() * 1000 / count, statements);
  }

  /** Latencies of one run, in nanoseconds, recorded on the client's single event loop thread. */
  private static final class Run {
    private long[] latencies = new long[1 << 16];
    private int count;
    private long errors;
    private double seconds;
    private boolean exhausted;
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    void add(long nanos, int status) {
      if (status >= 400) {
        errors++;
        statuses.merge(status, 1, Integer::sum);
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    long count() {
      return count;
    }

    long errors() {
      return errors;
    }

    double seconds() {
      return seconds;
    }

    double percentile(double share) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(share * count) - 1;
      return sorted[Math.max(0, Math.min(index, count - 1))] / 1e6;
    }
  }

  /** {@code connections} loops, each sending its next request when the last one has answered, for {@code seconds}. */
  private static Run run(Vertx clientVertx, HttpClient client, LoadProbes.Probe probe, int seconds, int connections) {
    Run run = new Run();
    Promise<Void> done = Promise.promise();
    AtomicLong running = new AtomicLong(connections);
    clientVertx.runOnContext(v -> {
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < connections; i++) {
        loop(client, probe, random.split(), end, run, () -> {
          if (running.decrementAndGet() == 0) {
            run.seconds = (System.nanoTime() - start) / 1e9;
            done.complete();
          }
        });
      }
    });
    done.future().await();
    if (run.exhausted) {
      System.out.printf(Locale.ROOT, "  %s: no more to send after %.1f s (%d requests)%n", probe.name(), run.seconds,
        run.count);
    }
    if (!run.statuses.isEmpty()) {
      System.out.printf(Locale.ROOT, "  %s: answers not 2xx by status: %s%n", probe.name(), run.statuses);
    }
    return run;
  }

  private static void loop(HttpClient client, LoadProbes.Probe probe, SplittableRandom random, long end, Run run,
                           Runnable finished) {
    if (System.nanoTime() >= end) {
      finished.run();
      return;
    }
    LoadProbes.Request request = probe.next().apply(random);
    if (request == null) {
      run.exhausted = true;
      finished.run();
      return;
    }
    long sent = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.path());
    if (request.port() != 0) {
      options.setPort(request.port());
    }
    request.headers().forEach(options::putHeader);
    client.request(options).compose(http -> (request.body() == null ? http.send()
        : http.putHeader("Content-Type", "application/json").send(request.body()))
        .compose(response -> response.body().map(body -> response.statusCode())))
      .onComplete(answer -> {
        run.add(System.nanoTime() - sent, answer.succeeded() ? answer.result() : 599);
        loop(client, probe, random, end, run, finished);
      });
  }

  private static void print(List<Result> results, int cores) {
    double plainRate = results.get(0).rate();
    double staticRate = results.get(1).rate();
    double sessionRate = results.get(2).rate();
    System.out.println();
    System.out.println("| request | req/s | p50 | p99 | vs plain Vert.x | vs static page | vs session read | CPU per "
      + "request: JVM, PostgreSQL | errors |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (Result result : results) {
      System.out.printf(Locale.ROOT, "| `%s` | %,.0f | %.1f ms | %.1f ms | %.2f | %.2f | %.2f | %.3f ms, %.3f ms (%d "
          + "cores: %,.0f req/s) | %d |%n", result.name(), result.rate(), result.p50(), result.p99(),
        result.rate() / plainRate, result.rate() / staticRate, result.rate() / sessionRate, result.jvmMs(),
        result.postgresMs(), cores, cores * 1000 / Math.max(0.001, result.jvmMs() + result.postgresMs()),
        result.errors());
    }
    System.out.println();
    System.out.println("Where PostgreSQL's time went, per request kind (pg_stat_statements, top 5 by execution time):");
    for (Result result : results) {
      System.out.println("  " + result.name());
      result.statements().forEach(line -> System.out.println("    " + line));
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
