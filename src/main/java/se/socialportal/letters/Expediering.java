package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Expediering of decisions: renders the letter (on a worker thread), stores it in the decision's own transaction —
 * which publishes it on Mina sidor — and afterwards hands it to the digital mailbox. A mailbox that fails is retried
 * by {@link #retryPending()}; the letter on Mina sidor does not wait for it.
 */
public final class Expediering {

  private static final Logger LOG = LoggerFactory.getLogger(Expediering.class);

  private final Vertx vertx;
  private final Pool pool;
  private final DigitalMailbox mailbox;
  private final Clock clock;

  public Expediering(Vertx vertx, Pool pool, DigitalMailbox mailbox, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.mailbox = mailbox;
    this.clock = clock;
  }

  /** Inside the decision's transaction: the PDF is rendered and stored with its decisions, or nothing is. */
  public Future<UUID> publish(SqlClient tx, DecisionLetter letter, String tenantId, UUID applicationId, UUID decisionSet,
                              List<UUID> recipients, List<UUID> decisionIds) {
    Instant now = clock.instant();
    return vertx.executeBlocking(() -> DecisionLetterPdf.render(letter), false)
      .compose(pdf -> LetterRepository.insert(tx, tenantId, applicationId, decisionSet, recipients, pdf, decisionIds,
        now));
  }

  /** After commit: hand the letter to the mailbox and record the outcome. */
  public Future<Void> deliver(UUID letterId, String tenantId) {
    return pool.withTransaction(tx -> tx.preparedQuery("SELECT id, tenant_id, recipient_ids, pdf FROM decision_letter "
        + "WHERE id = $1 AND tenant_id = $2 AND mailbox_status <> 'delivered' FOR UPDATE SKIP LOCKED")
      .execute(io.vertx.sqlclient.Tuple.of(letterId, tenantId))
      .compose(rows -> rows.size() == 0 ? Future.succeededFuture() : deliverRow(tx, rows.iterator().next())));
  }

  /** Every letter still waiting for the mailbox (after a failure or a restart). */
  public Future<Integer> retryPending() {
    return pool.withTransaction(tx -> LetterRepository.lockPending(tx).compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row row : rows) {
        chain = chain.compose(v -> deliverRow(tx, row));
      }
      return chain.map(rows.size());
    }));
  }

  private Future<Void> deliverRow(SqlClient tx, Row row) {
    UUID id = row.getUUID("id");
    DigitalMailbox.Delivery delivery = new DigitalMailbox.Delivery(id, row.getString("tenant_id"),
      List.of(row.getArrayOfUUIDs("recipient_ids")), "Beslut om ekonomiskt bistånd", row.getBuffer("pdf").getBytes());
    return mailbox.deliver(delivery)
      .compose(reference -> LetterRepository.delivered(tx, id, reference, clock.instant()))
      .recover(failure -> {
        LOG.warn("Letter {} could not be handed to the digital mailbox: {}", id, failure.getMessage());
        return LetterRepository.failed(tx, id, clock.instant());
      });
  }
}
