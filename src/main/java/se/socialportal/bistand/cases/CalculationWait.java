package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationRepository.Event;
import se.socialportal.bistand.ApplicationRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the calculation of a submitted case waits for amounts that are not decided yet — in December, next year's
 * riksnorm. Read from the case's own history: the robot's latest event for the current version says so, and a
 * proposal (or a handover to a person) comes after it once the rules have arrived. The resident is told, so a case
 * that seems to stand still has a reason on Mina sidor.
 */
final class CalculationWait {

  static final String TYPE = "robot_waiting_for_rules";
  private static final String LATEST_ROBOT_EVENT = "SELECT DISTINCT ON (application_id) application_id, type, data "
    + "FROM application_event WHERE application_id = ANY($1) AND actor_kind = 'robot' ORDER BY application_id, id DESC";

  private CalculationWait() {
  }

  /** For Mina sidor's list: application id → {month, year} of the cases that wait. */
  static Future<Map<UUID, JsonObject>> forCases(SqlClient client, List<ApplicationRow> applications) {
    Map<UUID, ApplicationRow> byId = new HashMap<>();
    applications.forEach(application -> byId.put(application.id(), application));
    return client.preparedQuery(LATEST_ROBOT_EVENT).execute(Tuple.of(byId.keySet().toArray(new UUID[0])))
      .map(rows -> {
        Map<UUID, JsonObject> waiting = new HashMap<>();
        rows.forEach(row -> {
          ApplicationRow application = byId.get(row.getUUID("application_id"));
          waitingFor(application, row.getString("type"), (JsonObject) row.getValue("data"))
            .ifPresent(json -> waiting.put(application.id(), json));
        });
        return waiting;
      });
  }

  /** For the case page, from the history it already read. */
  static Optional<JsonObject> of(ApplicationRow application, List<Event> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if ("robot".equals(event.actorKind())) {
        return waitingFor(application, event.type(), event.data());
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonObject> waitingFor(ApplicationRow application, String type, JsonObject data) {
    if (!TYPE.equals(type) || data == null || data.getInteger("version", -1) != application.version()) {
      return Optional.empty();
    }
    return Optional.of(new JsonObject().put("month", data.getString("month")).put("year", data.getInteger("year")));
  }
}
