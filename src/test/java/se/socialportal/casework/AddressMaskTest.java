package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("Protected identity: addresses are masked, amounts are not")
class AddressMaskTest {

  @Test
  @DisplayName("hushållsel, activity support and other amounts keep their value; every address field is masked")
  void masksAddressesOnly() {
    JsonObject application = new JsonObject()
      .put("housing", new JsonObject().put("type", "rental").put("rent", 7100).put("householdElectricity", 310))
      .put("incomes", new JsonArray().add(new JsonObject().put("person", "applicant").put("type", "activitySupport")
        .put("amount", 5400)))
      .put("costs", new JsonObject().put("homeInsurance", 150).put("workTravel", 400))
      .put("register", new JsonObject().put("address", "Hemliga vägen 1").put("postalCode", "99999")
        .put("city", "Hemlighult").put("postort", "Hemlighult").put("streetAddress", "Hemliga vägen 1")
        .put("folkbokforingsadress", "Hemliga vägen 1").put("careOf", "Någon")
        .put("sources", new JsonArray().add(new JsonObject().put("postalAddress", "Box 1"))));
    JsonObject masked = AddressMask.mask(application);

    assertEquals(310, masked.getJsonObject("housing").getInteger("householdElectricity"));
    assertEquals(7100, masked.getJsonObject("housing").getInteger("rent"));
    assertEquals(5400, masked.getJsonArray("incomes").getJsonObject(0).getInteger("amount"));
    assertEquals("activitySupport", masked.getJsonArray("incomes").getJsonObject(0).getString("type"));
    assertEquals(150, masked.getJsonObject("costs").getInteger("homeInsurance"));
    assertEquals(400, masked.getJsonObject("costs").getInteger("workTravel"));
    JsonObject register = masked.getJsonObject("register");
    for (String key : new String[] {"address", "postalCode", "city", "postort", "streetAddress", "folkbokforingsadress",
      "careOf"}) {
      assertEquals(AddressMask.MASK, register.getString(key), key);
    }
    assertEquals(AddressMask.MASK, register.getJsonArray("sources").getJsonObject(0).getString("postalAddress"));
    assertFalse(masked.encode().contains("Hemlig"), masked.encode());
    assertEquals(310, application.getJsonObject("housing").getInteger("householdElectricity"), "the stored data is a copy");
  }
}
