package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.identity.Identity;
import se.socialportal.payment.account.AccountService;
import se.socialportal.payment.attest.AttestService;
import se.socialportal.payment.batch.BatchAssembler;
import se.socialportal.payment.batch.BatchExporter;
import se.socialportal.payment.batch.BatchFiles;
import se.socialportal.payment.batch.ExportFaults;
import se.socialportal.payment.batch.LedgerRecord;
import se.socialportal.payment.batch.OutboxDirectoryDelivery;
import se.socialportal.payment.batch.PaymentDelivery;
import se.socialportal.payment.feedback.FeedbackImporter;
import se.socialportal.payment.feedback.Reconciliation;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.payment.plan.PaymentPlanner;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.rules.CurrentRuleBook;

import java.time.Clock;

/**
 * The payment room's long-lived parts, built once per process: from decision to payment (planner), the attest, the
 * resident's account, the files to the bank (assembler, exporter, delivery) and back (feedback), and the views for
 * the handläggare, the resident and the administrator. {@link #runJobs} is one round of the background work.
 */
public record Payments(Pool pool, PaymentSettings settings, IsoSchemas schemas, PaymentPlanner planner, AttestService attest,
                       AccountService accounts, CasePayments cases, ResidentPayments resident,
                       EjVerkstallda ejVerkstallda, AttestLimits limits, BatchAssembler assembler,
                       BatchExporter exporter, PaymentDelivery delivery, FeedbackImporter feedback) {

  private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

  /** Compiles the ISO schemas on a worker and registers the account signature's completion with BankID's orders. */
  public static Future<Payments> create(Vertx vertx, AppConfig config, Pool pool, Clock clock, CurrentRuleBook rules,
                                       Identity identity) {
    PaymentSettings settings = PaymentSettings.from(config);
    return vertx.executeBlocking(IsoSchemas::load).map(schemas -> {
      PaymentPlanner planner = new PaymentPlanner(pool, clock, rules);
      PaymentDelivery delivery = new OutboxDirectoryDelivery(vertx, settings.outbox(), ExportFaults.NONE);
      AccountService accounts = new AccountService(pool, clock, rules, identity.bankIdOrders());
      accounts.registerCompletion();
      return new Payments(pool, settings, schemas, planner, new AttestService(pool, clock, rules, planner), accounts,
        new CasePayments(pool, clock, rules), new ResidentPayments(pool), new EjVerkstallda(pool, clock, rules),
        new AttestLimits(pool, clock), new BatchAssembler(pool, clock, rules),
        exporter(vertx, pool, clock, settings, schemas, delivery, ExportFaults.NONE), delivery,
        new FeedbackImporter(vertx, pool, clock, schemas, new Reconciliation(rules), settings.inbox()));
    });
  }

  /** The exporter over the given delivery and crash points (tests make the process stop at each). */
  public static BatchExporter exporter(Vertx vertx, Pool pool, Clock clock, PaymentSettings settings,
                                       IsoSchemas schemas, PaymentDelivery delivery, ExportFaults faults) {
    return new BatchExporter(pool, clock, new BatchFiles(vertx, pool, schemas, settings.workDir()),
      new LedgerRecord(vertx, pool, settings.ledgerDir()), delivery, faults);
  }

  /**
   * One round: payments for new decisions, the batches of a cut-off that has passed, every open batch to the bank,
   * the bank's files from the inbox. A step that fails is logged and the next still runs.
   */
  public Future<Void> runJobs() {
    return step("planning", planner.plan())
      .compose(v -> step("cut-off", assembler.assemble()))
      .compose(v -> step("delivery", exporter.resume()))
      .compose(v -> step("feedback", feedback.scan()));
  }

  private static Future<Void> step(String name, Future<?> work) {
    return work.<Void>mapEmpty().recover(failure -> {
      LOG.warn("Payment job step '{}' failed this round (tried again next round): {}", name, failure.toString());
      return Future.succeededFuture();
    });
  }
}
