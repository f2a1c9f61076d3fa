package se.socialportal.norm;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("One vocabulary of household roles: the provräkning API, stored calculation inputs and line texts")
class HouseholdRoleTest {

  @Test
  @DisplayName("the codes are exactly the ones the provräkning request schema accepts")
  void sameAsTheApi() throws IOException {
    JsonObject schema = new JsonObject(Files.readString(
      Path.of("src/main/resources/schemas/provrakning-request.schema.json"), StandardCharsets.UTF_8));
    Object roles = schema.getJsonObject("properties").getJsonObject("persons").getJsonObject("items")
      .getJsonObject("properties").getJsonObject("role").getJsonArray("enum").getList();
    assertEquals(roles, HouseholdRole.codes());
  }

  @Test
  @DisplayName("someone outside the household is an other adult from the month they turn 18")
  void otherResidentByAge() {
    YearMonth may = YearMonth.of(2026, 5);
    assertEquals(HouseholdRole.OTHER_CHILD,
      HouseholdRole.of(HouseholdMember.otherResident(LocalDate.of(2008, 6, 1)), may));
    assertEquals(HouseholdRole.OTHER_ADULT,
      HouseholdRole.of(HouseholdMember.otherResident(LocalDate.of(2008, 5, 31)), may));
    assertEquals(HouseholdRole.CHILD, HouseholdRole.of(HouseholdMember.child(LocalDate.of(2008, 5, 31)), may));
    assertEquals(List.of("applicant", "otherChild"), HouseholdRole.codes(new NormInput(may, List.of(
      HouseholdMember.applicant(LocalDate.of(1980, 1, 1)), HouseholdMember.otherResident(LocalDate.of(2015, 1, 1))),
      java.util.Map.of(), List.of())));
  }

  @Test
  @DisplayName("every code maps to the engine's role; inputs stored earlier name any other resident otherResident")
  void engineRoles() {
    assertEquals(Optional.of(Role.OTHER_RESIDENT), HouseholdRole.engineRole("otherAdult"));
    assertEquals(Optional.of(Role.OTHER_RESIDENT), HouseholdRole.engineRole("otherChild"));
    assertEquals(Optional.of(Role.OTHER_RESIDENT), HouseholdRole.engineRole("otherResident"));
    assertEquals(Optional.of(Role.SAMBO), HouseholdRole.engineRole("sambo"));
    assertEquals(Optional.empty(), HouseholdRole.engineRole("lodger"));
    assertEquals(Optional.empty(), HouseholdRole.fromCode("otherResident"), "read, never offered");
  }
}
