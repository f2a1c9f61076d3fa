package se.socialportal.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.platform.db.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 16 started from the binaries inside the jar, for demo mode. Blocking: call it on a worker.
 * The data directory survives restarts so a demo keeps what was entered; {@code fresh} wipes it first.
 *
 * <p>A server killed with {@code kill -9} leaves its PostgreSQL running on the data directory (an orphan: its
 * postmaster.pid names a live process, and no server holds the directory's lock). The next start stops it — SIGTERM,
 * PostgreSQL's own clean shutdown — before starting its own, or says exactly what to do when it cannot.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  // zonky's lock on a data directory: held by the server whose PostgreSQL it is, released when that JVM dies.
  private static final String LOCK_FILE = "epg-lock";
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDirectory, boolean fresh) {
    try {
      Path directory = dataDirectory.toAbsolutePath().normalize();
      if (fresh && Files.exists(directory)) {
        LOG.info("Starting with an empty database: removing {}", directory);
        deleteRecursively(directory);
      }
      Files.createDirectories(directory.getParent());
      stopOrphan(directory);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "100")
        .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL could not start: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("could not lock")) {
        throw new IllegalStateException("another Socialportalen demo server is using " + dataDirectory.toAbsolutePath()
          + "; stop it, or give this one its own DATA_DIR", e);
      }
      throw e;
    }
  }

  /** The embedded server's default database and superuser, as zonky sets them up. */
  public DatabaseSettings settings() {
    return new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres", "postgres", "disable");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /**
   * Stops a PostgreSQL left running on {@code directory} by a server that was killed. Does nothing when no live
   * PostgreSQL is named by postmaster.pid; refuses (naming the process and the command) when the process is not a
   * PostgreSQL of this directory or will not stop, and leaves a live server's PostgreSQL alone (its lock is held).
   */
  static void stopOrphan(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process = lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")
      ? Optional.empty()
      : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      // A stale pid file from a process that is gone: PostgreSQL replaces it itself.
      return;
    }
    long pid = process.get().pid();
    if (!lockFree(directory)) {
      throw new IllegalStateException("another Socialportalen demo server is using " + directory
        + "; stop it, or give this one its own DATA_DIR");
    }
    if (!servesDirectory(process.get(), lines, directory)) {
      throw new IllegalStateException(pidFile + " names process " + pid + ", which is not this directory's "
        + "PostgreSQL; if no PostgreSQL uses " + directory + ", delete " + pidFile + " and start again");
    }
    LOG.warn("PostgreSQL (pid {}) from an earlier run that did not stop cleanly still uses {}: stopping it", pid,
      directory);
    process.get().destroy();
    try {
      process.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("PostgreSQL (pid " + pid + ") from an earlier run did not stop within "
        + ORPHAN_STOP_WAIT.toSeconds() + " s; stop it with 'kill " + pid + "' and start again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL (pid " + pid + ")", e);
    }
    LOG.info("PostgreSQL (pid {}) stopped; starting on {}", pid, directory);
  }

  /** Whether no running server holds the directory's lock (the lock is taken and released at once). */
  private static boolean lockFree(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
      StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }

  /** The process is a postgres whose postmaster.pid (line 2: its data directory) names this directory. */
  private static boolean servesDirectory(ProcessHandle process, List<String> pidLines, Path directory) {
    boolean postgres = process.info().command().map(command -> command.endsWith("/postgres")
      || command.endsWith("\\postgres.exe")).orElse(false);
    if (!postgres || pidLines.size() < 2) {
      return false;
    }
    try {
      return Path.of(pidLines.get(1).strip()).toRealPath().equals(directory.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
