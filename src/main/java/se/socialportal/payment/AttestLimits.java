package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Each attestant's limit per payment, as data an administrator keeps: set by the staff member's login id (so a limit
 * can be in place before their first login), read by the attest. No limit, no attest.
 */
public final class AttestLimits {

  private static final String LIST = "SELECT staff_subject, max_amount, set_at FROM attest_limit WHERE tenant_id = $1 "
    + "ORDER BY staff_subject";
  private static final String SET = "INSERT INTO attest_limit (tenant_id, staff_subject, max_amount, set_by, set_at) "
    + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, staff_subject) DO UPDATE SET max_amount = EXCLUDED.max_amount, "
    + "set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at";
  private static final String INITIAL = "INSERT INTO attest_limit (tenant_id, staff_subject, max_amount, set_at) "
    + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";

  private final Pool pool;
  private final Clock clock;

  public AttestLimits(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<JsonObject> list(Session session) {
    requireAdmin(session);
    return pool.preparedQuery(LIST).execute(Tuple.of(session.tenantId())).map(rows -> {
      JsonArray limits = new JsonArray();
      for (Row row : rows) {
        limits.add(new JsonObject().put("subject", row.getString("staff_subject"))
          .put("maxAmount", row.getBigDecimal("max_amount").toPlainString())
          .put("setAt", row.getOffsetDateTime("set_at").toInstant().toString()));
      }
      return new JsonObject().put("limits", limits);
    });
  }

  public Future<JsonObject> set(Session session, String subject, BigDecimal maxAmount) {
    requireAdmin(session);
    if (subject == null || subject.isBlank() || subject.length() > 200) {
      throw ApiException.invalid("subject", "attest_limit_subject_required");
    }
    if (maxAmount == null || maxAmount.signum() < 0 || maxAmount.scale() > 2 || maxAmount.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
      throw ApiException.invalid("maxAmount", "amount_invalid");
    }
    return pool.preparedQuery(SET).execute(Tuple.of(session.tenantId(), subject.strip(), maxAmount,
        session.staffMemberId(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
      .map(v -> new JsonObject().put("subject", subject.strip()).put("maxAmount", maxAmount.toPlainString()));
  }

  /** A limit an installation starts with (set by no one); one already there, set by an administrator, stays. */
  public Future<Void> initial(String tenantId, String subject, BigDecimal maxAmount) {
    return pool.preparedQuery(INITIAL).execute(Tuple.of(tenantId, subject, maxAmount,
      OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))).mapEmpty();
  }

  static void requireAdmin(Session session) {
    if (!session.hasRole("admin")) {
      throw ApiException.forbidden("forbidden");
    }
  }
}
