package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from last month's application: the leaf fields (same paths as validation problems) whose value is new
 * or different, and a list's own path when items were removed. The form highlights these for the resident; the
 * attachment rules use them for changed costs.
 */
public final class ContentDiff {

  private ContentDiff() {
  }

  public static List<String> changedPaths(JsonObject current, JsonObject previous) {
    Set<String> changed = new LinkedHashSet<>();
    if (previous == null || current == null) {
      return List.of();
    }
    walk("", current, previous, changed);
    return new ArrayList<>(changed);
  }

  private static void walk(String path, Object now, Object before, Set<String> changed) {
    if (now instanceof JsonObject) {
      JsonObject object = (JsonObject) now;
      JsonObject old = before instanceof JsonObject ? (JsonObject) before : new JsonObject();
      for (String key : object.fieldNames()) {
        if (path.isEmpty() && (key.equals("declaration") || key.equals("message"))) {
          continue; // asked anew every month
        }
        walk(path.isEmpty() ? key : path + "." + key, object.getValue(key), old.getValue(key), changed);
      }
      for (String key : old.fieldNames()) {
        if (!object.containsKey(key) && old.getValue(key) != null && !(path.isEmpty()
          && (key.equals("declaration") || key.equals("message")))) {
          changed.add(path.isEmpty() ? key : path + "." + key);
        }
      }
      return;
    }
    if (now instanceof JsonArray) {
      JsonArray array = (JsonArray) now;
      JsonArray old = before instanceof JsonArray ? (JsonArray) before : new JsonArray();
      for (int i = 0; i < array.size(); i++) {
        walk(path + "[" + i + "]", array.getValue(i), i < old.size() ? old.getValue(i) : null, changed);
      }
      if (old.size() > array.size()) {
        changed.add(path);
      }
      return;
    }
    if (!sameValue(now, before)) {
      changed.add(path);
    }
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(a, b);
  }
}
