package se.socialportal.bankid.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated BankID behaves over time. The defaults follow BankID: an order lives about three minutes; a
 * QR code or autostart token must be used within 30 seconds (our estimate of BankID's limit) or the order fails
 * with startFailed; the app rejects a QR frame older than a few seconds.
 *
 * @param orderLifetime           after this an order that is still pending fails with expiredTransaction
 * @param startLimit              a QR/autostart order nobody opened by then fails with startFailed
 * @param qrMaxAge                a scanned QR frame whose qrTime is older than this is stale
 * @param finishedOrderRetention  a failed or complete order can still be collected this long, then it is unknown
 * @param identities              who the phone page can identify as
 */
public record SimulatorOptions(Clock clock, Duration orderLifetime, Duration startLimit, Duration qrMaxAge,
                               Duration finishedOrderRetention, List<TestIdentity> identities) {

  public static final Duration DEFAULT_ORDER_LIFETIME = Duration.ofMinutes(3);
  public static final Duration DEFAULT_START_LIMIT = Duration.ofSeconds(30);
  /** Long enough for a tester to copy a frame from the login page into the phone page, short enough to be stale. */
  public static final Duration DEFAULT_QR_MAX_AGE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_FINISHED_ORDER_RETENTION = Duration.ofMinutes(3);

  public SimulatorOptions {
    Objects.requireNonNull(clock, "clock");
    identities = List.copyOf(identities);
    if (startLimit.compareTo(orderLifetime) > 0) {
      throw new IllegalArgumentException("startLimit cannot be longer than orderLifetime");
    }
    if (qrMaxAge.isNegative() || finishedOrderRetention.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  public static SimulatorOptions defaults(Clock clock) {
    return new SimulatorOptions(clock, DEFAULT_ORDER_LIFETIME, DEFAULT_START_LIMIT, DEFAULT_QR_MAX_AGE,
      DEFAULT_FINISHED_ORDER_RETENTION, TestIdentities.demo());
  }

  public SimulatorOptions withOrderLifetime(Duration lifetime) {
    return new SimulatorOptions(clock, lifetime, startLimit, qrMaxAge, finishedOrderRetention, identities);
  }

  public SimulatorOptions withStartLimit(Duration limit) {
    return new SimulatorOptions(clock, orderLifetime, limit, qrMaxAge, finishedOrderRetention, identities);
  }
}
