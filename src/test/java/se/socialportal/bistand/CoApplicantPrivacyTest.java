package se.socialportal.bistand;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.socialportal.bistand.Fixtures.expect;

@DisplayName("Naming a co-applicant tells the applicant nothing about that person, and only a few people per session")
class CoApplicantPrivacyTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("coapplicantprivacy");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject name(Residents.Resident resident, String id, Personnummer personnummer) {
    return resident.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", personnummer.value())).bodyAsJsonObject();
  }

  @Test
  @DisplayName("a protected person who uses the e-tjänst and a stranger who never logged in answer alike")
  void answerRevealsNothing() {
    // Signe Skyddad: skyddad folkbokföring, has logged in (her name is in the person register).
    var signe = Residents.login(app, Residents.personnummer("19850315"), "Signe", "Skyddad");
    Futures.await(new PersonRepository(app.services().pool()).setProtection(signe.id,
      PersonRepository.Protection.SKYDDAD_FOLKBOKFORING));
    Personnummer stranger = Residents.personnummer("19850316");
    var applicant = Residents.login(app, "19700101", "Ada", "Asp");
    String id = Fixtures.draft(applicant);

    JsonObject protectedAnswer = expect(200, applicant.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", signe.personnummer.value()))).bodyAsJsonObject();
    JsonObject strangerAnswer = expect(200, applicant.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", stranger.value()))).bodyAsJsonObject();

    assertEquals(Set.of("personnummer"), protectedAnswer.getJsonObject("coApplicant").fieldNames());
    assertEquals(Set.of("personnummer"), strangerAnswer.getJsonObject("coApplicant").fieldNames());
    assertFalse(protectedAnswer.encode().contains("Signe") || protectedAnswer.encode().contains("Skyddad"),
      protectedAnswer.encode());
    assertEquals(without(protectedAnswer), without(strangerAnswer), "nothing but the typed number differs");
    // The draft read later says no more.
    JsonObject read = expect(200, applicant.get("/api/v1/applications/" + id)).bodyAsJsonObject();
    assertEquals(Set.of("personnummer"), read.getJsonObject("coApplicant").fieldNames());
  }

  /** The answer without what differs by nature: the typed number, the version and the time of the change. */
  private static JsonObject without(JsonObject answer) {
    JsonObject copy = answer.copy();
    copy.remove("coApplicant");
    copy.remove("version");
    copy.remove("updatedAt");
    return copy;
  }

  @Test
  @DisplayName("a session names at most five different people (429 in the resident's language); the same again is free")
  void limitPerSession() {
    var applicant = Residents.login(app, "19700102", "Bo", "Berg");
    String id = Fixtures.draft(applicant);
    Personnummer first = Residents.personnummer("19900101");
    name(applicant, id, first);
    for (int i = 2; i <= 5; i++) {
      expect(200, applicant.put("/api/v1/applications/" + id + "/co-applicant",
        new JsonObject().put("personnummer", Residents.personnummer("1990010" + i).value())));
    }
    Personnummer refused = Residents.personnummer("19900106");
    var sixth = applicant.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", refused.value()));
    assertEquals(429, sixth.statusCode());
    JsonObject body = sixth.bodyAsJsonObject();
    assertEquals("co_applicant_limit", body.getString("error"));
    assertEquals(Set.of("error", "message", "requestId"), body.fieldNames());
    assertFalse(body.getString("message").isBlank());
    // Someone known to the register is refused the same way: the refusal says nothing about them.
    var known = Residents.login(app, "19900107", "Cay", "Cedar");
    assertEquals(429, applicant.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", known.personnummer.value())).statusCode());
    expect(200, applicant.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", first.value())));
    expect(200, applicant.put("/api/v1/applications/" + id + "/co-applicant", new JsonObject().putNull("personnummer")));
    assertEquals(0L, Fixtures.count(app, "SELECT count(*) FROM person WHERE personnummer = $1", refused.value()),
      "nothing is created for a refused name");

    // A new login is a new session.
    var again = Residents.login(app, applicant.personnummer, "Bo", "Berg");
    expect(200, again.put("/api/v1/applications/" + id + "/co-applicant",
      new JsonObject().put("personnummer", refused.value())));
  }
}
