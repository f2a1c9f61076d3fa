package se.socialportal.bistand.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers pending notifications from the outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} inside one
 * transaction that also marks them delivered, so several server instances never deliver the same one twice; if the
 * channel fails, the transaction rolls back and the rows are tried again next time.
 */
public final class NotificationDispatcher {

  private static final String PENDING = "SELECT id, tenant_id, person_id, kind, application_id, data, created_at "
    + "FROM notification_outbox WHERE delivered_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED";
  private static final String DELIVERED = "UPDATE notification_outbox SET delivered_at = $2, attempts = attempts + 1 "
    + "WHERE id = ANY($1)";

  private final Pool pool;
  private final NotificationChannel channel;
  private final Clock clock;

  public NotificationDispatcher(Pool pool, NotificationChannel channel, Clock clock) {
    this.pool = pool;
    this.channel = channel;
    this.clock = clock;
  }

  /** Delivers what is pending; the number delivered. */
  public Future<Integer> dispatch() {
    return pool.withTransaction(tx -> tx.preparedQuery(PENDING).execute().compose(rows -> {
      List<JsonObject> batch = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      for (Row row : rows) {
        ids.add(row.getLong("id"));
        batch.add(new JsonObject().put("id", row.getLong("id")).put("tenant", row.getString("tenant_id"))
          .put("personId", row.getUUID("person_id").toString()).put("kind", row.getString("kind"))
          .put("applicationId", row.getUUID("application_id") == null ? null : row.getUUID("application_id").toString())
          .put("data", row.getJson("data")).put("createdAt", row.getOffsetDateTime("created_at").toString()));
      }
      if (ids.isEmpty()) {
        return Future.succeededFuture(0);
      }
      return channel.deliver(batch).compose(v -> tx.preparedQuery(DELIVERED)
        .execute(Tuple.of(ids.toArray(new Long[0]), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))))
        .map(ids.size());
    }));
  }
}
