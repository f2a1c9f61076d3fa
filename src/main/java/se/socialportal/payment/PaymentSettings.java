package se.socialportal.payment;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.time.Duration;

/** The payment room's configuration, read and checked once. */
public record PaymentSettings(boolean jobsEnabled, Duration checkInterval, Path outbox, Path inbox, Path workDir,
                              Path ledgerDir) {

  public static PaymentSettings from(AppConfig config) {
    Path data = Path.of(config.string(Setting.DATA_DIR)).toAbsolutePath().normalize();
    return new PaymentSettings(
      config.bool(Setting.PAYMENT_JOBS_ENABLED),
      Duration.ofSeconds(config.integer(Setting.PAYMENT_CHECK_SECONDS, 1, 3600)),
      folder(config, Setting.PAYMENT_OUTBOX_DIR, data, "payment-outbox"),
      folder(config, Setting.PAYMENT_INBOX_DIR, data, "payment-inbox"),
      folder(config, Setting.PAYMENT_WORK_DIR, data, "payment-files"),
      folder(config, Setting.PAYMENT_LEDGER_DIR, data, "payment-ledger"));
  }

  private static Path folder(AppConfig config, Setting setting, Path data, String name) {
    return config.optional(setting).map(Path::of).orElse(data.resolve(name)).toAbsolutePath().normalize();
  }
}
