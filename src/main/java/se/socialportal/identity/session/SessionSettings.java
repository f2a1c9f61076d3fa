package se.socialportal.identity.session;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.time.Duration;

/**
 * Session lifetimes and cookie policy. In production cookies are always Secure; in demo mode they are Secure when
 * the request came over TLS, so the demo works on http://localhost in every browser and test client.
 */
public record SessionSettings(Duration idle, Duration maximum, boolean alwaysSecure) {

  public static SessionSettings from(AppConfig config) {
    return new SessionSettings(
      config.minutes(Setting.SESSION_IDLE_MINUTES, 1, 24 * 60),
      config.hours(Setting.SESSION_MAX_HOURS, 1, 72),
      !config.isDemo());
  }
}
