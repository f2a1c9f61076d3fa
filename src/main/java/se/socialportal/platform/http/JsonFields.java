package se.socialportal.platform.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reading one field of a request body, the same way everywhere: a missing field and {@code null} are alike (empty
 * text, empty list, no object), and a value of another kind is the client's error — 400 {@code wrong_type} naming the
 * field — never a ClassCastException or a NullPointerException further in. The edge ({@link JsonRequests}) has
 * already made sure the body is an object of storable values.
 */
public final class JsonFields {

  private JsonFields() {
  }

  /** The text, stripped of nothing; "" when the field is missing or null. */
  public static String text(JsonObject body, String field) {
    String value = optionalText(body, field);
    return value == null ? "" : value;
  }

  /** The text, or null when the field is missing or null. */
  public static String optionalText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(field);
  }

  /** The list; empty when the field is missing or null. */
  public static JsonArray array(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return new JsonArray();
    }
    if (value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw wrongType(field);
  }

  /** The object, or null when the field is missing or null. */
  public static JsonObject object(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw wrongType(field);
  }

  private static ApiException wrongType(String field) {
    return ApiException.invalid(field, "wrong_type");
  }
}
