package se.socialportal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time actually spent by the robot's JVM and by the PostgreSQL server, read from the JVM and from /proc. Wall-clock
 * figures such as pg_stat_statements' times include waiting for a core on a busy machine; CPU seconds do not, so they
 * say where the work is and what the machine's ceiling is, whatever else runs beside the bench.
 */
final class CpuMeter {

  /** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final long postmasterPid;

  /** @param postmasterPid the embedded server's postmaster (first line of its data directory's postmaster.pid) */
  CpuMeter(long postmasterPid) {
    this.postmasterPid = postmasterPid;
  }

  /** @param postgresByKind seconds per kind of server process (backends, autovacuum, WAL writer, exited, ...) */
  record Reading(double jvmSeconds, Map<String, Double> postgresByKind) {
    double postgresSeconds() {
      return postgresByKind.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    Reading minus(Reading earlier) {
      Map<String, Double> kinds = new TreeMap<>(postgresByKind);
      earlier.postgresByKind.forEach((kind, seconds) -> kinds.merge(kind, -seconds, Double::sum));
      return new Reading(jvmSeconds - earlier.jvmSeconds, kinds);
    }
  }

  Reading read() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Reading(os.getProcessCpuTime() / 1e9, postgresSeconds());
  }

  /**
   * The postmaster with its reaped children ("exited": mostly autovacuum workers and backends of closed pools), plus
   * every live backend and background process by kind.
   */
  private Map<String, Double> postgresSeconds() {
    Map<String, Double> kinds = new TreeMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        List<String> fields = stat(process);
        if (fields.isEmpty()) {
          continue;
        }
        long pid = Long.parseLong(name);
        long parent = Long.parseLong(fields.get(1));
        if (pid == postmasterPid) {
          // utime, stime, cutime, cstime (fields 14–17 of stat; indexes after the command name here).
          kinds.merge("postmaster", seconds(fields.get(11)) + seconds(fields.get(12)), Double::sum);
          kinds.merge("exited", seconds(fields.get(13)) + seconds(fields.get(14)), Double::sum);
        } else if (parent == postmasterPid) {
          kinds.merge(kind(process), seconds(fields.get(11)) + seconds(fields.get(12)), Double::sum);
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return kinds;
  }

  private static double seconds(String ticks) {
    return Long.parseLong(ticks) / TICKS_PER_SECOND;
  }

  /** "postgres: autovacuum worker ..." → "autovacuum worker"; a client connection → "backends". */
  private static String kind(Path process) {
    try {
      String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ').strip();
      String title = command.startsWith("postgres: ") ? command.substring("postgres: ".length()) : command;
      if (title.matches("^\\S+ \\S+ (\\[local\\]|[0-9.:]+\\(\\d+\\)).*")) {
        return "backends";
      }
      return title.replaceAll(" +\\S*[0-9/].*$", "").replaceAll("process$", "").strip();
    } catch (IOException e) {
      return "exited";
    }
  }

  /** The fields after "(command)" in /proc/<pid>/stat: state, ppid, ... (empty when the process is gone). */
  private static List<String> stat(Path process) {
    try {
      String line = Files.readString(process.resolve("stat"));
      return List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
