package se.socialportal.robot;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.time.Duration;

/**
 * The robot's knobs, read and validated once (a bad value stops startup naming the key).
 *
 * @param registerRetry   how long to wait before asking the registers again when their data is not complete yet
 * @param registerMaxWait after this long since submission, propose anyway with MISSING_EXTERNAL_DATA
 * @param stuckAfter      a job in flight this long is given up (its lease runs out and it is taken over); a robot
 *                        instance that has not claimed for this long while jobs are due is restarted by its watchdog
 */
public record RobotSettings(boolean enabled, int concurrency, Duration lease, Duration sweep, int maxAttempts,
                            Duration backoff, Duration registerRetry, Duration registerMaxWait, Duration stuckAfter) {

  /** Retries never wait longer than this, however many failures came before. */
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  public static RobotSettings from(AppConfig config) {
    return new RobotSettings(
      config.bool(Setting.ROBOT_ENABLED),
      config.integer(Setting.ROBOT_CONCURRENCY, 1, 1000),
      Duration.ofSeconds(config.integer(Setting.ROBOT_LEASE_SECONDS, 5, 3600)),
      Duration.ofSeconds(config.integer(Setting.ROBOT_SWEEP_SECONDS, 1, 3600)),
      config.integer(Setting.ROBOT_MAX_ATTEMPTS, 1, 100),
      Duration.ofSeconds(config.integer(Setting.ROBOT_BACKOFF_SECONDS, 1, 3600)),
      Duration.ofMinutes(config.integer(Setting.ROBOT_REGISTER_RETRY_MINUTES, 1, 24 * 60)),
      Duration.ofHours(config.integer(Setting.ROBOT_REGISTER_MAX_WAIT_HOURS, 0, 24 * 31)),
      Duration.ofSeconds(config.integer(Setting.ROBOT_STUCK_SECONDS, 10, 24 * 3600)));
  }

  /** The delay before retry number {@code failures} (1 = after the first failure): backoff × 2^(failures−1), capped. */
  public Duration backoffAfter(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 20));
    Duration delay = backoff.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  public RobotSettings withConcurrency(int value) {
    return new RobotSettings(enabled, value, lease, sweep, maxAttempts, backoff, registerRetry, registerMaxWait,
      stuckAfter);
  }

  public RobotSettings withLease(Duration value) {
    return new RobotSettings(enabled, concurrency, value, sweep, maxAttempts, backoff, registerRetry, registerMaxWait,
      stuckAfter);
  }

  public RobotSettings withSweep(Duration value) {
    return new RobotSettings(enabled, concurrency, lease, value, maxAttempts, backoff, registerRetry, registerMaxWait,
      stuckAfter);
  }

  public RobotSettings withStuckAfter(Duration value) {
    return new RobotSettings(enabled, concurrency, lease, sweep, maxAttempts, backoff, registerRetry, registerMaxWait,
      value);
  }
}
