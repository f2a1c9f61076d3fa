package se.socialportal.robot;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.notify.OutboxNotifier;
import se.socialportal.casework.decision.AutomatedDecision;
import se.socialportal.letters.Expediering;
import se.socialportal.letters.FileOutboxMailbox;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBook;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static se.socialportal.testing.Futures.await;

/**
 * A database, Vert.x instances and robot verticles for one test class. Time is a {@link TestClock} standing at
 * {@link TestClock#START} until a test moves it (jobs are queued at its time, so they are due at once); the stickprov
 * seed is fixed so draws can be predicted with {@link Stickprov#value}.
 */
public final class RobotHarness implements AutoCloseable {

  static final byte[] SEED = new byte[32];
  static final RobotSettings SETTINGS = new RobotSettings(true, 8, Duration.ofSeconds(30), Duration.ofMillis(200), 3,
    Duration.ofSeconds(10), Duration.ofMinutes(60), Duration.ofHours(72), Duration.ofMinutes(2));

  final DatabaseSettings database;
  final TestClock clock;
  final List<Vertx> vertxes = new ArrayList<>();
  final Pool pool;
  final RobotFixtures fixtures;
  final Queue<JobProcessor.Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Vertx main;
  /** Where the digital mailbox simulator writes letters (created when a robot first needs it). */
  Path outbox;

  RobotHarness(String name) {
    this(name, TestClock.START);
  }

  /** With the clock standing at {@code start} (e.g. just before a turn of the year). */
  RobotHarness(String name, java.time.Instant start) {
    clock = TestClock.stopped(start);
    database = TestDatabase.fresh(name);
    main = newVertx();
    pool = pool(main);
    fixtures = new RobotFixtures(pool, clock);
    fixtures.tenant();
    await(pool.preparedQuery("INSERT INTO stickprov_seed (tenant_id, seed) VALUES ('demo', $1)")
      .execute(Tuple.of(Buffer.buffer(SEED))));
  }

  Vertx newVertx() {
    Vertx vertx = Vertx.vertx();
    vertxes.add(vertx);
    return vertx;
  }

  Pool pool(Vertx vertx) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database.connectOptions())
      .using(vertx).build();
  }

  static RuleBook rules() {
    return RuleBook.load(Path.of("robots"));
  }

  Robot robot(Vertx vertx, Pool onPool, CurrentRuleBook rules, RegisterAdapter registers, RobotSettings settings) {
    return new Robot(onPool, clock, settings, rules, registers,
      new Komplettering(onPool, clock, new OutboxNotifier(clock)),
      new AutomatedDecision(expediering(vertx, onPool), clock,
        new se.socialportal.casework.delegation.CaseworkRules(rules)));
  }

  /** Letters of automated decisions go to a file outbox of this harness's own. */
  Expediering expediering(Vertx vertx, Pool onPool) {
    try {
      if (outbox == null) {
        outbox = Files.createTempDirectory("robot-outbox");
      }
      return new Expediering(vertx, onPool, new FileOutboxMailbox(vertx, outbox), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deploys a robot verticle on a Vert.x of its own (a server of its own) and returns its deployment. */
  Deployed deploy(RuleBook rules, RegisterAdapter registers, RobotSettings settings) {
    return deploy(CurrentRuleBook.of(rules), registers, settings);
  }

  /** As {@link #deploy(RuleBook, RegisterAdapter, RobotSettings)}, with a rule book a test may reload. */
  Deployed deploy(CurrentRuleBook rules, RegisterAdapter registers, RobotSettings settings) {
    Vertx vertx = newVertx();
    Robot robot = robot(vertx, pool(vertx), rules, registers, settings);
    RobotVerticle verticle = robot.verticle(database.connectOptions(), outcomes::add);
    String id = await(vertx.deployVerticle(verticle));
    return new Deployed(vertx, id, robot, verticle);
  }

  /** Deploys the robot as a server does: its watchdog, which runs and supervises one robot verticle. */
  Watched deployWatched(RuleBook rules, RegisterAdapter registers, RobotSettings settings) {
    Vertx vertx = newVertx();
    Robot robot = robot(vertx, pool(vertx), CurrentRuleBook.of(rules), registers, settings);
    RobotMonitor monitor = new RobotMonitor();
    RobotWatchdog watchdog = robot.watchdog(database.connectOptions(), 1, monitor, outcomes::add);
    await(vertx.deployVerticle(watchdog));
    return new Watched(vertx, watchdog, monitor);
  }

  record Watched(Vertx vertx, RobotWatchdog watchdog, RobotMonitor monitor) {
    RobotVerticle robot() {
      return watchdog.robots().get(0);
    }
  }

  record Deployed(Vertx vertx, String id, Robot robot, RobotVerticle verticle) {
    void undeploy() {
      await(vertx.undeploy(id));
    }

    /** Runs a sweep now (takeover + claim), as the periodic timer would; returns how many jobs it started. */
    int sweep() {
      io.vertx.core.Promise<Integer> swept = io.vertx.core.Promise.promise();
      // On the verticle's own event loop, like its timer.
      verticle.context().runOnContext(v -> verticle.sweep().onComplete(swept));
      return await(swept.future());
    }
  }

  /** Bounded polling on the database: true within 20 s, or the test fails with the description. */
  public static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within 20 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    for (Vertx vertx : vertxes) {
      try {
        vertx.close().await(20, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // Closing anyway.
      }
    }
  }
}
