package se.socialportal.identity.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in PostgreSQL so every server instance sees the same ones and logout really ends them. The browser holds a
 * random 256-bit token; the table holds only its SHA-256.
 */
public final class SessionStore {

  /** A new session and the token to put in the cookie (never stored in clear). */
  public record Created(String token, Session session) {
  }

  private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

  private static final String INSERT = "INSERT INTO user_session (token_hash, kind, tenant_id, person_id, staff_id, "
    + "display_name, roles, csrf_token, created_at, last_seen_at, expires_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)";
  private static final String FIND = "SELECT kind, tenant_id, person_id, staff_id, display_name, roles, csrf_token, "
    + "created_at, last_seen_at, expires_at FROM user_session WHERE token_hash = $1 AND ended_at IS NULL";
  private static final int LAST_SEEN_AT = 8;
  private static final int EXPIRES_AT = 9;
  private static final String TOUCH = "UPDATE user_session SET last_seen_at = $2 WHERE token_hash = $1 "
    + "AND last_seen_at < $3";
  private static final String END = "UPDATE user_session SET ended_at = $2, end_reason = $3 WHERE token_hash = $1 "
    + "AND ended_at IS NULL";

  private final Pool pool;
  private final Clock clock;
  private final SessionSettings settings;

  public SessionStore(Pool pool, Clock clock, SessionSettings settings) {
    this.pool = pool;
    this.clock = clock;
    this.settings = settings;
  }

  public SessionSettings settings() {
    return settings;
  }

  public Future<Created> createResident(SqlClient client, String tenantId, UUID personId, String displayName) {
    return create(client, Session.Kind.RESIDENT, tenantId, Optional.of(personId), Optional.empty(), displayName, List.of());
  }

  public Future<Created> createStaff(String tenantId, UUID staffId, String displayName, List<String> roles) {
    return create(pool, Session.Kind.STAFF, tenantId, Optional.empty(), Optional.of(staffId), displayName, roles);
  }

  private Future<Created> create(SqlClient client, Session.Kind kind, String tenantId, Optional<UUID> personId,
                                 Optional<UUID> staffId, String displayName, List<String> roles) {
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    Instant expires = now.plus(settings.maximum());
    Session session = new Session(kind, tenantId, personId, staffId, displayName, List.copyOf(roles), csrf, now,
      expires);
    return client.preparedQuery(INSERT).execute(Tuple.of(hash(token), kind.name().toLowerCase(), tenantId,
        personId.orElse(null), staffId.orElse(null), displayName)
        .addArrayOfString(roles.toArray(new String[0])).addString(csrf).addOffsetDateTime(utc(now))
        .addOffsetDateTime(utc(expires)))
      .map(new Created(token, session));
  }

  /** The live session for a token, or empty if unknown, ended, idle too long or past its absolute lifetime. */
  public Future<Optional<Session>> find(String token) {
    if (token == null || token.length() != 43) {
      return Future.succeededFuture(Optional.empty());
    }
    byte[] tokenHash = hash(token);
    return pool.preparedQuery(FIND).execute(Tuple.of(tokenHash)).compose(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return Future.succeededFuture(Optional.empty());
      }
      Row row = it.next();
      Instant now = clock.instant();
      Instant lastSeen = row.getOffsetDateTime(LAST_SEEN_AT).toInstant();
      Instant expires = row.getOffsetDateTime(EXPIRES_AT).toInstant();
      if (!now.isBefore(expires)) {
        return end(tokenHash, "expired").map(Optional.empty());
      }
      if (!now.isBefore(lastSeen.plus(settings.idle()))) {
        return end(tokenHash, "idle").map(Optional.empty());
      }
      Session session = map(row);
      // Writing last_seen_at on every request would double the load; a 30 s granularity is enough for a 20 min limit.
      // The row just read says whether it is due, so a request within the granularity costs no write at all.
      if (!lastSeen.isBefore(now.minus(TOUCH_GRANULARITY))) {
        return Future.succeededFuture(Optional.of(session));
      }
      return pool.preparedQuery(TOUCH).execute(Tuple.of(tokenHash, utc(now), utc(now.minus(TOUCH_GRANULARITY))))
        .map(Optional.of(session));
    });
  }

  public Future<Void> end(String token, String reason) {
    return token == null ? Future.succeededFuture() : end(hash(token), reason);
  }

  private Future<Void> end(byte[] tokenHash, String reason) {
    return pool.preparedQuery(END).execute(Tuple.of(tokenHash, utc(clock.instant()), reason)).mapEmpty();
  }

  /** By position in {@link #FIND} (a lookup by name searches the columns on every request). */
  private static Session map(Row row) {
    String kind = row.getString(0);
    String[] roles = row.getArrayOfStrings(5);
    return new Session(
      "staff".equals(kind) ? Session.Kind.STAFF : Session.Kind.RESIDENT,
      row.getString(1),
      Optional.ofNullable(row.getUUID(2)),
      Optional.ofNullable(row.getUUID(3)),
      row.getString(4),
      roles == null ? List.of() : Arrays.asList(roles),
      row.getString(6),
      row.getOffsetDateTime(7).toInstant(),
      row.getOffsetDateTime(EXPIRES_AT).toInstant());
  }

  private static String randomToken() {
    return Tokens.random();
  }

  private static byte[] hash(String token) {
    return Tokens.sha256(token);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
