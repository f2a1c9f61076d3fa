package se.socialportal.tenant;

import io.vertx.ext.web.RoutingContext;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which municipality a resident is dealing with: several municipalities can share one installation, each on its own
 * host name. Staff never use this — their tenant comes from their login.
 */
public final class TenantResolver {

  private final Map<String, String> byHost;
  private final String defaultTenant;

  public TenantResolver(Map<String, String> byHost, String defaultTenant) {
    this.byHost = Map.copyOf(byHost);
    this.defaultTenant = defaultTenant;
  }

  public static TenantResolver from(AppConfig config) {
    Map<String, String> byHost = new HashMap<>();
    for (String pair : config.list(Setting.TENANT_HOSTS)) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || !parts[1].trim().matches("[a-z0-9][a-z0-9-]{1,39}")) {
        throw new ConfigException(Setting.TENANT_HOSTS.name(), "entries must look like host=tenant, got '" + pair + "'");
      }
      byHost.put(parts[0].trim().toLowerCase(Locale.ROOT), parts[1].trim());
    }
    String defaultTenant = config.required(Setting.DEFAULT_TENANT);
    if (!defaultTenant.matches("[a-z0-9][a-z0-9-]{1,39}")) {
      throw new ConfigException(Setting.DEFAULT_TENANT.name(), "must be a tenant id (lowercase letters, digits, '-'), got '"
        + defaultTenant + "'");
    }
    return new TenantResolver(byHost, defaultTenant);
  }

  public String tenantOf(RoutingContext ctx) {
    var authority = ctx.request().authority();
    if (authority != null) {
      String tenant = byHost.get(authority.host().toLowerCase(Locale.ROOT));
      if (tenant != null) {
        return tenant;
      }
    }
    return defaultTenant;
  }

  public String defaultTenant() {
    return defaultTenant;
  }

  /** The tenants TENANT_HOSTS sends residents to. */
  public Set<String> hostTenants() {
    return Set.copyOf(byHost.values());
  }
}
