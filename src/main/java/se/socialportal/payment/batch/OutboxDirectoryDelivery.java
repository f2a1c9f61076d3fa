package se.socialportal.payment.batch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Delivery through an outbox folder: the bank's file-transfer client (or the municipality's integration platform)
 * collects every file that appears there. A file appears whole, under its final name, or not at all: it is copied
 * under a hidden temporary name (".name.part"), synced, and renamed. A second delivery of the same batch finds its
 * file already there with the same SHA-256 and does nothing; a different file under the name is refused, never
 * overwritten.
 */
public final class OutboxDirectoryDelivery implements PaymentDelivery {

  private final Vertx vertx;
  private final Path outbox;
  private final ExportFaults faults;

  public OutboxDirectoryDelivery(Vertx vertx, Path outbox, ExportFaults faults) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.faults = faults;
  }

  public Path outbox() {
    return outbox;
  }

  @Override
  public Future<String> deliver(Path file, String name, String sha256) {
    return vertx.executeBlocking(() -> {
      Files.createDirectories(outbox);
      Path target = outbox.resolve(name);
      if (Files.exists(target)) {
        if (DurableFiles.sha256(target).equals(sha256)) {
          return "outbox:" + name;
        }
        throw new IOException("a different file named " + name + " is already in the outbox; not overwritten");
      }
      Path part = outbox.resolve("." + name + ".part");
      try (InputStream in = Files.newInputStream(file);
           OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
             StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        in.transferTo(out);
      }
      faults.at(ExportFaults.Point.DURING_DELIVERY);
      DurableFiles.sync(part);
      DurableFiles.publish(part, target);
      return "outbox:" + name;
    });
  }
}
