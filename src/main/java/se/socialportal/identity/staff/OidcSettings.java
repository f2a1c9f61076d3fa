package se.socialportal.identity.staff;

import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How staff log in: the municipality's OpenID Connect provider, or (demo mode, OIDC_ISSUER empty) a local one
 * started in the same process. Role and tenant claims are mapped through configuration, because every IdP names its
 * groups differently.
 */
public record OidcSettings(Optional<URI> issuer, String clientId, String clientSecret, String rolesClaim,
                           String tenantClaim, Map<String, String> roleMap, int demoPort) {

  public static OidcSettings from(AppConfig config) {
    Optional<URI> issuer = config.url(Setting.OIDC_ISSUER);
    if (!config.isDemo() && issuer.isEmpty()) {
      config.refuse(Setting.OIDC_ISSUER, "is required in production (" + Setting.OIDC_ISSUER.description() + ")");
    }
    String clientId = issuer.isPresent() ? config.required(Setting.OIDC_CLIENT_ID) : "socialportalen-demo";
    return new OidcSettings(issuer, clientId, config.string(Setting.OIDC_CLIENT_SECRET),
      config.required(Setting.OIDC_ROLES_CLAIM), config.required(Setting.OIDC_TENANT_CLAIM),
      roleMap(config), config.port(Setting.OIDC_DEMO_PORT));
  }

  /** OIDC_ROLE_MAP: "idp-group=role,other-group=role"; every target must be one of our role codes. */
  private static Map<String, String> roleMap(AppConfig config) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : config.list(Setting.OIDC_ROLE_MAP)) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || StaffRole.fromCode(parts[1].trim()).isEmpty()) {
        config.refuse(Setting.OIDC_ROLE_MAP, "entries must look like idp-group=handlaggare (a known role), got '"
          + pair + "'");
        continue;
      }
      map.put(parts[0].trim(), parts[1].trim());
    }
    return Map.copyOf(map);
  }
}
