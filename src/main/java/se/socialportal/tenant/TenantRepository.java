package se.socialportal.tenant;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant table: the municipalities sharing this installation (written by TenantSync from robots/tenants/). */
public final class TenantRepository {

  public record Tenant(String id, String name, String kommunkod, String organisationsnummer, String contactEmail,
                       String contactPhone, String postalAddress) {
  }

  private static final String FIND = "SELECT id, name, kommunkod, organisationsnummer, contact_email, contact_phone, "
    + "postal_address FROM tenant WHERE id = #{id}";
  private static final String MISSING = "SELECT wanted FROM unnest($1::text[]) WITH ORDINALITY AS w (wanted, position) "
    + "WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE id = wanted) ORDER BY position";

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

  /** Those of the ids that have no tenant row, in the order given. */
  public Future<List<String>> missing(Collection<String> ids) {
    return pool.preparedQuery(MISSING).execute(Tuple.of((Object) ids.toArray(String[]::new)))
      .map(rows -> {
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
          missing.add(row.getString("wanted"));
        }
        return List.copyOf(missing);
      });
  }
}
