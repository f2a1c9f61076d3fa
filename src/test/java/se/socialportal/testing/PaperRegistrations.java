package se.socialportal.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Bodies for the handläggare's paper registration (POST /api/v1/casework/registrations). */
public final class PaperRegistrations {

  private PaperRegistrations() {
  }

  /** Tolvan Tolvansson's application on paper for {@code month} (yyyy-MM), complete: a rental, no income. */
  public static JsonObject tolvan(String month) {
    return new JsonObject().put("channel", "paper").put("month", month)
      .put("applicant", new JsonObject().put("personnummer", "191212121212").put("givenName", "Tolvan")
        .put("surname", "Tolvansson"))
      .put("content", new JsonObject()
        .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate", "1912-12-12"))
          .putNull("coApplicant").put("children", new JsonArray()).put("otherAdults", new JsonArray()))
        .put("housing", new JsonObject().put("type", "rental").put("rent", 6200).put("householdElectricity", 300))
        .put("incomes", new JsonArray()).put("costs", new JsonObject()).put("assets", new JsonArray())
        .put("needs", new JsonArray()).put("declaration", true));
  }
}
