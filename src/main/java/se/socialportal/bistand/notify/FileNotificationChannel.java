package se.socialportal.bistand.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;

/**
 * The notification simulator: appends each notification as one JSON line (with the Swedish text a real SMS or
 * e-mail would carry) to a file. Used in demo mode and tests; what a resident would receive can be read there.
 */
public final class FileNotificationChannel implements NotificationChannel {

  private final Vertx vertx;
  private final Path file;

  public FileNotificationChannel(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public Future<Void> deliver(List<JsonObject> notifications) {
    if (notifications.isEmpty()) {
      return Future.succeededFuture();
    }
    Buffer lines = Buffer.buffer();
    for (JsonObject notification : notifications) {
      lines.appendString(notification.copy().put("text", NotificationTexts.swedish(notification.getString("kind")))
        .encode()).appendString("\n");
    }
    return vertx.fileSystem().mkdirs(file.getParent().toString())
      .compose(v -> vertx.fileSystem().open(file.toString(), new OpenOptions().setAppend(true).setCreate(true)))
      .compose(handle -> handle.write(lines).eventually(handle::close));
  }
}
