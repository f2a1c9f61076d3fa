package se.socialportal.bistand;

import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a case's history ({@code application_event}, append-only): what happened, the status it left the
 * application in (when it set one), who did it, and small facts about it. Every room writes its entries through
 * {@link ApplicationRepository#record} / {@link ApplicationRepository#recordAll}. {@code data} never holds a
 * personnummer or free text from the resident.
 */
public record ApplicationEvent(UUID applicationId, String tenantId, String type, Optional<ApplicationStatus> status,
                               Actor actor, JsonObject data) {

  public ApplicationEvent {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(actor, "actor");
    if (type == null || !type.matches("[a-z_]+")) {
      throw new IllegalArgumentException("an event type is lower case words joined by _: " + type);
    }
    data = data == null ? new JsonObject() : data;
  }

  /** An entry about this application. */
  public static ApplicationEvent of(ApplicationRow application, String type, ApplicationStatus status, Actor actor,
                                    JsonObject data) {
    return new ApplicationEvent(application.id(), application.tenantId(), type, Optional.ofNullable(status), actor,
      data);
  }

  /** Who acted: a resident (person id), a handläggare (staff id), the robot or the system itself. */
  public record Actor(Kind kind, Optional<UUID> personId, Optional<UUID> staffId) {

    public enum Kind {
      RESIDENT, STAFF, ROBOT, SYSTEM;

      public String db() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    public static Actor resident(UUID personId) {
      return new Actor(Kind.RESIDENT, Optional.of(personId), Optional.empty());
    }

    public static Actor staff(UUID staffId) {
      return new Actor(Kind.STAFF, Optional.empty(), Optional.of(staffId));
    }

    public static Actor robot() {
      return new Actor(Kind.ROBOT, Optional.empty(), Optional.empty());
    }

    public static Actor system() {
      return new Actor(Kind.SYSTEM, Optional.empty(), Optional.empty());
    }
  }
}
