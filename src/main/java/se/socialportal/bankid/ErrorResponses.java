package se.socialportal.bankid;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * Turns a non-200 answer into a {@link BankIdException}. BankID's body is {@code {"errorCode", "details"}}; a proxy
 * or load balancer in between may answer with anything, so a body without an errorCode falls back to the HTTP status.
 */
final class ErrorResponses {

  private static final int MAX_FOREIGN_BODY_CHARACTERS = 200;

  private ErrorResponses() {
  }

  static BankIdException toException(String endpoint, int status, Buffer body) {
    JsonObject json = jsonObjectOrNull(body);
    if (json != null && json.getValue("errorCode") instanceof String raw) {
      Object details = json.getValue("details");
      return new BankIdException(endpoint, ErrorCode.fromWire(raw), raw, status,
        details == null ? null : String.valueOf(details), null);
    }
    return new BankIdException(endpoint, ErrorCode.fromHttpStatus(status), null, status,
      "answer without a BankID error body" + excerpt(body), null);
  }

  static BankIdException unexpected(String endpoint, int status, String problem) {
    return new BankIdException(endpoint, ErrorCode.UNKNOWN, null, status, problem, null);
  }

  static JsonObject jsonObjectOrNull(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return Json.decodeValue(body) instanceof JsonObject object ? object : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  private static String excerpt(Buffer body) {
    if (body == null || body.length() == 0) {
      return "";
    }
    String text = body.toString().replaceAll("[\\p{Cntrl}]+", " ").strip();
    if (text.length() > MAX_FOREIGN_BODY_CHARACTERS) {
      text = text.substring(0, MAX_FOREIGN_BODY_CHARACTERS) + "…";
    }
    return ": " + text;
  }
}
