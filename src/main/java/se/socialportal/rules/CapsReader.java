package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.CapLimit;
import se.socialportal.norm.CostCaps;
import se.socialportal.norm.CostType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A tenant's reasonable-cost limits; a household type may have one limit per cost type, never two. */
final class CapsReader {

  private CapsReader() {
  }

  static CostCaps caps(RuleFile file, Problems problems) {
    Map<CostType, List<CapLimit>> limits = new EnumMap<>(CostType.class);
    JsonArray caps = file.json().getJsonArray("caps");
    for (int i = 0; i < caps.size(); i++) {
      JsonObject cap = caps.getJsonObject(i);
      CostType type = CostType.fromJson(cap.getString("costType")).orElseThrow();
      if (limits.containsKey(type)) {
        problems.add(file, "/caps/" + i + "/costType", "'" + type.jsonName() + "' appears twice");
        continue;
      }
      limits.put(type, limits(file, "/caps/" + i + "/limits", cap.getJsonArray("limits"), problems));
    }
    return new CostCaps(file.version(), limits);
  }

  private static List<CapLimit> limits(RuleFile file, String at, JsonArray array, Problems problems) {
    List<CapLimit> limits = new ArrayList<>();
    for (int j = 0; j < array.size(); j++) {
      JsonObject limit = array.getJsonObject(j);
      String here = at + "/" + j;
      JsonObject adults = limit.getJsonObject("adults");
      JsonObject children = limit.getJsonObject("children");
      range(file, here + "/adults", adults, problems);
      range(file, here + "/children", children, problems);
      BigDecimal amount = RuleValues.kronor(file, limit, "amount", here + "/amount", problems);
      CapLimit parsed = new CapLimit(adults.getInteger("min"), adults.getInteger("max"), children.getInteger("min"),
        children.getInteger("max"), amount);
      for (int k = 0; k < limits.size(); k++) {
        if (limits.get(k).overlaps(parsed)) {
          problems.add(file, here, "covers the same household type as " + at + "/" + k
            + ": a household type must have exactly one limit");
        }
      }
      limits.add(parsed);
    }
    return limits;
  }

  private static void range(RuleFile file, String at, JsonObject range, Problems problems) {
    Integer max = range.getInteger("max");
    if (max != null && max < range.getInteger("min")) {
      problems.add(file, at + "/max", "is below min " + range.getInteger("min"));
    }
  }
}
