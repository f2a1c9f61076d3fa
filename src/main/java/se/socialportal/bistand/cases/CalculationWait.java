package se.socialportal.bistand.cases;

import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.ApplicationRepository.Event;
import se.socialportal.bistand.ApplicationRow;

import java.util.List;
import java.util.Optional;

/**
 * Whether the calculation of a submitted case waits for amounts that are not decided yet — in December, next year's
 * riksnorm. Read from the case's own history: the robot's latest event for the current version says so, and a
 * proposal (or a handover to a person) comes after it once the rules have arrived. The resident is told, so a case
 * that seems to stand still has a reason on Mina sidor.
 */
final class CalculationWait {

  static final String TYPE = "robot_waiting_for_rules";

  private CalculationWait() {
  }

  /** For the case page, from the history it already read. */
  static Optional<JsonObject> of(ApplicationRow application, List<Event> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if ("robot".equals(event.actorKind())) {
        return TYPE.equals(event.type()) ? waitingFor(application.version(), event.data()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** From the robot's latest event when it is a wait for rules ({@code data}), for the given application version. */
  static Optional<JsonObject> waitingFor(int version, JsonObject data) {
    if (data == null || data.getInteger("version", -1) != version) {
      return Optional.empty();
    }
    return Optional.of(new JsonObject().put("month", data.getString("month")).put("year", data.getInteger("year")));
  }
}
