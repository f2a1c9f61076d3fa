package se.socialportal.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A municipality's familjerätt e-tjänst as robots/tenants/&lt;id&gt;/familjeratt-*.json describes it: the services
 * residents book, the booking rules, and how Skatteverket's notifications about unconfirmed parenthood are followed
 * up. A tenant without such a file offers no familjerätt bookings.
 */
public record FamiljerattRules(String version, Booking booking, Optional<String> digitalMeetingBaseUrl,
                               Optional<Paternity> paternity, List<Service> services) {

  /** How residents book: how far ahead, on which grid, and the deadlines around a booking. */
  public record Booking(int horizonWeeks, Duration slot, Duration minNotice, Duration confirmWithin,
                        Duration cancelCutoff, Duration separation) {
  }

  /** Following up Skatteverket's notifications: the service invited to, reminders, and booking before the birth. */
  public record Paternity(String service, int reminderIntervalDays, int reminders,
                          Optional<Integer> bookBeforeBirthFromWeek) {
  }

  /** Who takes part in a service's meetings. */
  public enum Parents { ONE, BOTH }

  /** Where its meetings are held: at the office, digitally, or as the resident chooses. */
  public enum Place { OFFICE, DIGITAL, CHOICE }

  /** One bookable service. */
  public record Service(String id, Map<String, String> label, Map<String, String> description, Duration length,
                        Parents parents, boolean mayMeet, Place place, Duration interpreterTime, boolean intyg,
                        Set<String> series, String legalBasis) {

    public boolean bothParents() {
      return parents == Parents.BOTH;
    }

    /** The label in the language, else Swedish. */
    public String label(String language) {
      return label.getOrDefault(language, label.get("sv"));
    }

    public String description(String language) {
      return description.getOrDefault(language, description.get("sv"));
    }

    /** A meeting's length, with the interpreter's extra time when there is one. */
    public Duration length(boolean interpreter) {
      return interpreter ? length.plus(interpreterTime) : length;
    }
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(service -> service.id().equals(id)).findFirst();
  }
}
