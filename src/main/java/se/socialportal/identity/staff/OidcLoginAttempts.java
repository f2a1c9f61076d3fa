package se.socialportal.identity.staff;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Authorization requests in flight, keyed by the hash of their state; each can be used once, within ten minutes. */
public final class OidcLoginAttempts {

  public record Attempt(String codeVerifier, String nonce, String returnTo) {
  }

  static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final String INSERT = "INSERT INTO oidc_login_attempt (state_hash, code_verifier, nonce, return_to, "
    + "created_at) VALUES ($1, $2, $3, $4, $5)";
  private static final String CONSUME = "UPDATE oidc_login_attempt SET used_at = $2 WHERE state_hash = $1 "
    + "AND used_at IS NULL AND created_at > $3 RETURNING code_verifier, nonce, return_to";
  private static final String PRUNE = "DELETE FROM oidc_login_attempt WHERE created_at < $1";

  private final Pool pool;

  public OidcLoginAttempts(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> save(byte[] stateHash, Attempt attempt, Instant now) {
    return pool.preparedQuery(INSERT)
      .execute(Tuple.of(stateHash, attempt.codeVerifier(), attempt.nonce(), attempt.returnTo(), utc(now)))
      .compose(v -> pool.preparedQuery(PRUNE).execute(Tuple.of(utc(now.minus(Duration.ofDays(1))))))
      .mapEmpty();
  }

  public Future<Optional<Attempt>> consume(byte[] stateHash, Instant now) {
    return pool.preparedQuery(CONSUME).execute(Tuple.of(stateHash, utc(now), utc(now.minus(LIFETIME)))).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Optional.empty();
      }
      var row = it.next();
      return Optional.of(new Attempt(row.getString("code_verifier"), row.getString("nonce"), row.getString("return_to")));
    });
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
