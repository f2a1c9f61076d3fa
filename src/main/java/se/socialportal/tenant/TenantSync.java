package se.socialportal.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.templates.SqlTemplate;
import se.socialportal.rules.TenantDetails;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the tenant table in line with robots/tenants/&lt;id&gt;/tenant-*.json at startup: a municipality joins the
 * installation by adding its directory (and its rules) to robots/, and a renamed nämnd or a new address reaches the
 * letters by a new file version. Tenants are never removed here: their cases stay (a municipality that leaves is
 * handled by an operator, not by a missing file).
 */
public final class TenantSync {

  private static final String UPSERT = "INSERT INTO tenant (id, name, namnd, kommunkod, organisationsnummer, "
    + "contact_email, contact_phone, postal_address) VALUES (#{id}, #{name}, #{namnd}, #{kommunkod}, "
    + "#{organisationsnummer}, #{email}, #{phone}, #{postalAddress}) ON CONFLICT (id) DO UPDATE SET "
    + "name = EXCLUDED.name, namnd = EXCLUDED.namnd, kommunkod = EXCLUDED.kommunkod, "
    + "organisationsnummer = EXCLUDED.organisationsnummer, contact_email = EXCLUDED.contact_email, "
    + "contact_phone = EXCLUDED.contact_phone, postal_address = EXCLUDED.postal_address";

  private TenantSync() {
  }

  /** @return how many tenants were written */
  public static Future<Integer> apply(Pool pool, List<TenantDetails> tenants) {
    if (tenants.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Map<String, Object>> rows = tenants.stream().map(TenantSync::row).toList();
    return pool.withTransaction(tx -> SqlTemplate.forUpdate(tx, UPSERT).executeBatch(rows)).map(tenants.size());
  }

  private static Map<String, Object> row(TenantDetails tenant) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", tenant.id());
    row.put("name", tenant.name());
    row.put("namnd", tenant.namnd());
    row.put("kommunkod", tenant.kommunkod().orElse(null));
    row.put("organisationsnummer", tenant.organisationsnummer().orElse(null));
    row.put("email", tenant.email());
    row.put("phone", tenant.phone());
    row.put("postalAddress", tenant.postalAddress());
    return row;
  }
}
