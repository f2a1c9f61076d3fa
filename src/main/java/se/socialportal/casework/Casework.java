package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import se.socialportal.casework.calc.NormRecalculation;
import se.socialportal.casework.calc.Recalculation;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.letters.DigitalMailbox;
import se.socialportal.letters.FileOutboxMailbox;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;
import se.socialportal.rules.RuleBook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Casework's long-lived parts, built once per process: its view of the rule book (delegation matrices and motivering
 * templates from robots/), how adjusted calculations are recomputed, the digital mailbox, and the settings.
 */
public record Casework(CaseworkRules rules, Recalculation recalculation, DigitalMailbox mailbox, Duration dueAfter,
                       Duration letterRetry) {

  public static Future<Casework> start(Vertx vertx, AppConfig config, Supplier<RuleBook> book) {
    int dueDays = config.integer(Setting.CASEWORK_DUE_DAYS, 1, 60);
    int retrySeconds = config.integer(Setting.LETTER_RETRY_SECONDS, 5, 86400);
    Path outbox = config.optional(Setting.LETTER_OUTBOX_DIR).map(Path::of)
      .orElse(Path.of(config.string(Setting.DATA_DIR), "letter-outbox")).toAbsolutePath().normalize();
    return Future.succeededFuture(new Casework(new CaseworkRules(book), new NormRecalculation(book),
      new FileOutboxMailbox(vertx, outbox), Duration.ofDays(dueDays), Duration.ofSeconds(retrySeconds)));
  }
}
