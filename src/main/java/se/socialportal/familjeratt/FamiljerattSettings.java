package se.socialportal.familjeratt;

import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The familjerätt e-tjänst's configuration, read and checked once at startup. */
public record FamiljerattSettings(Duration checkInterval, Optional<MailConfig> smtp, String mailFrom, Path mailFile,
                                  Path smsFile) {

  public static FamiljerattSettings from(AppConfig config) {
    Path data = Path.of(config.string(Setting.DATA_DIR)).toAbsolutePath().normalize();
    Optional<MailConfig> smtp = config.optional(Setting.SMTP_HOST).map(host -> {
      MailConfig mail = new MailConfig().setHostname(host).setPort(config.port(Setting.SMTP_PORT))
        .setStarttls(startTls(config.string(Setting.SMTP_STARTTLS)))
        .setMaxPoolSize(4);
      config.optional(Setting.SMTP_USERNAME).ifPresent(user -> mail.setUsername(user)
        .setPassword(config.string(Setting.SMTP_PASSWORD)));
      return mail;
    });
    String from = config.required(Setting.MAIL_FROM);
    if (!from.matches("[^@\\s]+@[^@\\s]+")) {
      throw new ConfigException(Setting.MAIL_FROM.name(), "must be an e-mail address, got '" + from + "'");
    }
    return new FamiljerattSettings(Duration.ofSeconds(config.integer(Setting.FAMILJERATT_CHECK_SECONDS, 1, 3600)),
      smtp, from,
      config.optional(Setting.MAIL_FILE).map(Path::of).orElse(data.resolve("mail.jsonl")).toAbsolutePath().normalize(),
      config.optional(Setting.SMS_FILE).map(Path::of).orElse(data.resolve("sms.jsonl")).toAbsolutePath().normalize());
  }

  private static StartTLSOptions startTls(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "required":
        return StartTLSOptions.REQUIRED;
      case "optional":
        return StartTLSOptions.OPTIONAL;
      case "disabled":
        return StartTLSOptions.DISABLED;
      default:
        throw new ConfigException(Setting.SMTP_STARTTLS.name(), "must be required, optional or disabled, got '"
          + value + "'");
    }
  }
}
