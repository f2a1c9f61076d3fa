package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** The municipality's name, nämnd and contact details as a decision letter prints them. */
final class Letterhead {

  private static final String TENANT = "SELECT name, namnd, postal_address, contact_phone, contact_email FROM tenant "
    + "WHERE id = $1";

  private Letterhead() {
  }

  static Future<JsonObject> of(SqlClient tx, String tenantId) {
    return tx.preparedQuery(TENANT).execute(Tuple.of(tenantId)).map(rows -> {
      Row row = rows.iterator().next();
      return new JsonObject().put("name", row.getString("name")).put("namnd", row.getString("namnd"))
        .put("postal_address", row.getString("postal_address")).put("contact_phone", row.getString("contact_phone"))
        .put("contact_email", row.getString("contact_email"));
    });
  }
}
