package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code fr_contact}: where a resident wants familjerätt's e-mail and SMS. Read only for that person's own messages. */
final class ContactRepository {

  /** A resident's contact details; either may be absent. */
  record Contact(Optional<String> email, Optional<String> phone) {
    static final Contact NONE = new Contact(Optional.empty(), Optional.empty());
  }

  private static final String UPSERT = "INSERT INTO fr_contact (tenant_id, person_id, email, phone, updated_at) "
    + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, person_id) DO UPDATE SET email = EXCLUDED.email, "
    + "phone = EXCLUDED.phone, updated_at = EXCLUDED.updated_at";
  private static final String FIND = "SELECT email, phone FROM fr_contact WHERE tenant_id = $1 AND person_id = $2";

  private ContactRepository() {
  }

  static Future<Void> save(SqlClient tx, String tenantId, UUID personId, Contact contact, Instant now) {
    return tx.preparedQuery(UPSERT).execute(Tuple.of(tenantId, personId, contact.email().orElse(null),
      contact.phone().orElse(null), Sql.utc(now))).mapEmpty();
  }

  static Future<Contact> find(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(FIND).execute(Tuple.of(tenantId, personId)).map(rows -> Sql.first(rows,
      row -> new Contact(Optional.ofNullable(row.getString("email")), Optional.ofNullable(row.getString("phone"))))
      .orElse(Contact.NONE));
  }
}
