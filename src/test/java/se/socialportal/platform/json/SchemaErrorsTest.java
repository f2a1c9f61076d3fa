package se.socialportal.platform.json;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Schema errors as a person can act on them")
class SchemaErrorsTest {

  private static final Validator VALIDATOR = Validator.create(JsonSchema.of(new JsonObject("""
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": false,
     "required": ["name"],
     "properties": {"name": {"type": "string"},
       "items": {"type": "array", "items": {"type": "object", "additionalProperties": false,
         "properties": {"n": {"type": "integer", "minimum": 0}}}}}}
    """)), new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://example.org/")
    .setOutputFormat(OutputFormat.Basic));

  private static List<SchemaErrors.Leaf> leaves(String json) {
    return SchemaErrors.leaves(VALIDATOR.validate(new JsonObject(json)));
  }

  @Test
  @DisplayName("one error per real problem: a failing known property is not also an unknown one")
  void leavesOnly() {
    List<SchemaErrors.Leaf> leaves = leaves("{\"items\": [{\"n\": -1, \"x\": 1}], \"extra\": true}");
    assertEquals(java.util.Set.of("/name required", "/items/0/n minimum", "/items/0/x additionalProperties",
        "/extra additionalProperties"),
      leaves.stream().map(leaf -> leaf.pointer() + " " + leaf.keyword()).collect(java.util.stream.Collectors.toSet()));
    assertEquals(4, leaves.size());
    SchemaErrors.Leaf minimum = leaves.stream().filter(leaf -> leaf.keyword().equals("minimum")).findFirst().orElseThrow();
    assertEquals("https://example.org/#/properties/items/items/properties/n/minimum", minimum.schemaLocation(),
      "the failing rule's place in the schema, for wording that depends on it");
  }

  @Test
  @DisplayName("JSON pointers become the paths people read: persons[2].birthDate")
  void fieldPath() {
    assertEquals("persons[2].birthDate", SchemaErrors.fieldPath("/persons/2/birthDate"));
    assertEquals("costs.rent", SchemaErrors.fieldPath("/costs/rent"));
    assertEquals("", SchemaErrors.fieldPath(""));
    assertEquals("a/b", SchemaErrors.fieldPath("/a~1b"));
  }
}
