package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The digital mailbox of demo mode, and of an installation whose mailbox operator collects files from a folder only
 * it and this server can read (its secured channel): every letter is written as {@code <letter id>.pdf} with
 * {@code <letter id>.json} beside it (tenant, the sender's organisation number, each recipient's person id and
 * personnummer, subject). The JSON is written last, so a collector that waits for it never reads half a PDF. The
 * operator answers by writing {@code <letter id>.receipt.json}: {@code {"status": "delivered" | "not_reachable",
 * "reference": ...}}; until it does, the letter is only handed over.
 */
public final class FileOutboxMailbox implements DigitalMailbox {

  private final Vertx vertx;
  private final Path outbox;

  public FileOutboxMailbox(Vertx vertx, Path outbox) {
    this.vertx = vertx;
    this.outbox = outbox;
  }

  public Path outbox() {
    return outbox;
  }

  @Override
  public Future<Receipt> deliver(Delivery delivery) {
    String base = delivery.letterId().toString();
    JsonArray recipients = new JsonArray();
    delivery.recipients().forEach(recipient -> recipients.add(new JsonObject()
      .put("personId", recipient.personId().toString()).put("personnummer", recipient.personnummer())));
    JsonObject meta = new JsonObject().put("letterId", base).put("tenant", delivery.tenantId())
      .put("senderOrganisationNumber", delivery.senderOrganisationNumber())
      .put("recipients", recipients).put("subject", delivery.subject()).put("file", base + ".pdf");
    var fs = vertx.fileSystem();
    return fs.mkdirs(outbox.toString())
      .compose(v -> fs.writeFile(outbox.resolve(base + ".pdf").toString(), Buffer.buffer(delivery.pdf())))
      .compose(v -> fs.writeFile(outbox.resolve(base + ".json").toString(), meta.toBuffer()))
      .map(new Receipt(Status.HANDED_OVER, "file:" + base));
  }

  @Override
  public Future<Optional<Receipt>> confirmation(UUID letterId) {
    String file = outbox.resolve(letterId + ".receipt.json").toString();
    var fs = vertx.fileSystem();
    return fs.exists(file).compose(exists -> !exists ? Future.succeededFuture(Optional.<Receipt>empty())
      : fs.readFile(file).map(buffer -> {
        JsonObject receipt = new JsonObject(buffer);
        Status status = "not_reachable".equals(receipt.getString("status")) ? Status.NOT_REACHABLE
          : "delivered".equals(receipt.getString("status")) ? Status.DELIVERED : null;
        return status == null ? Optional.<Receipt>empty()
          : Optional.of(new Receipt(status, receipt.getString("reference", "file:" + letterId)));
      }));
  }
}
