package se.socialportal.platform.config;

/** A configuration value that is missing or malformed. The message names the key and is meant for an operator. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
