package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The digital mailbox of demo mode, and of an installation whose mailbox operator collects files: every letter is
 * written to the outbox folder as {@code <letter id>.pdf} with {@code <letter id>.json} beside it (tenant, recipients
 * as person ids, subject). The JSON is written last, so a collector that waits for it never reads half a PDF.
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
  public Future<String> deliver(Delivery delivery) {
    String base = delivery.letterId().toString();
    JsonArray recipients = new JsonArray();
    delivery.recipientIds().stream().map(UUID::toString).forEach(recipients::add);
    JsonObject meta = new JsonObject().put("letterId", base).put("tenant", delivery.tenantId())
      .put("recipients", recipients).put("subject", delivery.subject()).put("file", base + ".pdf");
    var fs = vertx.fileSystem();
    return fs.mkdirs(outbox.toString())
      .compose(v -> fs.writeFile(outbox.resolve(base + ".pdf").toString(), Buffer.buffer(delivery.pdf())))
      .compose(v -> fs.writeFile(outbox.resolve(base + ".json").toString(), meta.toBuffer()))
      .map("file:" + base);
  }
}
