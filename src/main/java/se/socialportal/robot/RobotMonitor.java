package se.socialportal.robot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The robot instances running in this process and how often the watchdog had to restart one, for /health. Safe to
 * read from any thread; the watchdog keeps it current.
 */
public final class RobotMonitor {

  private final Set<RobotVerticle> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger restarts = new AtomicInteger();

  void started(RobotVerticle robot) {
    running.add(robot);
  }

  void stopped(RobotVerticle robot) {
    running.remove(robot);
  }

  void restarted() {
    restarts.incrementAndGet();
  }

  /** Whether this process runs the robot at all (ROBOT_ENABLED). */
  public boolean running() {
    return !running.isEmpty();
  }

  public int restarts() {
    return restarts.get();
  }

  /** The latest answer to a claim by any robot instance of this process. */
  public Optional<Instant> lastClaim() {
    return running.stream().map(RobotVerticle::lastClaim).flatMap(Optional::stream).max(Instant::compareTo);
  }

  /** Why an instance looks stuck, for each that does. */
  public List<String> stuck(Instant now, Optional<Instant> oldestDue) {
    return running.stream().flatMap(robot -> robot.stuck(now, oldestDue).stream()
      .map(why -> robot.workerId() + ": " + why)).toList();
  }
}
