package se.socialportal.robot;

import io.vertx.core.json.JsonObject;

/**
 * A warning a handläggare must acknowledge (case_warning, V41): one of the types there, a sentence in Swedish and the
 * figures behind it.
 */
public record RaisedWarning(String type, String message, JsonObject details) {

  public RaisedWarning {
    if (!type.matches("[A-Z_]+")) {
      throw new IllegalArgumentException("warning type " + type);
    }
  }
}
