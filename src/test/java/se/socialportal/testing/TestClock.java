package se.socialportal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' only clock: tests never read the real date, so a suite that passes today passes on any other day.
 *
 * <p>It starts at a fixed instant ({@link #START} unless a test chooses another) and either stands still until a test
 * moves it ({@link #stopped}) or runs at real speed from there ({@link #ticking}: the whole server in {@link TestApp},
 * where BankID's collect throttle, QR frames and session timeouts need time to pass). Both can be moved forward with
 * {@link #advance}. {@link #withZone} gives a view of the same time, so what the server derives with
 * {@code clock.withZone(...)} moves with it. Apart from the benchmarks (bench/), this class is the one place in
 * src/test that looks at the system's time, and only to measure how much has passed since the start
 * ({@code RealDateGuardTest} keeps it so).
 */
public final class TestClock extends Clock {

  public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  /**
   * Wednesday 15 April 2026, 10:30 in Stockholm: a weekday in the middle of a month, so a run of a few minutes stays in
   * the same day and month; rules are in force for this year, the year before and the next month (robots/).
   */
  public static final Instant START = Instant.parse("2026-04-15T08:30:00Z");

  private final State state;
  private final ZoneId zone;

  private TestClock(State state, ZoneId zone) {
    this.state = state;
    this.zone = zone;
  }

  /** Stands at {@code start} until {@link #advance} moves it. */
  public static TestClock stopped(Instant start) {
    return new TestClock(new State(start, false), STOCKHOLM);
  }

  /** At {@code start} now, and running at real speed from there. */
  public static TestClock ticking(Instant start) {
    return new TestClock(new State(start, true), STOCKHOLM);
  }

  /** Moves this clock (and every view of it from {@link #withZone}) forward. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward");
    }
    state.advanced.updateAndGet(advanced -> advanced.plus(duration));
  }

  /** Today in Stockholm, by this clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(instant(), STOCKHOLM);
  }

  /** This month in Stockholm, by this clock. */
  public YearMonth thisMonth() {
    return YearMonth.from(today());
  }

  @Override
  public Instant instant() {
    Duration elapsed = state.ticking ? Duration.ofNanos(System.nanoTime() - state.startNanos) : Duration.ZERO;
    return state.start.plus(elapsed).plus(state.advanced.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new TestClock(state, other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TestClock clock && clock.state == state && clock.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(state), zone);
  }

  @Override
  public String toString() {
    return "TestClock[" + instant() + (state.ticking ? ", ticking" : ", stopped") + ", " + zone + "]";
  }

  /** What every zone view shares: where time started, whether it runs, and how far tests moved it. */
  private static final class State {
    final Instant start;
    final boolean ticking;
    final long startNanos = System.nanoTime();
    final AtomicReference<Duration> advanced = new AtomicReference<>(Duration.ZERO);

    State(Instant start, boolean ticking) {
      this.start = Objects.requireNonNull(start, "start");
      this.ticking = ticking;
    }
  }
}
