package se.socialportal.tenant;

import io.vertx.core.Future;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At startup, after {@link TenantSync}: every municipality residents can reach (DEFAULT_TENANT, TENANT_HOSTS) has its
 * tenant row. Rules alone are not enough — a folder with caps but no tenant file loads — and without the row the
 * first application or letter fails on the foreign key, long after the operator who forgot the file has gone home.
 * Checked against the table, not the files, so a row an operator wrote by hand still counts.
 */
public final class ResidentTenants {

  private ResidentTenants() {
  }

  public static Future<Void> requirePresent(TenantRepository tenants, TenantResolver resolver) {
    Map<String, Setting> settingOf = new LinkedHashMap<>();
    settingOf.put(resolver.defaultTenant(), Setting.DEFAULT_TENANT);
    resolver.hostTenants().stream().sorted().forEach(tenant -> settingOf.putIfAbsent(tenant, Setting.TENANT_HOSTS));
    return tenants.missing(settingOf.keySet()).compose(missing -> {
      if (missing.isEmpty()) {
        return Future.succeededFuture();
      }
      String tenant = missing.get(0);
      return Future.failedFuture(new ConfigException(settingOf.get(tenant).name(), "tenant '" + tenant
        + "' is not in the tenant table: add robots/tenants/" + tenant + "/tenant-<year>.json (name, nämnd, contact "
        + "details; README, Adding a municipality) and restart" + (missing.size() > 1
        ? " (also missing: " + String.join(", ", missing.subList(1, missing.size())) + ")" : "")));
    });
  }
}
