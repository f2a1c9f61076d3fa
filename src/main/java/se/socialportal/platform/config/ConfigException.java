package se.socialportal.platform.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration value that is missing or malformed — or several at once, when startup checked everything before
 * starting anything. The message names each key and is meant for an operator.
 */
public final class ConfigException extends RuntimeException {
  private final String key;
  private final List<ConfigException> problems;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
    this.problems = List.of(this);
  }

  private ConfigException(List<ConfigException> problems) {
    super(problems.size() + " configuration problems:" + problems.stream().map(problem -> "\n  " + problem.getMessage())
      .collect(Collectors.joining()));
    this.key = problems.get(0).key();
    this.problems = List.copyOf(problems);
  }

  /** One exception for every problem found: itself when there is one, all of them listed when there are more. */
  public static ConfigException of(List<ConfigException> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    return problems.size() == 1 ? problems.get(0) : new ConfigException(problems);
  }

  /** The key of the (first) problem. */
  public String key() {
    return key;
  }

  /** Each problem on its own. */
  public List<ConfigException> problems() {
    return problems;
  }
}
