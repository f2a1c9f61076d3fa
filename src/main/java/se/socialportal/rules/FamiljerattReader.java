package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads a schema-valid familjeratt file and checks what the schema cannot: unique ids, a sensible paternity service. */
final class FamiljerattReader {

  private FamiljerattReader() {
  }

  static FamiljerattRules rules(RuleFile file, Problems problems) {
    JsonObject json = file.json();
    JsonObject booking = json.getJsonObject("booking");
    List<FamiljerattRules.Service> services = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonArray array = json.getJsonArray("services");
    for (int i = 0; i < array.size(); i++) {
      JsonObject service = array.getJsonObject(i);
      String id = service.getString("id");
      if (!ids.add(id)) {
        problems.add(file, "/services/" + i + "/id", "service '" + id + "' appears twice");
      }
      FamiljerattRules.Parents parents = FamiljerattRules.Parents.valueOf(upper(service.getString("parents")));
      boolean intyg = service.getBoolean("intyg", false);
      if (intyg && parents == FamiljerattRules.Parents.BOTH) {
        problems.add(file, "/services/" + i + "/intyg", "an intyg is written for one parent's meeting "
          + "(informationssamtal): set parents to \"one\"");
      }
      Set<String> series = new LinkedHashSet<>();
      service.getJsonArray("series", new JsonArray()).forEach(kind -> series.add(String.valueOf(kind)));
      services.add(new FamiljerattRules.Service(id, RuleValues.labels(service.getJsonObject("label")),
        RuleValues.labels(service.getJsonObject("description")), Duration.ofMinutes(service.getInteger("minutes")),
        parents, service.getBoolean("mayMeet"), FamiljerattRules.Place.valueOf(upper(service.getString("place"))),
        Duration.ofMinutes(service.getInteger("interpreterMinutes")), intyg, Set.copyOf(series),
        service.getString("legalBasis")));
    }
    Optional<FamiljerattRules.Paternity> paternity = Optional.ofNullable(json.getJsonObject("paternity"))
      .map(object -> new FamiljerattRules.Paternity(object.getString("service"),
        object.getInteger("reminderIntervalDays"), object.getInteger("reminders"),
        Optional.ofNullable(object.getInteger("bookBeforeBirthFromWeek"))));
    paternity.ifPresent(rule -> {
      Optional<FamiljerattRules.Service> invited = services.stream()
        .filter(service -> service.id().equals(rule.service())).findFirst();
      if (invited.isEmpty()) {
        problems.add(file, "/paternity/service", "names no service of this file: '" + rule.service() + "'");
      } else if (!invited.get().bothParents()) {
        problems.add(file, "/paternity/service", "parenthood is confirmed by both parents: '" + rule.service()
          + "' must have parents \"both\"");
      }
    });
    boolean digital = services.stream().anyMatch(service -> service.place() != FamiljerattRules.Place.OFFICE);
    Optional<String> meetingUrl = Optional.ofNullable(json.getString("digitalMeetingBaseUrl"));
    if (digital && meetingUrl.isEmpty()) {
      problems.add(file, "/digitalMeetingBaseUrl", "is required when a service offers digital meetings");
    }
    return new FamiljerattRules(file.version(), new FamiljerattRules.Booking(booking.getInteger("horizonWeeks"),
      Duration.ofMinutes(booking.getInteger("slotMinutes")), Duration.ofHours(booking.getInteger("minNoticeHours")),
      Duration.ofHours(booking.getInteger("confirmHours")), Duration.ofHours(booking.getInteger("cancelCutoffHours")),
      Duration.ofMinutes(booking.getInteger("separationMinutes"))), meetingUrl, paternity, List.copyOf(services));
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }
}
