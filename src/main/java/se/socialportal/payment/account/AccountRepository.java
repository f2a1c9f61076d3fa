package se.socialportal.payment.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code payout_account} and {@code payout_account_request}. */
public final class AccountRepository {

  /** An account as stored; {@code number} is the whole number, for the payment file only. */
  public record StoredAccount(UUID id, String tenantId, UUID personId, AccountNumbers.Kind kind,
                              Optional<String> clearing, String number, String bankName, String masked,
                              Instant registeredAt, Optional<UUID> replacesId) {

    /** Whether this account replaced an earlier one (a change, not a first registration). */
    public boolean isChange() {
      return replacesId.isPresent();
    }
  }

  /** What the resident typed, waiting for their signature. */
  public record Request(UUID id, String tenantId, UUID personId, AccountNumbers.Kind kind, Optional<String> clearing,
                        String number, String bankName, String masked, Optional<Instant> completedAt) {
  }

  static final String COLUMNS = "id, tenant_id, person_id, kind, clearing, number, bank_name, masked, registered_at, "
    + "replaces_id";
  private static final String CURRENT = "SELECT " + COLUMNS + " FROM payout_account "
    + "WHERE tenant_id = $1 AND person_id = $2 AND superseded_at IS NULL";
  private static final String INSERT_REQUEST = "INSERT INTO payout_account_request (id, tenant_id, person_id, kind, "
    + "clearing, number, bank_name, masked, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  private static final String LOCK_REQUEST = "SELECT id, tenant_id, person_id, kind, clearing, number, bank_name, masked, "
    + "completed_at FROM payout_account_request WHERE id = $1 FOR UPDATE";
  private static final String COMPLETE_REQUEST = "UPDATE payout_account_request SET completed_at = $2 WHERE id = $1";
  private static final String SUPERSEDE = "UPDATE payout_account SET superseded_at = $3 "
    + "WHERE tenant_id = $1 AND person_id = $2 AND superseded_at IS NULL RETURNING id";
  private static final String INSERT_ACCOUNT = "INSERT INTO payout_account (id, tenant_id, person_id, kind, clearing, "
    + "number, bank_name, masked, request_id, order_id, order_ref, signature, ocsp_response, signed_text, "
    + "registered_at, replaces_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";

  private AccountRepository() {
  }

  public static Future<Optional<StoredAccount>> current(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(tenantId, personId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next())));
  }

  static Future<Void> insertRequest(SqlClient client, UUID id, String tenantId, UUID personId,
                                    AccountNumbers.Account account, Instant at) {
    return client.preparedQuery(INSERT_REQUEST).execute(Tuple.of(id, tenantId, personId, account.kind().code(),
        account.clearing().orElse(null), account.number(), account.bankName(), account.masked())
      .addValue(utc(at))).mapEmpty();
  }

  static Future<Optional<Request>> lockRequest(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK_REQUEST).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Request(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("person_id"),
        AccountNumbers.Kind.of(row.getString("kind")), Optional.ofNullable(row.getString("clearing")),
        row.getString("number"), row.getString("bank_name"), row.getString("masked"),
        Optional.ofNullable(row.getOffsetDateTime("completed_at")).map(OffsetDateTime::toInstant)));
    });
  }

  /** The new account replaces the one in use (kept, marked superseded); returns the new account's id. */
  static Future<UUID> register(SqlClient tx, Request request, UUID orderId, String orderRef, String signature,
                               String ocspResponse, String signedText, Instant at) {
    UUID id = UUID.randomUUID();
    return tx.preparedQuery(SUPERSEDE).execute(Tuple.of(request.tenantId(), request.personId(), utc(at)))
      .compose(old -> {
        UUID replaces = old.size() == 0 ? null : old.iterator().next().getUUID("id");
        return tx.preparedQuery(INSERT_ACCOUNT).execute(Tuple.of(id, request.tenantId(), request.personId(),
            request.kind().code(), request.clearing().orElse(null), request.number(), request.bankName(),
            request.masked()).addValue(request.id()).addValue(orderId).addValue(orderRef).addValue(signature)
          .addValue(ocspResponse).addValue(signedText).addValue(utc(at)).addValue(replaces));
      })
      .compose(v -> tx.preparedQuery(COMPLETE_REQUEST).execute(Tuple.of(request.id(), utc(at))))
      .map(id);
  }

  static StoredAccount account(Row row) {
    return new StoredAccount(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("person_id"),
      AccountNumbers.Kind.of(row.getString("kind")), Optional.ofNullable(row.getString("clearing")),
      row.getString("number"), row.getString("bank_name"), row.getString("masked"),
      row.getOffsetDateTime("registered_at").toInstant(), Optional.ofNullable(row.getUUID("replaces_id")));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
