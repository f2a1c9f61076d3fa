package se.socialportal.letters.print;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The print queue: the daily batch of letters that go by post, and its way from queued to printed to sent. Each state
 * change is one transaction — the batch with its PDF and its letters, or nothing; printed; sent, which also marks each
 * letter 'posted' for Mina sidor and the handläggare. No log line carries an address, a name or a personnummer.
 */
public final class PrintQueue {

  /** What the page and the log say when no address source is connected. */
  public static final String NO_SOURCE = "No folkbokföring address source is connected (PRINT_ADDRESS_SOURCE): "
    + "the print batch cannot address letters, so none is made";

  private static final Logger LOG = LoggerFactory.getLogger(PrintQueue.class);
  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  private static final String TENANTS_WAITING = "SELECT DISTINCT l.tenant_id FROM decision_letter l "
    + "WHERE l.mailbox_status = 'print' AND NOT EXISTS (SELECT 1 FROM print_batch_letter b WHERE b.letter_id = l.id) "
    + "ORDER BY l.tenant_id";

  /** A run's outcome: the batch made (none when nothing could be printed) and the letters left waiting. */
  public record Run(Optional<UUID> batchId, int letters, int unaddressed) {
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final PostalAddressSource source;
  private final Addressing addressing;

  public PrintQueue(Vertx vertx, Pool pool, Clock clock, PostalAddressSource source) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.source = source;
    this.addressing = new Addressing(source);
  }

  public PostalAddressSource source() {
    return source;
  }

  /**
   * Today's batch for the tenant: every letter waiting for print whose recipients can all be addressed, in the order
   * the letters were written. A letter already in a batch is never taken again, so a second run adds only new ones.
   */
  public Future<Run> createBatch(String tenantId, Optional<UUID> staffId) {
    if (!source.connected()) {
      return Future.failedFuture(ApiException.conflict("print_no_address_source"));
    }
    Instant now = clock.instant();
    LocalDate day = now.atZone(SWEDEN).toLocalDate();
    return pool.withTransaction(tx -> PrintBatchRepository.lockWaiting(tx, tenantId).compose(waiting ->
      items(waiting).compose(items -> {
        int unaddressed = waiting.size() - items.size();
        if (items.isEmpty()) {
          return Future.succeededFuture(new Run(Optional.empty(), 0, unaddressed));
        }
        return PrintBatchRepository.sender(tx, tenantId)
          .compose(sender -> vertx.executeBlocking(() -> PrintBatchPdf.render(sender, day, items), false))
          .compose(pdf -> PrintBatchRepository.insert(tx, tenantId, day, now, staffId, items, pdf))
          .map(id -> new Run(Optional.of(id), items.size(), unaddressed));
      }))).onSuccess(run -> run.batchId().ifPresent(id -> LOG.info("Print batch {} for {}: {} letters, {} left "
        + "waiting without a postal address", id, tenantId, run.letters(), run.unaddressed())));
  }

  /** The daily run: a batch for every municipality with letters waiting; one that fails does not stop the others. */
  public Future<Void> runDaily() {
    if (!source.connected()) {
      LOG.warn(NO_SOURCE);
      return Future.succeededFuture();
    }
    return pool.query(TENANTS_WAITING).execute().compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (var row : rows) {
        String tenant = row.getString("tenant_id");
        chain = chain.compose(v -> createBatch(tenant, Optional.empty()).<Void>mapEmpty()
          .recover(failure -> {
            LOG.warn("The daily print batch for {} failed: {}", tenant, failure.getMessage());
            return Future.succeededFuture();
          }));
      }
      return chain;
    });
  }

  public Future<JsonObject> markPrinted(String tenantId, UUID batchId, UUID staffId) {
    return move(tenantId, batchId, "queued", "printed", staffId);
  }

  public Future<JsonObject> markSent(String tenantId, UUID batchId, UUID staffId) {
    return move(tenantId, batchId, "printed", "sent", staffId);
  }

  private Future<JsonObject> move(String tenantId, UUID batchId, String from, String to, UUID staffId) {
    return pool.withTransaction(tx -> PrintBatchRepository.move(tx, tenantId, batchId, from, to, clock.instant(),
        staffId)
      .compose(moved -> PrintBatchRepository.batch(tx, tenantId, batchId).map(batch -> {
        if (batch.isEmpty()) {
          throw ApiException.notFound();
        }
        if (!moved) {
          throw ApiException.conflict("print_batch_status", batch.get().status());
        }
        return batch.get().json();
      })));
  }

  /** The page's view: the source, the letters waiting and the latest batches. Names no one. */
  public Future<JsonObject> overview(String tenantId) {
    return PrintBatchRepository.listWaiting(pool, tenantId).compose(waiting ->
      PrintBatchRepository.batches(pool, tenantId, 50).map(batches -> new JsonObject()
        .put("addressSource", new JsonObject().put("name", source.name()).put("connected", source.connected()))
        .put("waiting", waiting)
        .put("batches", new JsonArray(batches.stream().map(PrintBatchRepository.Batch::json).toList()))));
  }

  public Future<Optional<JsonObject>> batch(SqlClient client, String tenantId, UUID batchId) {
    return PrintBatchRepository.batch(client, tenantId, batchId).map(found -> found.map(PrintBatchRepository.Batch::json));
  }

  /** The batch's PDF and, for the audit log, each recipient as (case, person). */
  public Future<Optional<Download>> download(SqlClient tx, String tenantId, UUID batchId) {
    return PrintBatchRepository.pdf(tx, tenantId, batchId).compose(pdf -> pdf.isEmpty()
      ? Future.succeededFuture(Optional.empty())
      : PrintBatchRepository.recipients(tx, batchId).map(people -> Optional.of(new Download(pdf.get(), people))));
  }

  /** A batch's PDF and whose data it holds: {case id, person id} per recipient. */
  public record Download(byte[] pdf, List<UUID[]> recipients) {
  }

  private Future<List<PrintBatchPdf.Item>> items(List<PrintBatchRepository.Waiting> waiting) {
    Future<List<PrintBatchPdf.Item>> chain = Future.succeededFuture(new ArrayList<>());
    for (PrintBatchRepository.Waiting letter : waiting) {
      chain = chain.compose(items -> addressing.sheets(letter.recipients()).map(sheets -> {
        if (sheets.isPresent() && !sheets.get().isEmpty()) {
          items.add(new PrintBatchPdf.Item(letter.letterId(), letter.caseReference(), sheets.get(), letter.pdf()));
        } else {
          LOG.warn("Letter {} stays in the print queue: the register has no postal address for a recipient",
            letter.letterId());
        }
        return items;
      }));
    }
    return chain;
  }
}
