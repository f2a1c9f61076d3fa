package se.socialportal.platform.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server's figures on /metrics: {@code http_server_requests_seconds} (count, sum, max) by method and status,
 * and {@code http_server_active_requests}. Each timer is looked up in the registry once and kept by method and
 * status, so a request costs two clock reads and one record (Vert.x's own HTTP server metrics, switched off in
 * {@code Main.newVertx}, built tags and looked up five meters by name on every request).
 */
final class HttpMetrics {

  private static final int STATUSES = 600;
  private static final Set<HttpMethod> KNOWN = Set.copyOf(HttpMethod.values());
  /** One per registry, shared by every HTTP verticle instance (a gauge registers once). */
  private static final Map<MeterRegistry, HttpMetrics> BY_REGISTRY = Collections.synchronizedMap(new WeakHashMap<>());

  private final MeterRegistry registry;
  private final AtomicLong active = new AtomicLong();
  private final Map<HttpMethod, Timer[]> timers = new ConcurrentHashMap<>();
  private final Timer[] otherMethods = new Timer[STATUSES];

  private HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("http.server.active.requests", active, AtomicLong::get)
      .description("Requests being answered").register(registry);
  }

  static HttpMetrics of(MeterRegistry registry) {
    return BY_REGISTRY.computeIfAbsent(registry, HttpMetrics::new);
  }

  void record(RoutingContext ctx) {
    long started = System.nanoTime();
    active.incrementAndGet();
    HttpMethod method = ctx.request().method();
    ctx.addEndHandler(ignored -> {
      active.decrementAndGet();
      timer(method, ctx.response().getStatusCode()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    });
    ctx.next();
  }

  Timer timer(HttpMethod method, int status) {
    int code = status > 0 && status < STATUSES ? status : 0;
    // A client may send any token as its method: those outside HTTP's own share one series.
    boolean known = KNOWN.contains(method);
    Timer[] byStatus = known ? timers.computeIfAbsent(method, ignored -> new Timer[STATUSES]) : otherMethods;
    Timer timer = byStatus[code];
    if (timer == null) {
      // Registering twice from two event loops returns the same timer: the race is harmless.
      timer = Timer.builder("http.server.requests").description("Requests answered, by method and status")
        .tag("method", known ? method.name() : "OTHER").tag("code", String.valueOf(code)).register(registry);
      byStatus[code] = timer;
    }
    return timer;
  }
}
