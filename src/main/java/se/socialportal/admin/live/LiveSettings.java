package se.socialportal.admin.live;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.time.Duration;

/** How often the dashboard pushes a municipality's figures at most, and how often /metrics' figures are refreshed. */
public record LiveSettings(Duration push, Duration metrics) {

  public static LiveSettings from(AppConfig config) {
    return new LiveSettings(Duration.ofMillis(config.integer(Setting.LIVE_PUSH_MILLIS, 50, 60_000)),
      Duration.ofSeconds(config.integer(Setting.LIVE_METRICS_SECONDS, 1, 3_600)));
  }
}
