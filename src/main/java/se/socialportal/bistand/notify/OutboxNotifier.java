package se.socialportal.bistand.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes notifications to {@code notification_outbox} in the caller's transaction. */
public final class OutboxNotifier implements Notifier {

  private static final String INSERT = "INSERT INTO notification_outbox (tenant_id, person_id, kind, application_id, "
    + "data, created_at) VALUES ($1, $2, $3, $4, $5, $6)";

  private final Clock clock;

  public OutboxNotifier(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> notify(SqlClient tx, String tenantId, UUID personId, String kind, UUID applicationId,
                             JsonObject data) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, personId, kind, applicationId,
      data == null ? new JsonObject() : data, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))).mapEmpty();
  }
}
