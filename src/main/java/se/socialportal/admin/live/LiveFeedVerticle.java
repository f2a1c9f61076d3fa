package se.socialportal.admin.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per server: LISTEN dashboard on a connection of its own (PgSubscriber, reconnecting forever) and tell the hub
 * which municipality changed; keep the open streams alive; refresh /metrics' figures on a timer. The triggers of
 * V140 send the notifications at commit, so every server hears every change, whichever server made it.
 */
public final class LiveFeedVerticle extends VerticleBase {

  static final String CHANNEL = "dashboard";
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeedVerticle.class);
  private static final long KEEP_ALIVE_MILLIS = 20_000;
  private static final long RECONNECT_MILLIS = 2_000;

  private final LiveDashboard dashboard;
  private final PgConnectOptions listenOptions;
  private final LiveSettings settings;
  private PgSubscriber subscriber;
  private boolean refreshing;

  LiveFeedVerticle(LiveDashboard dashboard, PgConnectOptions listenOptions, LiveSettings settings) {
    this.dashboard = dashboard;
    this.listenOptions = listenOptions;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    subscriber = PgSubscriber.subscriber(vertx, listenOptions).reconnectPolicy(retries -> RECONNECT_MILLIS);
    // Called again after every reconnect: what changed while nobody listened is pushed then.
    subscriber.channel(CHANNEL).subscribeHandler(v -> dashboard.changedEverywhere())
      .handler(dashboard::changed);
    subscriber.closeHandler(v -> LOG.warn("The dashboard's LISTEN connection closed; reconnecting"));
    vertx.setPeriodic(KEEP_ALIVE_MILLIS, id -> dashboard.keepAlive());
    vertx.setPeriodic(0, settings.metrics().toMillis(), id -> refreshMetrics());
    return subscriber.connect();
  }

  @Override
  public Future<?> stop() {
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }

  private void refreshMetrics() {
    if (refreshing) {
      return;
    }
    refreshing = true;
    dashboard.metrics().refresh().onComplete(done -> {
      refreshing = false;
      if (done.failed()) {
        LOG.warn("The dashboard's figures for /metrics could not be refreshed: {}", done.cause().getMessage());
      }
    });
  }
}
