package se.socialportal.audit;

import io.vertx.core.json.JsonObject;
import se.socialportal.identity.session.Session;

import java.util.Optional;
import java.util.UUID;

/**
 * One line of the audit log: who (staff, resident, robot or system) did what to whose data, in which case.
 * {@code action} is dotted lowercase words, e.g. {@code case.read}, {@code case.decide}, {@code attachment.read}.
 * Never put a personnummer in {@code detail}: refer to people by id.
 */
public record AuditEntry(String tenantId, ActorKind actorKind, Optional<UUID> actorStaffId,
                         Optional<UUID> actorPersonId, String action, Optional<UUID> personId, Optional<UUID> caseId,
                         Optional<String> requestId, JsonObject detail) {

  public enum ActorKind { STAFF, RESIDENT, ROBOT, SYSTEM }

  /** What a logged-in staff member or resident did, from their session. */
  public static AuditEntry by(Session session, String action, UUID personId, UUID caseId, String requestId) {
    return new AuditEntry(session.tenantId(),
      session.isStaff() ? ActorKind.STAFF : ActorKind.RESIDENT,
      session.staffId(),
      session.personId(),
      action, Optional.ofNullable(personId), Optional.ofNullable(caseId), Optional.ofNullable(requestId),
      new JsonObject());
  }

  public static AuditEntry robot(String tenantId, String action, UUID personId, UUID caseId) {
    return new AuditEntry(tenantId, ActorKind.ROBOT, Optional.empty(), Optional.empty(), action,
      Optional.ofNullable(personId), Optional.ofNullable(caseId), Optional.empty(), new JsonObject());
  }

  public AuditEntry withDetail(JsonObject more) {
    return new AuditEntry(tenantId, actorKind, actorStaffId, actorPersonId, action, personId, caseId, requestId,
      detail.copy().mergeIn(more));
  }
}
