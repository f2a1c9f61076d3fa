package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.rules.CurrentRuleBook;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds the robot from its parts: the pipeline's steps in order, the queue, the reader and the writer. MainVerticle
 * deploys it with {@link #deploy}; tests and the bench build it with their own clock, settings and register adapter.
 */
public final class Robot {

  private final RobotSettings settings;
  private final JobQueue queue;
  private final JobProcessor processor;
  private final RulesWait rulesWait;

  /**
   * @param komplettering the e-tjänst's document requests, for a stickprov's
   * @param decisions     the automated decision function (only used where a tenant's automation rule lets the robot
   *                      decide)
   */
  public Robot(Pool pool, Clock clock, RobotSettings settings, CurrentRuleBook rules, RegisterAdapter registers,
               Komplettering komplettering, DecisionFunction decisions) {
    this.settings = settings;
    this.queue = new JobQueue(pool, clock);
    this.rulesWait = new RulesWait(queue, rules);
    // New rules may cover months that jobs wait for; any instance resumes them, and NOTIFY wakes every robot.
    rules.onReload(book -> rulesWait.resumeCovered());
    Pipeline pipeline = new Pipeline(List.of(
      new ApplicationStep(),
      new RulesStep(rules),
      new IdentityStep(),
      new RegisterStep(registers, clock, settings.registerMaxWait()),
      new ComparisonStep(),
      new CalculationStep(),
      new StickprovStep(new StickprovSeeds(pool)),
      new WarningStep(),
      new AutomationStep(),
      new MotiveringStep()), clock);
    this.processor = new JobProcessor(pool, queue, new CaseReader(pool), pipeline,
      new ProposalWriter(pool, clock, komplettering, decisions), settings);
  }

  /** A new verticle with a worker id unique to it (host, process, random part). */
  public RobotVerticle verticle(PgConnectOptions listenOptions, Consumer<JobProcessor.Outcome> onOutcome) {
    String worker = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    return new RobotVerticle(queue, processor, rulesWait, settings, listenOptions, worker, onOutcome);
  }

  /**
   * Deploys {@code instances} robot verticles under a watchdog ({@link RobotWatchdog}), each on its own event loop
   * with its own worker id (they share the writer, so results of both go into the same batches); their stop lets the
   * jobs in flight finish.
   */
  public Future<String> deploy(Vertx vertx, PgConnectOptions listenOptions, int instances, RobotMonitor monitor) {
    return vertx.deployVerticle(watchdog(listenOptions, instances, monitor, outcome -> { }));
  }

  /** The watchdog that runs and supervises {@code instances} robot verticles. */
  RobotWatchdog watchdog(PgConnectOptions listenOptions, int instances, RobotMonitor monitor,
                         Consumer<JobProcessor.Outcome> onOutcome) {
    return new RobotWatchdog(() -> verticle(listenOptions, onOutcome), instances, queue, settings, monitor);
  }
}
