package se.socialportal.admin.live;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live dashboard's hub, one per process: the open event streams per municipality, and the push. A change in the
 * database (NOTIFY dashboard, heard by {@link LiveFeedVerticle}) marks its municipality changed; within
 * {@link LiveSettings#push()} its figures are recomputed once, however many changes came meanwhile, and written to
 * every stream of that municipality open on this server. Every server listens, so a change made through any server
 * reaches the streams of all of them.
 */
public final class LiveDashboard {

  private static final Logger LOG = LoggerFactory.getLogger(LiveDashboard.class);

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final LiveSettings settings;
  private final LiveMetrics metrics;
  private final Map<String, Set<HttpServerResponse>> streams = new ConcurrentHashMap<>();
  private final Set<String> due = ConcurrentHashMap.newKeySet();

  public LiveDashboard(Vertx vertx, Pool pool, Clock clock, LiveSettings settings, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.settings = settings;
    this.metrics = new LiveMetrics(pool, clock, registry);
  }

  /** The verticle that listens for changes (on a connection of its own) and refreshes /metrics' figures. */
  public LiveFeedVerticle verticle(PgConnectOptions listenOptions) {
    return new LiveFeedVerticle(this, listenOptions, settings);
  }

  /** Every figure group of one municipality, now. */
  public Future<JsonObject> figures(String tenant) {
    return LiveFigures.all(pool, tenant, clock.instant());
  }

  /** A stream opened: it gets the full set of figures at once (a reconnect too) and every push after. */
  Future<Void> open(String tenant, HttpServerResponse stream) {
    streams.computeIfAbsent(tenant, key -> ConcurrentHashMap.newKeySet()).add(stream);
    stream.closeHandler(closed -> close(tenant, stream));
    stream.exceptionHandler(failure -> close(tenant, stream));
    return figures(tenant).compose(figures -> ServerSentEvents.figures(stream, figures));
  }

  private void close(String tenant, HttpServerResponse stream) {
    streams.computeIfPresent(tenant, (key, open) -> {
      open.remove(stream);
      return open.isEmpty() ? null : open;
    });
  }

  /** The municipality's figures changed: push them once the push interval has passed (changes meanwhile join it). */
  void changed(String tenant) {
    if (!streams.containsKey(tenant) || !due.add(tenant)) {
      return;
    }
    vertx.setTimer(settings.push().toMillis(), id -> {
      due.remove(tenant);
      push(tenant);
    });
  }

  /** After the listener reconnected: changes may have been missed, so every open municipality is pushed. */
  void changedEverywhere() {
    streams.keySet().forEach(this::changed);
  }

  /** A comment line to every stream, so proxies and the browser do not take a quiet stream for a dead one. */
  void keepAlive() {
    streams.values().forEach(open -> open.forEach(ServerSentEvents::comment));
  }

  int openStreams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  LiveMetrics metrics() {
    return metrics;
  }

  private void push(String tenant) {
    Set<HttpServerResponse> open = streams.get(tenant);
    if (open == null || open.isEmpty()) {
      return;
    }
    figures(tenant).onSuccess(figures -> open.forEach(stream -> ServerSentEvents.figures(stream, figures)))
      .onFailure(failure -> LOG.warn("The dashboard's figures for {} could not be computed: {}", tenant,
        failure.getMessage()));
  }
}
