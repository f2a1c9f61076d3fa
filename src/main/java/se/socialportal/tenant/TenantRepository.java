package se.socialportal.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.util.Map;
import java.util.Optional;

/** The tenant table: the municipalities sharing this installation (written by TenantSync from robots/tenants/). */
public final class TenantRepository {

  public record Tenant(String id, String name, String kommunkod, String organisationsnummer, String contactEmail,
                       String contactPhone, String postalAddress) {
  }

  private static final String FIND = "SELECT id, name, kommunkod, organisationsnummer, contact_email, contact_phone, "
    + "postal_address FROM tenant WHERE id = #{id}";

  private final Pool pool;

  public TenantRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Tenant>> find(String id) {
    return SqlTemplate.forQuery(pool, FIND).execute(Map.of("id", id)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      var row = it.next();
      return Optional.of(new Tenant(row.getString("id"), row.getString("name"), row.getString("kommunkod"),
        row.getString("organisationsnummer"), row.getString("contact_email"), row.getString("contact_phone"),
        row.getString("postal_address")));
    });
  }
}
