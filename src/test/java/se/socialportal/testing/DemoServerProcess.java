package se.socialportal.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo server as an operator runs it: {@code se.socialportal.Main} in a JVM of its own (the test class path), in
 * demo mode on {@code dataDir}, its output in {@code <name>.log} there — so that it can be killed with kill -9.
 */
public final class DemoServerProcess {

  private DemoServerProcess() {
  }

  /** Starts it on 127.0.0.1:{@code port}; {@code settings} add to (or override) the demo configuration. */
  public static Process start(Path dataDir, String name, int port, Map<String, String> settings,
                              String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "se.socialportal.Main"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
      .redirectOutput(dataDir.resolve(name + ".log").toFile());
    var env = builder.environment();
    // Whatever the machine's environment says about a database or a mode must not turn this into production.
    List.of("DATABASE_URL", "PGHOST", "MODE", "METRICS_TOKEN").forEach(env::remove);
    env.put("MODE", "demo");
    env.put("DATA_DIR", dataDir.toString());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    env.putAll(settings);
    return builder.start();
  }
}
