package se.socialportal.identity.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A logged-in resident or staff member, as loaded for the current request. */
public record Session(Kind kind, String tenantId, Optional<UUID> personId, Optional<UUID> staffId,
                      String displayName, List<String> roles, String csrfToken, Instant createdAt, Instant expiresAt) {

  public enum Kind { RESIDENT, STAFF }

  public boolean isResident() {
    return kind == Kind.RESIDENT;
  }

  public boolean isStaff() {
    return kind == Kind.STAFF;
  }

  /** The staff member's id; only call on a staff session. */
  public UUID staffMemberId() {
    return staffId.orElseThrow(() -> new IllegalStateException("not a staff session"));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The resident's person id; only call on a resident session. */
  public UUID residentId() {
    return personId.orElseThrow(() -> new IllegalStateException("not a resident session"));
  }
}
