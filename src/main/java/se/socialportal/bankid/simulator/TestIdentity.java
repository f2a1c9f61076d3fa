package se.socialportal.bankid.simulator;

import io.vertx.core.json.JsonObject;
import se.socialportal.bankid.PersonalNumbers;

import java.time.LocalDate;

/**
 * A person the simulator can identify as. Fictitious: the personal numbers are valid in form only.
 *
 * @param id                   short stable name used by the control API and tests (e.g. {@code tolvan})
 * @param skyddadFolkbokforing the person has protected population registration (skyddade personuppgifter); the
 *                             simulator only carries the flag, the app decides what it means
 */
public record TestIdentity(String id, String personalNumber, String givenName, String surname,
                           LocalDate bankIdIssueDate, boolean skyddadFolkbokforing) {

  public TestIdentity {
    if (id == null || !id.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("a test identity id is 1–40 lower-case letters, digits or hyphens");
    }
    if (!PersonalNumbers.isValid(personalNumber)) {
      throw new IllegalArgumentException("test identity " + id + " has an invalid personal number");
    }
  }

  public String name() {
    return givenName + " " + surname;
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("id", id)
      .put("personalNumber", personalNumber)
      .put("name", name())
      .put("givenName", givenName)
      .put("surname", surname)
      .put("skyddadFolkbokforing", skyddadFolkbokforing);
  }

  @Override
  public String toString() {
    return "TestIdentity[" + id + "]";
  }
}
