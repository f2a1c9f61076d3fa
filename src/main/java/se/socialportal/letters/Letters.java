package se.socialportal.letters;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.letters.print.PostalAddressSource;
import se.socialportal.letters.print.PostalAddressSources;
import se.socialportal.letters.print.PrintQueue;
import se.socialportal.letters.print.PrintQueueVerticle;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * The letters room's long-lived parts, built once per process: the digital mailbox (the file outbox), the one
 * {@link Expediering} every decision — a handläggare's or the robot's — publishes its letter through, how often
 * letters not yet handed over are tried again, and the print queue for letters that go by post (with the time of day
 * its daily batch is made).
 */
public record Letters(DigitalMailbox mailbox, Expediering expediering, Duration retryEvery, PrintQueue printQueue,
                      LocalTime printAt, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(Letters.class);

  /** @param addressSimulator the demo's folkbokföring address simulator, made only when chosen */
  public static Letters create(Vertx vertx, AppConfig config, Pool pool, Clock clock,
                               Supplier<PostalAddressSource> addressSimulator) {
    Path outbox = config.optional(Setting.LETTER_OUTBOX_DIR).map(Path::of)
      .orElse(Path.of(config.string(Setting.DATA_DIR), "letter-outbox")).toAbsolutePath().normalize();
    DigitalMailbox mailbox = new FileOutboxMailbox(vertx, outbox);
    PostalAddressSource addresses = PostalAddressSources.from(config, addressSimulator);
    if (!addresses.connected()) {
      LOG.warn(PrintQueue.NO_SOURCE);
    }
    return new Letters(mailbox, new Expediering(vertx, pool, mailbox, clock),
      Duration.ofSeconds(config.integer(Setting.LETTER_RETRY_SECONDS, 5, 86400)),
      new PrintQueue(vertx, pool, clock, addresses), printTime(config), clock);
  }

  /** PRINT_BATCH_TIME as a time of day (HH:mm, Swedish time). */
  public static LocalTime printTime(AppConfig config) {
    String value = config.string(Setting.PRINT_BATCH_TIME);
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(Setting.PRINT_BATCH_TIME.name(), "must be a time of day HH:mm, got '" + value + "'");
    }
  }

  /** The verticle that retries the hand-over to the mailbox. */
  public ExpedieringVerticle verticle() {
    return new ExpedieringVerticle(expediering, retryEvery);
  }

  /** The verticle that makes the day's print batch at {@link #printAt}. */
  public PrintQueueVerticle printVerticle() {
    return new PrintQueueVerticle(printQueue, clock, printAt);
  }
}
