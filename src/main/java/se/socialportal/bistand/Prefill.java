package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What a new draft starts with. A re-application starts from the household's last application (so the resident only
 * changes what changed): same household, housing, incomes, costs and assets; the month's needs, the message and the
 * declaration start empty. If the resident was the co-applicant last time, the roles are swapped so they are the
 * applicant now. A first application starts with the applicant's birth date (from the personnummer) and no more.
 */
public record Prefill(JsonObject content, Optional<UUID> coApplicantId) {

  public static Prefill of(UUID me, Optional<ApplicationRow> previous, Optional<LocalDate> myBirthDate) {
    if (previous.isEmpty()) {
      JsonObject applicant = new JsonObject();
      myBirthDate.ifPresent(date -> applicant.put("birthDate", date.toString()));
      return new Prefill(new JsonObject()
        .put("household", new JsonObject().put("applicant", applicant).put("coApplicant", null)
          .put("children", new JsonArray()).put("otherAdults", new JsonArray()))
        .put("incomes", new JsonArray()).put("costs", new JsonObject()).put("assets", new JsonArray())
        .put("needs", new JsonArray()), Optional.empty());
    }
    ApplicationRow last = previous.get();
    JsonObject content = last.content().copy();
    content.remove("declaration");
    content.remove("message");
    content.put("needs", new JsonArray());
    if (last.isApplicant(me)) {
      return new Prefill(content, last.coApplicantId());
    }
    return new Prefill(swapAdults(content), Optional.of(last.applicantId()));
  }

  /** The co-applicant of last month applies now: swap the two adults and every reference to them. */
  static JsonObject swapAdults(JsonObject content) {
    JsonObject household = content.getJsonObject("household", new JsonObject());
    JsonObject applicant = household.getJsonObject("applicant");
    JsonObject coApplicant = household.getJsonObject("coApplicant");
    if (coApplicant != null) {
      String relation = coApplicant.getString("relation");
      JsonObject newApplicant = coApplicant.copy();
      newApplicant.remove("relation");
      JsonObject newCoApplicant = applicant == null ? new JsonObject() : applicant.copy();
      newCoApplicant.remove("phone");
      newCoApplicant.remove("email");
      newCoApplicant.put("relation", relation);
      household.put("applicant", newApplicant).put("coApplicant", newCoApplicant);
    }
    for (String list : new String[] {"incomes", "assets"}) {
      String key = list.equals("incomes") ? "person" : "owner";
      JsonArray items = content.getJsonArray(list, new JsonArray());
      for (int i = 0; i < items.size(); i++) {
        JsonObject item = items.getJsonObject(i);
        if ("applicant".equals(item.getString(key))) {
          item.put(key, "coApplicant");
        } else if ("coApplicant".equals(item.getString(key))) {
          item.put(key, "applicant");
        }
      }
    }
    return content;
  }
}
