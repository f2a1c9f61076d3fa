package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The förvaltningsrätt of demo mode and tests — a simulator, not a court: every forwarded appeal is written to the
 * outbox folder as {@code <appeal id>.pdf} (the bundle) with {@code <appeal id>.json} beside it (tenant, case
 * reference, whether it came in late). The JSON is written last, so a collector that waits for it never reads half a
 * PDF.
 */
public final class FileOutboxCourt implements CourtForwarding {

  private final Vertx vertx;
  private final Path outbox;

  public FileOutboxCourt(Vertx vertx, Path outbox) {
    this.vertx = vertx;
    this.outbox = outbox;
  }

  @Override
  public Future<String> forward(Submission submission) {
    String base = submission.appealId().toString();
    JsonObject meta = new JsonObject().put("appealId", base).put("tenant", submission.tenantId())
      .put("caseReference", submission.caseReference()).put("late", submission.late()).put("file", base + ".pdf");
    var fs = vertx.fileSystem();
    return fs.mkdirs(outbox.toString())
      .compose(v -> fs.writeFile(outbox.resolve(base + ".pdf").toString(), Buffer.buffer(submission.bundle())))
      .compose(v -> fs.writeFile(outbox.resolve(base + ".json").toString(), meta.toBuffer()))
      .map("file:" + base);
  }
}
