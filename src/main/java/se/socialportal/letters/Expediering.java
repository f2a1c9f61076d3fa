package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

  /** After commit: hand the letter over (or put it in the print queue) and record the outcome. */
  public Future<Void> deliver(UUID letterId, String tenantId) {
    return pool.withTransaction(tx -> LetterRepository.lockOne(tx, letterId, tenantId).compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row row : rows) {
        chain = chain.compose(v -> deliverRow(tx, row));
      }
      return chain;
    }));
  }

  /** Every letter still waiting for the mailbox (after a failure or a restart) or for the operator's confirmation. */
  public Future<Integer> retryPending() {
    return pool.withTransaction(tx -> LetterRepository.lockPending(tx).compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row row : rows) {
        chain = chain.compose(v -> deliverRow(tx, row));
      }
      return chain.map(rows.size());
    }));
  }

  /**
   * A paper application's letter goes by post; a letter the operator already has waits for its confirmation; any
   * other is handed over. "delivered" is recorded only on the operator's word, "print" when it cannot reach someone.
   */
  private Future<Void> deliverRow(SqlClient tx, Row row) {
    UUID id = row.getUUID("id");
    if ("handed_over".equals(row.getString("mailbox_status"))) {
      return mailbox.confirmation(id).compose(answer -> answer.isEmpty() ? Future.succeededFuture()
        : LetterRepository.status(tx, id, status(answer.get()), answer.get().reference(), false, clock.instant()));
    }
    if (!"digital".equals(row.getString("channel"))) {
      return LetterRepository.status(tx, id, "print", null, false, clock.instant());
    }
    List<DigitalMailbox.Recipient> recipients = new ArrayList<>();
    JsonArray people = row.getJsonArray("recipients");
    for (int i = 0; i < people.size(); i++) {
      JsonObject person = people.getJsonObject(i);
      recipients.add(new DigitalMailbox.Recipient(UUID.fromString(person.getString("id")),
        person.getString("personnummer")));
    }
    DigitalMailbox.Delivery delivery = new DigitalMailbox.Delivery(id, row.getString("tenant_id"),
      row.getString("organisationsnummer"), recipients, "Beslut om ekonomiskt bistånd", row.getBuffer("pdf").getBytes());
    return mailbox.deliver(delivery)
      .compose(receipt -> LetterRepository.status(tx, id, status(receipt), receipt.reference(), true, clock.instant()))
      .recover(failure -> {
        LOG.warn("Letter {} could not be handed to the digital mailbox: {}", id, failure.getMessage());
        return LetterRepository.status(tx, id, "failed", null, true, clock.instant());
      });
  }

  private static String status(DigitalMailbox.Receipt receipt) {
    return switch (receipt.status()) {
      case DELIVERED -> "delivered";
      case HANDED_OVER -> "handed_over";
      case NOT_REACHABLE -> "print";
    };
  }
}
