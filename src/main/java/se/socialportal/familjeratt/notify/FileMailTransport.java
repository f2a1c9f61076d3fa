package se.socialportal.familjeratt.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Clock;

/** Without an SMTP server (demo mode): each e-mail is one JSON line in a file, where it can be read. */
public final class FileMailTransport implements MailTransport {

  private final JsonLinesFile file;
  private final Clock clock;

  public FileMailTransport(Vertx vertx, Path file, Clock clock) {
    this.file = new JsonLinesFile(vertx, file);
    this.clock = clock;
  }

  @Override
  public Future<Void> send(Mail mail) {
    return file.append(new JsonObject().put("at", clock.instant().toString()).put("to", mail.to())
      .put("subject", mail.subject()).put("text", mail.text()).put("calendar", mail.calendar().orElse(null)));
  }
}
