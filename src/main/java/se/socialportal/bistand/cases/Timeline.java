package se.socialportal.bistand.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.ApplicationRepository.Event;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The case's way from draft to paid as the resident sees it: the steps in order, each done, current or still to come
 * (the page says which in words, never by colour alone), and the dated history from {@code application_event}.
 */
public final class Timeline {

  private Timeline() {
  }

  public static JsonArray steps(ApplicationRow application, List<Event> events) {
    Set<String> reached = new HashSet<>();
    events.forEach(event -> event.status().ifPresent(reached::add));
    ApplicationStatus current = application.status();
    reached.add(current.db());
    List<String> path = new ArrayList<>();
    path.add(ApplicationStatus.DRAFT.db());
    if (application.coApplicantId().isPresent() || reached.contains(ApplicationStatus.AWAITING_COSIGNATURE.db())) {
      path.add(ApplicationStatus.AWAITING_COSIGNATURE.db());
    }
    path.add(ApplicationStatus.SUBMITTED.db());
    path.add(ApplicationStatus.UNDER_REVIEW.db());
    if (reached.contains(ApplicationStatus.KOMPLETTERING_REQUESTED.db())) {
      path.add(ApplicationStatus.KOMPLETTERING_REQUESTED.db());
    }
    path.add(ApplicationStatus.DECIDED.db());
    path.add(current == ApplicationStatus.PAYMENT_FAILED ? ApplicationStatus.PAYMENT_FAILED.db() : ApplicationStatus.PAID.db());
    if (current == ApplicationStatus.WITHDRAWN) {
      path.removeIf(step -> !reached.contains(step));
      path.add(ApplicationStatus.WITHDRAWN.db());
    }
    // A step the case went past without being in it (e.g. straight from submitted to komplettering) is not shown
    // as done: only steps it really was in, the current one and those still to come.
    int before = path.indexOf(current.db());
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      if (i >= before || reached.contains(path.get(i))) {
        shown.add(path.get(i));
      }
    }
    path = shown;
    int currentIndex = path.indexOf(current.db());
    JsonArray steps = new JsonArray();
    for (int i = 0; i < path.size(); i++) {
      String state = i < currentIndex ? "done" : i == currentIndex ? "current" : "upcoming";
      steps.add(new JsonObject().put("status", path.get(i)).put("state", state));
    }
    return steps;
  }

  public static JsonArray history(List<Event> events) {
    JsonArray history = new JsonArray();
    for (Event event : events) {
      JsonObject data = event.data() == null ? new JsonObject() : event.data();
      JsonObject entry = new JsonObject().put("at", event.at().toString()).put("type", event.type())
        .put("status", event.status().orElse(null)).put("actorKind", event.actorKind());
      // Only what the resident may see from the event's data: dates and counts, never staff notes.
      for (String key : List.of("deadline", "dueAt", "version", "reminder", "kind", "year")) {
        if (data.containsKey(key)) {
          entry.put(key, data.getValue(key));
        }
      }
      history.add(entry);
    }
    return history;
  }
}
