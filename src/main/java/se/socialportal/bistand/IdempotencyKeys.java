package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import se.socialportal.platform.http.ApiException;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes a resident's state-changing request safe to repeat: the first request with a key does the work and its answer
 * is stored; a repeat with the same key (a double click, a retry after a lost answer) gets that answer and changes
 * nothing. Reusing a key for a different request is refused.
 */
public final class IdempotencyKeys {

  /** A request identified by who, what kind, the client's key and a hash of what was asked. */
  public record Request(String tenantId, UUID personId, String scope, String key, String requestHash) {
  }

  private static final String RESERVE = "INSERT INTO idempotency_key (tenant_id, person_id, scope, key, request_hash) "
    + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
  private static final String FIND = "SELECT request_hash, response FROM idempotency_key WHERE tenant_id = $1 "
    + "AND person_id = $2 AND scope = $3 AND key = $4";
  private static final String COMPLETE = "UPDATE idempotency_key SET response = $5 WHERE tenant_id = $1 "
    + "AND person_id = $2 AND scope = $3 AND key = $4";
  private static final String RELEASE = "DELETE FROM idempotency_key WHERE tenant_id = $1 AND person_id = $2 "
    + "AND scope = $3 AND key = $4 AND response IS NULL";

  private IdempotencyKeys() {
  }

  /**
   * Runs {@code action} in one transaction with the key: both happen or neither. A concurrent request with the same
   * key waits for the first one's transaction (the primary key) and then gets its answer.
   */
  public static Future<JsonObject> once(Pool pool, Request request, Function<SqlConnection, Future<JsonObject>> action) {
    return pool.withTransaction(tx -> reserve(tx, request).compose(reserved -> {
      if (reserved.isPresent()) {
        return Future.succeededFuture(reserved.get());
      }
      return action.apply(tx).compose(answer -> complete(tx, request, answer).map(answer));
    }));
  }

  /**
   * Reserves the key on its own (for work that cannot share our transaction, e.g. starting a BankID order): empty
   * when the caller should do the work and then {@link #complete} or {@link #release}; the stored answer when this is
   * a repeat. A repeat while the first is still working is refused as in progress.
   */
  public static Future<Optional<JsonObject>> reserve(SqlClient client, Request request) {
    Tuple key = Tuple.of(request.tenantId(), request.personId(), request.scope(), request.key());
    return client.preparedQuery(RESERVE).execute(Tuple.of(request.tenantId(), request.personId(), request.scope(),
      request.key(), request.requestHash())).compose(inserted -> {
        if (inserted.rowCount() == 1) {
          return Future.succeededFuture(Optional.<JsonObject>empty());
        }
        return client.preparedQuery(FIND).execute(key).compose(rows -> {
          var row = rows.iterator().next();
          if (!request.requestHash().equals(row.getString("request_hash"))) {
            return Future.failedFuture(ApiException.conflict("idempotency_key_reused"));
          }
          Object response = row.getJson("response");
          if (!(response instanceof JsonObject)) {
            return Future.failedFuture(ApiException.conflict("request_in_progress"));
          }
          return Future.succeededFuture(Optional.of((JsonObject) response));
        });
      });
  }

  public static Future<Void> complete(SqlClient client, Request request, JsonObject answer) {
    return client.preparedQuery(COMPLETE).execute(Tuple.of(request.tenantId(), request.personId(), request.scope(),
      request.key(), answer)).mapEmpty();
  }

  public static Future<Void> release(SqlClient client, Request request) {
    return client.preparedQuery(RELEASE).execute(Tuple.of(request.tenantId(), request.personId(), request.scope(),
      request.key())).mapEmpty();
  }
}
