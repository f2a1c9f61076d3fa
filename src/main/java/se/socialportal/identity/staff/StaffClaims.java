package se.socialportal.identity.staff;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a staff member is, read from the ID token's claims: subject, name, tenant and roles (mapped through
 * OIDC_ROLE_MAP). A token without a tenant or without any role we know gives no access at all.
 */
public record StaffClaims(String subject, String name, String email, String tenant, List<String> roles) {

  public static Optional<StaffClaims> from(JsonObject claims, OidcSettings settings) {
    String subject = claims.getString("sub");
    String tenant = claims.getValue(settings.tenantClaim()) instanceof String
      ? claims.getString(settings.tenantClaim()) : null;
    if (subject == null || subject.isBlank() || tenant == null || tenant.isBlank()) {
      return Optional.empty();
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String raw : rawRoles(claims.getValue(settings.rolesClaim()))) {
      String mapped = settings.roleMap().getOrDefault(raw, raw);
      StaffRole.fromCode(mapped).ifPresent(role -> roles.add(role.code()));
    }
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    String name = Optional.ofNullable(claims.getString("name"))
      .orElse((claims.getString("given_name", "") + " " + claims.getString("family_name", "")).trim());
    return Optional.of(new StaffClaims(subject, name.isBlank() ? subject : name, claims.getString("email"), tenant,
      List.copyOf(roles)));
  }

  private static List<String> rawRoles(Object value) {
    List<String> roles = new ArrayList<>();
    if (value instanceof JsonArray) {
      for (Object role : (JsonArray) value) {
        if (role instanceof String) {
          roles.add((String) role);
        }
      }
    } else if (value instanceof String) {
      for (String role : ((String) value).split("[ ,]+")) {
        if (!role.isBlank()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
