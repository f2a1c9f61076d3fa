package se.socialportal.familjeratt.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Clock;

/** The SMS simulator: each message is one JSON line ({@code at, to, text}) in a file, where demo users read it. */
public final class FileSmsGateway implements SmsGateway {

  private final JsonLinesFile file;
  private final Clock clock;

  public FileSmsGateway(Vertx vertx, Path file, Clock clock) {
    this.file = new JsonLinesFile(vertx, file);
    this.clock = clock;
  }

  public Path file() {
    return file.path();
  }

  @Override
  public Future<Void> send(String phone, String text) {
    return file.append(new JsonObject().put("at", clock.instant().toString()).put("to", phone).put("text", text));
  }
}
