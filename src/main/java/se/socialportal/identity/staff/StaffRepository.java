package se.socialportal.identity.staff;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The staff_member table: who has logged in, with the roles their last token gave. */
public final class StaffRepository {

  private static final String RECORD_LOGIN = "INSERT INTO staff_member (tenant_id, subject, name, email, roles, "
    + "first_login_at, last_login_at) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (tenant_id, subject) DO UPDATE "
    + "SET name = EXCLUDED.name, email = EXCLUDED.email, roles = EXCLUDED.roles, "
    + "last_login_at = EXCLUDED.last_login_at RETURNING id";

  private final Pool pool;

  public StaffRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<UUID> recordLogin(String tenantId, String subject, String name, String email, List<String> roles,
                                 Instant at) {
    return pool.preparedQuery(RECORD_LOGIN)
      .execute(Tuple.of(tenantId, subject, name, email, roles.toArray(new String[0]),
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
      .map(rows -> rows.iterator().next().getUUID("id"));
  }
}
