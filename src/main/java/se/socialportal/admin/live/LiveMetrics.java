package se.socialportal.admin.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's figures as Prometheus series on /metrics, refreshed on a timer ({@link LiveFeedVerticle}), never
 * computed by a scrape: queue length and the oldest's age per queue, applications submitted today, payments by state,
 * familjerätt's meetings today, the robot's latency, a counter of the robot's finished jobs, and a histogram of decision
 * lead times (submission → decision) by delegation level, recomputed every {@link #LEAD_TIMES_EVERY}. Every server
 * reports the same database-wide values; a
 * dashboard takes max() over instances.
 */
final class LiveMetrics {

  /** Lead-time buckets, seconds: 1 h, 4 h, 8 h, 1, 2, 3, 5, 10 and 20 days, and the rest. */
  static final double[] LEAD_TIME_BUCKETS = {3_600, 14_400, 28_800, 86_400, 172_800, 259_200, 432_000, 864_000,
    1_728_000, Double.POSITIVE_INFINITY};
  /**
   * The lead-time histogram is one pass over every decision ever made (seconds with a few years of a municipality's
   * history, on every server); lead times move by the hour, so the pass runs at most this often, not every refresh.
   */
  static final Duration LEAD_TIMES_EVERY = Duration.ofMinutes(10);

  private static final String TENANTS = "SELECT id FROM tenant ORDER BY id";
  private static final String JOBS_DONE = "SELECT tenant_id, count(*) AS n FROM robot_job "
    + "WHERE finished_at IS NOT NULL AND status = 'done' GROUP BY tenant_id";
  private static final String LEAD_TIMES = "SELECT d.tenant_id, CASE WHEN d.decided_by_kind = 'automated' "
    + "THEN 'automated' ELSE coalesce(d.delegation_level, 'none') END AS level, "
    + "count(*) FILTER (WHERE s <= 3600) AS b0, count(*) FILTER (WHERE s <= 14400) AS b1, "
    + "count(*) FILTER (WHERE s <= 28800) AS b2, count(*) FILTER (WHERE s <= 86400) AS b3, "
    + "count(*) FILTER (WHERE s <= 172800) AS b4, count(*) FILTER (WHERE s <= 259200) AS b5, "
    + "count(*) FILTER (WHERE s <= 432000) AS b6, count(*) FILTER (WHERE s <= 864000) AS b7, "
    + "count(*) FILTER (WHERE s <= 1728000) AS b8, count(*) AS b9, coalesce(sum(s), 0) AS total "
    + "FROM decision d JOIN application a ON a.id = d.application_id "
    + "CROSS JOIN LATERAL (SELECT extract(epoch FROM d.decided_at - a.submitted_at)::float8 AS s) x "
    + "WHERE d.type = 'forsorjningsstod' AND a.submitted_at IS NOT NULL GROUP BY 1, 2";

  private final Pool pool;
  private final Clock clock;
  private final PrometheusMeterRegistry registry;
  private final MultiGauge queue;
  private final MultiGauge queueAge;
  private final MultiGauge submitted;
  private final MultiGauge payments;
  private final MultiGauge bookings;
  private final MultiGauge robotLatency;
  private final Map<String, Long> jobsDone = new ConcurrentHashMap<>();
  private volatile List<HistogramSnapshot.HistogramDataPointSnapshot> leadTimes = List.of();
  private volatile Instant leadTimesAt;
  // Refreshes may overlap (the timer's and one asked for): a slower, older one must not replace a newer one's figures.
  private final AtomicLong refreshesStarted = new AtomicLong();
  private long newestPublished;

  LiveMetrics(Pool pool, Clock clock, PrometheusMeterRegistry registry) {
    this.pool = pool;
    this.clock = clock;
    this.registry = registry;
    this.queue = MultiGauge.builder("socialportal.queue").description("Cases waiting, per queue").register(registry);
    this.queueAge = MultiGauge.builder("socialportal.queue.oldest.seconds")
      .description("How long the oldest case in each queue has waited").register(registry);
    this.submitted = MultiGauge.builder("socialportal.applications.submitted.today")
      .description("Applications submitted today, per channel").register(registry);
    this.payments = MultiGauge.builder("socialportal.payments")
      .description("Payments per state (settled states: this month)").register(registry);
    this.bookings = MultiGauge.builder("socialportal.familjeratt.meetings.today")
      .description("Familjerätt's meetings today, per state").register(registry);
    this.robotLatency = MultiGauge.builder("socialportal.robot.latency.seconds")
      .description("Submission to proposal over the last 30 minutes, per quantile").register(registry);
    registry.getPrometheusRegistry().register(new Collector() {
      @Override
      public MetricSnapshot collect() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("socialportal_decision_lead_time_seconds")
          .help("Submission to decision (försörjningsstöd), per municipality and delegation level");
        leadTimes.forEach(histogram::dataPoint);
        return histogram.build();
      }

      @Override
      public String getPrometheusName() {
        return "socialportal_decision_lead_time_seconds";
      }
    });
  }

  /** Recomputes every municipality's figures (one after the other, so a refresh holds one connection at a time). */
  Future<Void> refresh() {
    long refresh = refreshesStarted.incrementAndGet();
    return pool.query(TENANTS).execute().compose(rows -> {
      List<String> tenants = new ArrayList<>();
      rows.forEach(row -> tenants.add(row.getString("id")));
      Future<List<JsonObject>> all = Future.succeededFuture(new ArrayList<>());
      for (String tenant : tenants) {
        all = all.compose(list -> LiveFigures.all(pool, tenant, clock.instant()).map(figures -> {
          list.add(figures);
          return list;
        }));
      }
      return all;
    }).compose(all -> {
      if (!newest(refresh)) {
        return Future.succeededFuture();
      }
      publish(all);
      return countersAndLeadTimes();
    });
  }

  private Future<Void> countersAndLeadTimes() {
    return pool.query(JOBS_DONE).execute().compose(rows -> {
      rows.forEach(row -> {
        String tenant = row.getString("tenant_id");
        boolean first = !jobsDone.containsKey(tenant);
        jobsDone.put(tenant, row.getLong("n"));
        if (first) {
          FunctionCounter.builder("socialportal.robot.jobs.done", jobsDone, done -> done.getOrDefault(tenant, 0L))
            .description("Robot jobs finished (a proposal made), per municipality").tags("tenant", tenant)
            .register(registry);
        }
      });
      return leadTimes();
    });
  }

  private Future<Void> leadTimes() {
    Instant now = clock.instant();
    Instant last = leadTimesAt;
    if (last != null && now.isBefore(last.plus(LEAD_TIMES_EVERY))) {
      return Future.succeededFuture();
    }
    return pool.query(LEAD_TIMES).execute().map(rows -> {
      List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>();
      rows.forEach(row -> points.add(histogramPoint(row)));
      leadTimes = List.copyOf(points);
      leadTimesAt = now;
      return null;
    });
  }

  /** Whether this refresh is newer than every one published so far (and so may publish). */
  private synchronized boolean newest(long refresh) {
    if (refresh < newestPublished) {
      return false;
    }
    newestPublished = refresh;
    return true;
  }

  private void publish(List<JsonObject> all) {
    List<MultiGauge.Row<?>> queueRows = new ArrayList<>();
    List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
    List<MultiGauge.Row<?>> submittedRows = new ArrayList<>();
    List<MultiGauge.Row<?>> paymentRows = new ArrayList<>();
    List<MultiGauge.Row<?>> bookingRows = new ArrayList<>();
    List<MultiGauge.Row<?>> latencyRows = new ArrayList<>();
    for (JsonObject figures : all) {
      String tenant = figures.getString("tenant");
      JsonObject queues = figures.getJsonObject("queue");
      for (String name : LiveFigures.QUEUES) {
        JsonObject one = queues.getJsonObject(name);
        Tags tags = Tags.of("tenant", tenant, "queue", name);
        queueRows.add(MultiGauge.Row.of(tags, one.getLong("count")));
        ageRows.add(MultiGauge.Row.of(tags, one.getLong("oldestSeconds", 0L)));
      }
      JsonObject channels = figures.getJsonObject("submissions");
      LiveFigures.CHANNELS.forEach(channel -> submittedRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "channel",
        channel), channels.getJsonObject(channel).getLong("today"))));
      JsonObject states = figures.getJsonObject("payments");
      LiveFigures.PAYMENT_STATES.forEach(state -> paymentRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "state",
        state), states.getJsonObject(state).getLong("count"))));
      JsonObject meetings = figures.getJsonObject("bookings").getJsonObject("meetingsToday");
      LiveFigures.APPOINTMENT_STATES.forEach(state -> bookingRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant,
        "state", state), meetings.getLong(state))));
      JsonObject latency = figures.getJsonObject("robot").getJsonObject("latency");
      if (latency.getValue("medianSeconds") != null) {
        latencyRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "quantile", "0.5"), latency.getDouble("medianSeconds")));
        latencyRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "quantile", "0.9"), latency.getDouble("p90Seconds")));
      }
    }
    queue.register(queueRows, true);
    queueAge.register(ageRows, true);
    submitted.register(submittedRows, true);
    payments.register(paymentRows, true);
    bookings.register(bookingRows, true);
    robotLatency.register(latencyRows, true);
  }

  /** SQL counts each bucket cumulatively (≤ bound); the snapshot takes each bucket's own count. */
  private static HistogramSnapshot.HistogramDataPointSnapshot histogramPoint(Row row) {
    long[] own = new long[LEAD_TIME_BUCKETS.length];
    long below = 0;
    for (int i = 0; i < own.length; i++) {
      long cumulative = row.getLong("b" + i);
      own[i] = cumulative - below;
      below = cumulative;
    }
    return HistogramSnapshot.HistogramDataPointSnapshot.builder()
      .classicHistogramBuckets(ClassicHistogramBuckets.of(LEAD_TIME_BUCKETS, own))
      .labels(Labels.of("tenant", row.getString("tenant_id"), "level", row.getString("level")))
      .sum(row.getDouble("total")).build();
  }
}
