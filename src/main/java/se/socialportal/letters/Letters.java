package se.socialportal.letters;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The letters room's long-lived parts, built once per process: the digital mailbox (the file outbox), the one
 * {@link Expediering} every decision — a handläggare's or the robot's — publishes its letter through, and how often
 * letters not yet handed over are tried again.
 */
public record Letters(DigitalMailbox mailbox, Expediering expediering, Duration retryEvery) {

  public static Letters create(Vertx vertx, AppConfig config, Pool pool, Clock clock) {
    Path outbox = config.optional(Setting.LETTER_OUTBOX_DIR).map(Path::of)
      .orElse(Path.of(config.string(Setting.DATA_DIR), "letter-outbox")).toAbsolutePath().normalize();
    DigitalMailbox mailbox = new FileOutboxMailbox(vertx, outbox);
    return new Letters(mailbox, new Expediering(vertx, pool, mailbox, clock),
      Duration.ofSeconds(config.integer(Setting.LETTER_RETRY_SECONDS, 5, 86400)));
  }

  /** The verticle that retries the hand-over to the mailbox. */
  public ExpedieringVerticle verticle() {
    return new ExpedieringVerticle(expediering, retryEvery);
  }
}
