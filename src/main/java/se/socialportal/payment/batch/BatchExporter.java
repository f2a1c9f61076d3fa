package se.socialportal.payment.batch;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.payment.PaymentAlerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes every assembled batch to the bank, exactly once across crashes. The batch's state in the database says how
 * far it got, and each step is safe to repeat:
 *
 * <ol>
 *   <li>assembled → written: the file is (re)written from the batch's rows — the same bytes every time —, synced,
 *       checked against the schema and renamed into place; with it the bookkeeping record. Then the state and the
 *       file's SHA-256 are committed. A crash before the commit leaves a file the next run simply writes again.</li>
 *   <li>written → delivered: the file goes to the bank under its batch's name ({@link PaymentDelivery}), then the
 *       state is committed (its payments are "sent" from then on, by the payment_state view). A crash before the
 *       commit finds the same file already delivered next time and the delivery is a no-op; a crash in the middle
 *       leaves only a temporary file.</li>
 * </ol>
 *
 * A payment belongs to one batch only (bound when the batch is assembled), so no crash puts it in two files; and every
 * batch not yet delivered is picked up again, so no crash loses one. Servers share the work by a lease on the batch.
 */
public final class BatchExporter {

  private static final Logger LOG = LoggerFactory.getLogger(BatchExporter.class);
  /** How long a server holds a batch it works on; a crashed server's batch is taken over after it. */
  public static final Duration LEASE = Duration.ofMinutes(5);

  private static final String OPEN = "SELECT id FROM payment_batch WHERE state IN ('assembled', 'written') "
    + "AND (lease_until IS NULL OR lease_until <= $1) ORDER BY created_at";
  private static final String CLAIM = "UPDATE payment_batch SET lease_until = $2, attempts = attempts + 1 "
    + "WHERE id = $1 AND state IN ('assembled', 'written') AND (lease_until IS NULL OR lease_until <= $3) "
    + "RETURNING " + Batch.COLUMNS;
  private static final String WRITTEN = "UPDATE payment_batch SET state = 'written', file_sha256 = $2, written_at = $3, "
    + "ledger_file_name = $4, last_error = NULL WHERE id = $1 AND state = 'assembled'";
  private static final String DELIVERED = "UPDATE payment_batch SET state = 'delivered', delivered_at = $2, "
    + "delivery_reference = $3, lease_until = NULL, last_error = NULL WHERE id = $1 AND state = 'written'";
  private static final String INVALID = "UPDATE payment_batch SET state = 'invalid', last_error = $2, lease_until = NULL "
    + "WHERE id = $1 AND state = 'assembled'";
  private static final String FAILED_ATTEMPT = "UPDATE payment_batch SET last_error = $2 WHERE id = $1";

  private final Pool pool;
  private final Clock clock;
  private final BatchFiles files;
  private final LedgerRecord ledger;
  private final PaymentDelivery delivery;
  private final ExportFaults faults;

  public BatchExporter(Pool pool, Clock clock, BatchFiles files, LedgerRecord ledger, PaymentDelivery delivery,
                       ExportFaults faults) {
    this.pool = pool;
    this.clock = clock;
    this.files = files;
    this.ledger = ledger;
    this.delivery = delivery;
    this.faults = faults;
  }

