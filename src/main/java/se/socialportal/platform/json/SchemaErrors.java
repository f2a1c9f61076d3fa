package se.socialportal.platform.json;

import io.vertx.json.schema.OutputUnit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns vertx-json-schema's "basic" output into the errors a person can act on: one per failing keyword at the
 * deepest place it applies, without the summaries ("A subschema had errors", "Property x does not match schema").
 * <p>
 * Two quirks of the validator are handled here. A property that is declared but fails its own schema is also reported
 * under {@code additionalProperties}; it is a real unknown property only when nothing else is reported at the same
 * place. And a missing required property is reported at the enclosing object, with the name only in the message.
 */
public final class SchemaErrors {

  /**
   * @param pointer  JSON pointer of the value ("" for the whole document); for {@code required}, of the missing property
   * @param keyword  the failing keyword (type, required, enum, minimum, format, additionalProperties, ...)
   * @param message  the validator's text, for operators
   * @param schemaLocation where in the schema the failing keyword is (its absolute keyword location, e.g.
   *                 "https://socialportalen.se/#/$defs/amount/type"), for callers whose wording depends on which rule
   *                 failed or that quote the keyword's value (a maxLength)
   */
  public record Leaf(String pointer, String keyword, String message, String schemaLocation) {
  }

  private static final Set<String> SUMMARIES = Set.of("properties", "items", "prefixItems", "$ref", "$dynamicRef",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "patternProperties",
    "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private SchemaErrors() {
  }

  public static List<Leaf> leaves(OutputUnit result) {
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    Set<String> placesWithOwnErrors = new HashSet<>();
    for (OutputUnit error : errors) {
      String keyword = keyword(error);
      if (!"additionalProperties".equals(keyword)) {
        placesWithOwnErrors.add(pointer(error.getInstanceLocation()));
      }
    }
    Set<Leaf> leaves = new LinkedHashSet<>();
    for (OutputUnit error : errors) {
      String keyword = keyword(error);
      String pointer = pointer(error.getInstanceLocation());
      if (SUMMARIES.contains(keyword)) {
        continue;
      }
      if ("additionalProperties".equals(keyword) && placesWithOwnErrors.contains(pointer)) {
        continue;
      }
      if ("required".equals(keyword)) {
        Matcher name = QUOTED.matcher(error.getError() == null ? "" : error.getError());
        if (name.find()) {
          pointer = pointer + "/" + escape(name.group(1));
        }
      }
      leaves.add(new Leaf(pointer, keyword, error.getError(),
        error.getAbsoluteKeywordLocation() == null ? "" : error.getAbsoluteKeywordLocation()));
    }
    if (leaves.isEmpty() && Boolean.FALSE.equals(result.getValid())) {
      leaves.add(new Leaf("", "invalid", result.getError() == null ? "does not match the schema" : result.getError(), ""));
    }
    return new ArrayList<>(leaves);
  }

  /** "/persons/2/birthDate" → "persons[2].birthDate"; "" → "". */
  public static String fieldPath(String pointer) {
    StringBuilder path = new StringBuilder();
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (name.matches("[0-9]+")) {
        path.append('[').append(name).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(name);
      }
    }
    return path.toString();
  }

  private static String keyword(OutputUnit error) {
    String location = error.getKeywordLocation() == null ? "" : error.getKeywordLocation();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String pointer(String instanceLocation) {
    if (instanceLocation == null || instanceLocation.equals("#")) {
      return "";
    }
    return instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
