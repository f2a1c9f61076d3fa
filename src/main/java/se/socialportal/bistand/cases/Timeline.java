package se.socialportal.bistand.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.ApplicationRepository.Event;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The case's way from draft to paid as the resident sees it: the steps in order, each done, current or still to come
 * (the page says which in words, never by colour alone), and the dated history from {@code application_event}.
 */
public final class Timeline {

  private Timeline() {
  }

  /**
   * Done steps are the statuses the case was really in, in the order it was in them (from the last time it became a
   * draft, and each once, where it last was), then the current one, then those still to come. So the timeline never
   * goes backwards: after an answered komplettering the request is done and the review is now, not still to come.
   */
  public static JsonArray steps(ApplicationRow application, List<Event> events) {
    ApplicationStatus current = application.status();
    List<String> visited = new ArrayList<>();
    events.forEach(event -> event.status().ifPresent(visited::add));
    if (visited.isEmpty() || !visited.get(visited.size() - 1).equals(current.db())) {
      visited.add(current.db());
    }
    int lastDraft = visited.lastIndexOf(ApplicationStatus.DRAFT.db());
    List<String> since = visited.subList(Math.max(lastDraft, 0), visited.size());
    List<String> done = new ArrayList<>();
    for (int i = 0; i < since.size() - 1; i++) {
      String status = since.get(i);
      if (!since.subList(i + 1, since.size()).contains(status)) {
        done.add(status);
      }
    }
    JsonArray steps = new JsonArray();
    done.forEach(status -> steps.add(step(status, "done")));
    steps.add(step(current.db(), "current"));
    for (ApplicationStatus next : toCome(application)) {
      steps.add(step(next.db(), "upcoming"));
    }
    return steps;
  }

  /** The usual way on from the current status; a komplettering answered leads back to the review it interrupted. */
  private static List<ApplicationStatus> toCome(ApplicationRow application) {
    List<ApplicationStatus> rest = new ArrayList<>();
    switch (application.status()) {
      case DRAFT -> {
        if (application.coApplicantId().isPresent()) {
          rest.add(ApplicationStatus.AWAITING_COSIGNATURE);
        }
        rest.addAll(List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.DECIDED,
          ApplicationStatus.PAID));
      }
      case AWAITING_COSIGNATURE -> rest.addAll(List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
        ApplicationStatus.DECIDED, ApplicationStatus.PAID));
      case SUBMITTED -> rest.addAll(List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.DECIDED,
        ApplicationStatus.PAID));
      case UNDER_REVIEW, KOMPLETTERING_REQUESTED -> rest.addAll(List.of(ApplicationStatus.DECIDED, ApplicationStatus.PAID));
      case DECIDED -> rest.add(ApplicationStatus.PAID);
      default -> {
      }
    }
    return rest;
  }

  private static JsonObject step(String status, String state) {
    return new JsonObject().put("status", status).put("state", state);
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
