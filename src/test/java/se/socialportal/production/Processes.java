package se.socialportal.production;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outside services of a production run, each a process of its own: started, known ready by the line it prints
 * when it listens (never by waiting a while), its output kept in {@code <name>.log}, and stopped at the end.
 */
final class Processes implements AutoCloseable {

  private static final long READY_MINUTES = 5;

  private final Path logs;
  private final List<Process> started = new ArrayList<>();

  Processes(Path logs) {
    this.logs = logs;
  }

  /** Starts the process and returns once it has printed a line containing {@code ready}; fails if it ends first. */
  Process start(String name, ProcessBuilder builder, String ready) throws Exception {
    return launch(name, builder, ready).awaitReady();
  }

  /**
   * Starts the process and returns at once; {@link Starting#awaitReady()} waits for its line containing
   * {@code ready}. Services that do not need each other start side by side.
   */
  Starting launch(String name, ProcessBuilder builder, String ready) throws IOException {
    Path log = logs.resolve(name + ".log");
    Process process = builder.redirectErrorStream(true).start();
    started.add(process);
    CompletableFuture<String> readyLine = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        String line;
        while ((line = lines.readLine()) != null) {
          out.write(line + "\n");
          out.flush();
          if (line.contains(ready)) {
            readyLine.complete(line);
          }
        }
      } catch (IOException e) {
        readyLine.completeExceptionally(new UncheckedIOException(e));
      }
      readyLine.completeExceptionally(new AssertionError(name + " ended before it was ready (exit "
        + process.onExit().join().exitValue() + "):\n" + tail(log)));
    }, name + "-output");
    reader.setDaemon(true);
    reader.start();
    return new Starting(name, process, readyLine, ready, log);
  }

  /** A process on its way up. */
  record Starting(String name, Process process, CompletableFuture<String> readyLine, String ready, Path log) {

    Process awaitReady() throws Exception {
      try {
        readyLine.get(READY_MINUTES, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw (Exception) e.getCause();
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(name + " did not say '" + ready + "' within " + READY_MINUTES + " minutes:\n"
          + tail(log));
      }
      return process;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    for (Process process : started) {
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