  /** Every open batch this server can claim, each taken as far as it goes; answers the ids delivered now. */
  public Future<List<UUID>> resume() {
    return pool.preparedQuery(OPEN).execute(Tuple.of(Batch.utc(clock.instant()))).compose(rows -> {
      List<UUID> delivered = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Row row : rows) {
        UUID id = row.getUUID("id");
        chain = chain.compose(v -> export(id).<Void>map(done -> {
          if (done) {
            delivered.add(id);
          }
          return null;
        }).recover(failure -> recordFailure(id, failure)));
      }
      return chain.map(delivered);
    });
  }

  /** Takes one batch from its state to delivered; false when another server holds it or it is done. */
  public Future<Boolean> export(UUID batchId) {
    Instant now = clock.instant();
    return pool.preparedQuery(CLAIM).execute(Tuple.of(batchId, Batch.utc(now.plus(LEASE)), Batch.utc(now)))
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(false);
        }
        Batch batch = Batch.of(rows.iterator().next());
        Future<Batch> written = batch.state().equals("assembled") ? write(batch) : Future.succeededFuture(batch);
        return written.compose(this::deliver).map(true);
      });
  }

  private Future<Batch> write(Batch batch) {
    faults.at(ExportFaults.Point.BEFORE_FILE);
    return files.write(batch)
      .compose(file -> ledger.write(batch).map(ledgerName -> {
        faults.at(ExportFaults.Point.AFTER_FILE_BEFORE_COMMIT);
        return new Outputs(file, ledgerName);
      }))
      .compose(done -> pool.preparedQuery(WRITTEN).execute(Tuple.of(batch.id(), done.file().sha256(),
          Batch.utc(clock.instant()), done.ledgerName()))
        .map(v -> new Batch(batch.id(), batch.tenantId(), batch.debtorAccountId(), batch.cutoffAt(),
          batch.executionDate(), "written", batch.messageId(), batch.createdAt(), batch.debtor(),
          batch.numberOfTransactions(), batch.controlSum(), batch.fileName(), Optional.of(done.file().sha256()),
          Optional.of(done.ledgerName()))),
        failure -> failure instanceof BatchFiles.SchemaRefusedException
          ? refused(batch, failure.getMessage()) : Future.failedFuture(failure));
  }

  /** The payment file and the bookkeeping record of a batch, on disk. */
  private record Outputs(BatchFiles.Written file, String ledgerName) {
  }

  private Future<Void> deliver(Batch batch) {
    String sha256 = batch.sha256().orElseThrow();
    // The written file is what the bank gets; if it is gone (a lost disk), it is written again and must be the same.
    Future<Void> present = files.present(batch).compose(there -> there ? Future.succeededFuture()
      : files.write(batch).compose(again -> again.sha256().equals(sha256) ? Future.succeededFuture()
        : Future.failedFuture(new IllegalStateException("batch " + batch.id() + " rewritten with a different SHA-256"))));
    return present.compose(v -> delivery.deliver(files.pathOf(batch), batch.fileName(), sha256))
      .compose(reference -> {
        faults.at(ExportFaults.Point.AFTER_DELIVERY_BEFORE_COMMIT);
        Instant now = clock.instant();
        return pool.preparedQuery(DELIVERED).execute(Tuple.of(batch.id(), Batch.utc(now), reference))
          .onSuccess(v -> LOG.info("Payment file {} ({} payment(s)) delivered: {}", batch.fileName(),
            batch.numberOfTransactions(), reference));
      }).mapEmpty();
  }

  /** A file that fails the schema is never delivered; the administrator is told. */
  private Future<Batch> refused(Batch batch, String problem) {
    LOG.error("Payment file for batch {} refused by the pain.001.001.03 schema and not delivered: {}", batch.id(), problem);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> tx.preparedQuery(INVALID).execute(Tuple.of(batch.id(), problem))
        .compose(v -> PaymentAlerts.raise(tx, new PaymentAlerts.Alert(Optional.of(batch.tenantId()), "admin",
          "payment_file_invalid", Optional.empty(), Optional.empty(), Optional.of(batch.id()), Optional.empty(),
          "Betalningsfilen för brytpunkten " + batch.cutoffAt() + " följer inte pain.001.001.03 och skickades inte: "
            + problem), now)))
      .compose(v -> Future.failedFuture(new IllegalStateException(problem)));
  }

  private Future<Void> recordFailure(UUID id, Throwable failure) {
    LOG.warn("Payment batch {} did not reach the bank this time (tried again when its lease ends): {}", id,
      failure.toString());
    return pool.preparedQuery(FAILED_ATTEMPT).execute(Tuple.of(id, String.valueOf(failure.getMessage())))
      .<Void>mapEmpty().recover(ignored -> Future.succeededFuture());
  }
}
