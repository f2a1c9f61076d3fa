package se.socialportal.overklagande;

import io.vertx.core.json.JsonObject;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;

import java.util.UUID;

/** Ids read from a request body: a missing or malformed one is a field problem, never a 500. */
final class Ids {

  private Ids() {
  }

  static UUID field(JsonObject body, String field) {
    try {
      return UUID.fromString(JsonFields.optionalText(body, field));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.invalid(field, "id_invalid");
    }
  }
}
