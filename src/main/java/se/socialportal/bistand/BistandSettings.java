package se.socialportal.bistand;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.time.Duration;

/** The försörjningsstöd e-tjänst's configuration, read and checked once. */
public record BistandSettings(Duration cosignDeadline, Duration cosignReminder, Path attachmentDir,
                              Path notificationFile, Duration checkInterval, Duration decisionDue) {

  public static BistandSettings from(AppConfig config) {
    Path data = Path.of(config.string(Setting.DATA_DIR)).toAbsolutePath().normalize();
    Path attachments = config.optional(Setting.ATTACHMENT_DIR).map(Path::of).orElse(data.resolve("attachments"))
      .toAbsolutePath().normalize();
    Path notifications = config.optional(Setting.NOTIFICATION_FILE).map(Path::of)
      .orElse(data.resolve("notifications.jsonl")).toAbsolutePath().normalize();
    return new BistandSettings(
      config.hours(Setting.COSIGN_DEADLINE_HOURS, 1, 24 * 30),
      config.hours(Setting.COSIGN_REMINDER_HOURS, 1, 24 * 30),
      attachments,
      notifications,
      Duration.ofSeconds(config.integer(Setting.BISTAND_CHECK_SECONDS, 1, 3600)),
      // The same due date the handläggare's queue sorts by: Mina sidor says "beslut senast" from it.
      Duration.ofDays(config.integer(Setting.CASEWORK_DUE_DAYS, 1, 60)));
  }
}
