package se.socialportal.payment.feedback;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.payment.PaymentAlerts;
import se.socialportal.payment.batch.DurableFiles;
import se.socialportal.payment.iso.DebitNotification;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.payment.iso.StatusReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the bank's files from the inbox, one at a time, oldest name first: a pain.002 status report or a camt.054
 * notification, recognised by its namespace, checked against its official schema, then reconciled with our payments by
 * EndToEndId in one transaction ({@link Reconciliation}) together with the record that the file was read (its SHA-256:
 * the same file twice changes nothing the second time). The file then moves to processed/. A file that is not XML, is
 * no message we know, breaks its schema, or names a payment file we never sent moves to rejected/ with one log line
 * saying why, and the administrator gets an alert; nothing about payments changes.
 */
public final class FeedbackImporter {

  private static final Logger LOG = LoggerFactory.getLogger(FeedbackImporter.class);
  private static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final String RECORD = "INSERT INTO payment_feedback_file (sha256, file_name, kind, message_id, "
    + "imported_at, result) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING";

  /** What became of one file. */
  public record Outcome(String file, String result, JsonObject detail) {
  }

  /** A file that cannot be used: why, in a sentence for the log and the administrator. */
  static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  private sealed interface Parsed permits Report, Notification {
    String kind();

    String messageId();
  }

  private record Report(StatusReport report) implements Parsed {
    public String kind() {
      return "pain.002";
    }

    public String messageId() {
      return report.messageId();
    }
  }

  private record Notification(DebitNotification notification) implements Parsed {
    public String kind() {
      return "camt.054";
    }

    public String messageId() {
      return notification.messageId();
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final IsoSchemas schemas;
  private final Reconciliation reconciliation;
  private final Path inbox;

  public FeedbackImporter(Vertx vertx, Pool pool, Clock clock, IsoSchemas schemas, Reconciliation reconciliation,
                          Path inbox) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.schemas = schemas;
    this.reconciliation = reconciliation;
    this.inbox = inbox;
  }

  public Path inbox() {
    return inbox;
  }

  /** Reads every file waiting in the inbox. */
  public Future<List<Outcome>> scan() {
    return vertx.executeBlocking(this::waiting).compose(files -> {
      List<Outcome> outcomes = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Path file : files) {
        chain = chain.compose(v -> importFile(file).map(outcome -> {
          outcomes.add(outcome);
          return null;
        }));
      }
      return chain.map(outcomes);
    });
  }

  private List<Path> waiting() throws IOException {
    Files.createDirectories(inbox);
    try (Stream<Path> entries = Files.list(inbox)) {
      return entries.filter(Files::isRegularFile)
        .filter(file -> !file.getFileName().toString().startsWith("."))
        .filter(file -> !file.getFileName().toString().endsWith(".part"))
        .sorted().toList();
    }
  }

  Future<Outcome> importFile(Path file) {
    String name = file.getFileName().toString();
    return vertx.executeBlocking(() -> read(file)).compose(read -> {
      Instant now = clock.instant();
      return pool.withTransaction(tx -> tx.preparedQuery(RECORD).execute(Tuple.of(read.sha256(), name,
          read.parsed().kind(), read.parsed().messageId(), java.time.OffsetDateTime.ofInstant(now,
            java.time.ZoneOffset.UTC), new JsonObject())).compose(recorded -> {
          if (recorded.rowCount() == 0) {
            return Future.succeededFuture(new JsonObject().put("duplicate", true));
          }
          Future<JsonObject> applied = read.parsed() instanceof Report report
            ? reconciliation.statusReport(tx, report.report(), now)
            : reconciliation.notification(tx, ((Notification) read.parsed()).notification(), now);
          return applied.compose(result -> tx.preparedQuery("UPDATE payment_feedback_file SET result = $2 WHERE sha256 = $1")
            .execute(Tuple.of(read.sha256(), result)).map(result));
        }))
        .compose(result -> move(file, "processed").map(v -> {
          LOG.info("Bank file {} ({} {}) read: {}", name, read.parsed().kind(), read.parsed().messageId(), result.encode());
          return new Outcome(name, result.getBoolean("duplicate", false) ? "duplicate" : "processed", result);
        }));
    }).recover(failure -> {
      if (!(failure instanceof Unusable)) {
        // Anything else (the database away) is tried again at the next scan: the file stays where it is.
        LOG.warn("Bank file {} could not be read now and stays in the inbox: {}", name, failure.toString());
        return Future.succeededFuture(new Outcome(name, "retry", new JsonObject()));
      }
      return rejected(file, failure.getMessage());
    });
  }

  /** Recognise, check and parse; blocking. */
  private Read read(Path file) throws Exception {
    if (Files.size(file) > MAX_BYTES) {
      throw new Unusable("larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    String sha256 = DurableFiles.sha256(file);
    Optional<IsoSchemas.Message> message = IsoSchemas.recognise(file)
      .filter(found -> found != IsoSchemas.Message.PAIN_001);
    if (message.isEmpty()) {
      throw new Unusable("not a pain.002.001.03 or camt.054.001.02 message (not XML, or another namespace)");
    }
    try {
      schemas.validate(message.get(), file);
    } catch (IsoSchemas.InvalidMessageException e) {
      throw new Unusable("does not follow the " + message.get().messageName() + " schema: " + e.getMessage());
    }
    Parsed parsed = message.get() == IsoSchemas.Message.PAIN_002 ? new Report(StatusReport.read(file))
      : new Notification(DebitNotification.read(file));
    return new Read(sha256, parsed);
  }

  private record Read(String sha256, Parsed parsed) {
  }

  private Future<Outcome> rejected(Path file, String reason) {
    String name = file.getFileName().toString();
    String sentence = reason.endsWith(".") ? reason : reason + ".";
    LOG.error("Bank file {} moved to {}: {} No payment was changed.", name, inbox.resolve("rejected"), sentence);
    Instant now = clock.instant();
    return move(file, "rejected")
      .compose(v -> PaymentAlerts.raise(pool, new PaymentAlerts.Alert(Optional.empty(), "admin", "feedback_file_rejected",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "Bankfilen " + name + " kunde inte läsas och flyttades till rejected/: " + sentence
          + " Inga utbetalningar ändrades. Kontrollera filen med banken."), now))
      .map(v -> new Outcome(name, "rejected", new JsonObject().put("reason", reason)));
  }

  private Future<Void> move(Path file, String folder) {
    return vertx.executeBlocking(() -> {
      Path target = inbox.resolve(folder);
      Files.createDirectories(target);
      Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      DurableFiles.syncFolder(target);
      return null;
    });
  }

  /** A parsed file the reconciliation refuses as not ours (e.g. a status report for a file we never sent). */
  static Unusable notOurs(String reason) {
    return new Unusable(reason);
  }
}
