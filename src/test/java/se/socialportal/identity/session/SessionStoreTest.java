package se.socialportal.identity.session;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.identity.Tokens;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's last activity is written at most every 30 seconds — the row a request reads says whether a write is
 * due, so most requests write nothing — and the idle limit still counts from the last activity written.
 */
@DisplayName("Sessions: activity is recorded at a 30 s granularity and the idle limit holds")
class SessionStoreTest {

  private static final Duration IDLE = Duration.ofMinutes(20);

  private static Vertx vertx;
  private static Pool pool;
  private static TestClock clock;
  private static SessionStore store;
  private static UUID person;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
      .connectingTo(TestDatabase.fresh("sessions").connectOptions()).using(vertx).build();
    pool.query("INSERT INTO tenant (id, name) VALUES ('demo', 'Demo kommun')").execute().await(10, TimeUnit.SECONDS);
    person = pool.query("INSERT INTO person (personnummer) VALUES ('191212121212') RETURNING id").execute()
      .await(10, TimeUnit.SECONDS).iterator().next().getUUID(0);
    clock = TestClock.stopped(TestClock.START);
    store = new SessionStore(pool, clock, new SessionSettings(IDLE, Duration.ofHours(8), false));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("within 30 s nothing is written; after it the activity is; idle past the limit ends the session")
  void touchGranularityAndIdleLimit() throws Exception {
    String token = store.createResident(pool, "demo", person, "Tolvan").await(10, TimeUnit.SECONDS).token();
    Instant created = clock.instant();
    clock.advance(Duration.ofSeconds(29));
    assertTrue(store.find(token).await(10, TimeUnit.SECONDS).isPresent());
    assertEquals(created, lastSeen(token), "within the granularity the row is not written");
    clock.advance(Duration.ofSeconds(2));
    assertTrue(store.find(token).await(10, TimeUnit.SECONDS).isPresent());
    Instant touched = clock.instant();
    assertEquals(touched, lastSeen(token), "after 31 s the activity is recorded");
    // 19 minutes after the last recorded activity the session lives (and is touched); 20 minutes after that it ends.
    clock.advance(IDLE.minusMinutes(1));
    assertTrue(store.find(token).await(10, TimeUnit.SECONDS).isPresent());
    clock.advance(IDLE);
    assertTrue(store.find(token).await(10, TimeUnit.SECONDS).isEmpty());
    assertEquals("idle", pool.preparedQuery("SELECT end_reason FROM user_session WHERE token_hash = $1")
      .execute(Tuple.of(Tokens.sha256(token))).await(10, TimeUnit.SECONDS).iterator().next().getString(0));
  }

  private static Instant lastSeen(String token) throws Exception {
    OffsetDateTime at = pool.preparedQuery("SELECT last_seen_at FROM user_session WHERE token_hash = $1")
      .execute(Tuple.of(Tokens.sha256(token))).await(10, TimeUnit.SECONDS).iterator().next().getOffsetDateTime(0);
    return at.toInstant();
  }
}
