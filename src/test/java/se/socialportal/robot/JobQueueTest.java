package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.testing.Futures.await;

@DisplayName("The robot job queue: SKIP LOCKED claims, leases, takeover, fenced finishing")
class JobQueueTest {

  private static Vertx vertxA;
  private static Vertx vertxB;
  private static Pool poolA;
  private static Pool poolB;
  private static RobotFixtures fixtures;
  // Moved forward by the tests; jobs are queued at its time, so a job submitted in a test is due at once.
  private static final TestClock clock = TestClock.stopped(TestClock.START);

  @BeforeAll
  static void start() {
    DatabaseSettings database = TestDatabase.fresh("robotqueue");
    // Two Vert.x instances with their own pools: two servers sharing one database.
    vertxA = Vertx.vertx();
    vertxB = Vertx.vertx();
    poolA = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database.connectOptions())
      .using(vertxA).build();
    poolB = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database.connectOptions())
      .using(vertxB).build();
    fixtures = new RobotFixtures(poolA, clock);
    fixtures.tenant();
  }

  @AfterAll
  static void stop() throws Exception {
    vertxA.close().await(10, TimeUnit.SECONDS);
    vertxB.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void emptyQueue() {
    await(poolA.query("UPDATE robot_job SET status = 'done', lease_until = NULL, parked_at = NULL "
      + "WHERE status <> 'done'").execute());
  }

  private List<UUID> submit(int n) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID applicant = fixtures.syntheticPerson(i);
      ids.add(fixtures.submit(UUID.randomUUID(), applicant, Optional.empty(), YearMonth.of(2025, 1 + i % 12),
        "new", "digital", RobotFixtures.single("1970-01-01", 5000, "salary", 0)));
    }
    return ids;
  }

  @Test
  @DisplayName("two servers claiming at the same time never get the same job, and together get every job")
  void concurrentClaimsNeverOverlap() {
    List<UUID> submitted = submit(300);
    JobQueue a = new JobQueue(poolA, clock);
    JobQueue b = new JobQueue(poolB, clock);
    List<ClaimedJob> byA = new ArrayList<>();
    List<ClaimedJob> byB = new ArrayList<>();
    await(Future.all(drain(vertxA, a, "server-a", byA), drain(vertxB, b, "server-b", byB)));
    Set<Long> ids = new HashSet<>();
    byA.forEach(job -> assertTrue(ids.add(job.id()), "claimed twice: " + job.id()));
    byB.forEach(job -> assertTrue(ids.add(job.id()), "claimed twice: " + job.id()));
    assertEquals(submitted.size(), ids.size());
    assertEquals(0L, fixtures.count("SELECT count(*) FROM robot_job WHERE attempts <> 1 AND application_id = ANY($1)",
      (Object) submitted.toArray(new UUID[0])));
  }

  @Test
  @DisplayName("jobs another server is claiming (rows locked in its transaction) are skipped, not waited for or taken")
  void lockedJobsAreSkipped() {
    List<UUID> submitted = submit(10);
    JobQueue b = new JobQueue(poolB, clock);
    List<ClaimedJob> byB = await(poolA.withTransaction(tx -> tx.preparedQuery("SELECT id FROM robot_job "
        + "WHERE application_id = ANY($1) ORDER BY id LIMIT 4 FOR UPDATE").execute(
          io.vertx.sqlclient.Tuple.of((Object) submitted.toArray(new UUID[0])))
      .compose(locked -> {
        Set<Long> held = new HashSet<>();
        locked.forEach(row -> held.add(row.getLong(0)));
        // While server A holds four rows, server B claims: it gets the other six at once.
        return b.claim("server-b", 100, Duration.ofSeconds(60)).map(claimed -> {
          claimed.forEach(job -> assertTrue(!held.contains(job.id()), "took a locked job " + job.id()));
          return claimed;
        });
      })));
    assertEquals(6, byB.size());
  }

  /** Claims in small batches on the given Vert.x until the queue is empty. */
  private static Future<Void> drain(Vertx vertx, JobQueue queue, String worker, List<ClaimedJob> into) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> loop(queue, worker, into, done));
    return done.future();
  }

  private static void loop(JobQueue queue, String worker, List<ClaimedJob> into, io.vertx.core.Promise<Void> done) {
    queue.claim(worker, 7, Duration.ofSeconds(60)).onComplete(result -> {
      if (result.failed()) {
        done.fail(result.cause());
      } else if (result.result().isEmpty()) {
        done.complete();
      } else {
        into.addAll(result.result());
        loop(queue, worker, into, done);
      }
    });
  }

  @Test
  @DisplayName("a worker that stops: after its lease the job is taken over, and the old worker can no longer finish it")
  void expiredLeaseIsTakenOver() {
    UUID application = submit(1).get(0);
    JobQueue queue = new JobQueue(poolA, clock);
    ClaimedJob crashed = await(queue.claim("worker-that-dies", 10, Duration.ofSeconds(30))).get(0);
    assertEquals(0, (int) await(queue.takeOverExpired()), "a live lease is not taken over");
    assertTrue(await(queue.claim("other", 10, Duration.ofSeconds(30))).isEmpty());

    clock.advance(Duration.ofSeconds(31));
    assertEquals(1, (int) await(queue.takeOverExpired()));
    ClaimedJob takenOver = await(queue.claim("other", 10, Duration.ofSeconds(30))).get(0);
    assertEquals(crashed.id(), takenOver.id());
    assertEquals(2, takenOver.attempts());
    assertEquals(1, takenOver.failures());
    assertTrue(takenOver.lastError().orElseThrow().contains("worker-that-dies"));

    // The old worker wakes up and tries to finish: refused, and its transaction rolls back.
    Exception refused = assertThrows(Exception.class, () -> await(poolA.withTransaction(tx -> queue.done(tx, crashed))));
    assertInstanceOf(LostClaimException.class, refused.getCause());
    await(poolA.withTransaction(tx -> queue.done(tx, takenOver)));
    assertEquals("done", fixtures.job(application).getString("status"));
  }

  @Test
  @DisplayName("a renewed lease is not taken over; a lease of someone else cannot be renewed")
  void renewal() {
    submit(1);
    JobQueue queue = new JobQueue(poolA, clock);
    ClaimedJob job = await(queue.claim("w1", 1, Duration.ofSeconds(30))).get(0);
    clock.advance(Duration.ofSeconds(20));
    assertEquals(1, (int) await(queue.renew("w1", Set.of(job.id()), Duration.ofSeconds(30))));
    assertEquals(0, (int) await(queue.renew("w2", Set.of(job.id()), Duration.ofSeconds(30))));
    clock.advance(Duration.ofSeconds(20));
    assertEquals(0, (int) await(queue.takeOverExpired()));
  }

  @Test
  @DisplayName("a retried job waits for its backoff; a waiting job for its retry time; a parked job is never claimed")
  void retryWaitAndPark() {
    List<UUID> apps = submit(3);
    JobQueue queue = new JobQueue(poolA, clock);
    List<ClaimedJob> jobs = await(queue.claim("w", 3, Duration.ofSeconds(60)));
    assertEquals(3, jobs.size());
    await(poolA.withTransaction(tx -> queue.retry(tx, jobs.get(0), Duration.ofSeconds(10), "registers", "boom")));
    await(poolA.withTransaction(tx -> queue.waitForData(tx, jobs.get(1), Duration.ofMinutes(60), "a-kassan")));
    await(poolA.withTransaction(tx -> queue.park(tx, jobs.get(2), "calculation", "trasig", true)));
    assertTrue(await(queue.claim("w", 10, Duration.ofSeconds(60))).isEmpty());
    clock.advance(Duration.ofSeconds(11));
    List<ClaimedJob> retried = await(queue.claim("w", 10, Duration.ofSeconds(60)));
    assertEquals(List.of(jobs.get(0).id()), retried.stream().map(ClaimedJob::id).toList());
    assertEquals(1, retried.get(0).failures());
    clock.advance(Duration.ofMinutes(60));
    List<ClaimedJob> waited = await(queue.claim("w", 10, Duration.ofSeconds(60)));
    assertEquals(List.of(jobs.get(1).id()), waited.stream().map(ClaimedJob::id).toList());
    assertEquals(0, waited.get(0).failures(), "waiting for data is not a failure");
    assertEquals(1L, fixtures.count("SELECT count(*) FROM robot_manual_review WHERE application_id = $1 "
      + "AND reason = 'trasig' AND failed_step = 'calculation'", apps.get(2)));
  }
}
