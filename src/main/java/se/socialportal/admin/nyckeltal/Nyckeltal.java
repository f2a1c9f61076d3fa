package se.socialportal.admin.nyckeltal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * A month's nyckeltal. A month that has ended is read from its snapshot; the first time one is asked for (by the job
 * on the clock, an administrator, or a page) it is computed and stored, and from then on only read — a figure the
 * nämnd has seen never changes. The running month is computed each time and marked preliminary; a month that has not
 * begun has no figures.
 */
public final class Nyckeltal {

  /** The longest trend a page asks for. */
  public static final int MAX_TREND_MONTHS = 24;

  private final Pool pool;
  private final Clock clock;

  public Nyckeltal(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public YearMonth thisMonth() {
    return YearMonth.from(LocalDate.now(clock.withZone(NyckeltalQuery.STOCKHOLM)));
  }

  /** The month's figures with {@code final} (a stored snapshot) or not (the running month), and when computed. */
  public Future<JsonObject> month(String tenantId, YearMonth month, Optional<UUID> staff) {
    YearMonth current = thisMonth();
    if (month.isAfter(current)) {
      return Future.failedFuture(ApiException.invalid("month", "month_in_future"));
    }
    if (month.equals(current)) {
      return pool.withConnection(connection -> NyckeltalQuery.read(connection, tenantId, month))
        .map(input -> new JsonObject().put("final", false).put("computedAt", clock.instant().toString())
          .put("figures", NyckeltalFigures.compute(input)));
    }
    return pool.withTransaction(tx -> snapshot(tx, tenantId, month, staff)).map(Nyckeltal::answer);
  }

  /** Stores the month's snapshot when it has none yet, and answers the stored one. */
  private Future<SnapshotRepository.Snapshot> snapshot(SqlClient tx, String tenantId, YearMonth month,
                                                       Optional<UUID> staff) {
    return SnapshotRepository.find(tx, tenantId, month).compose(found -> found.isPresent()
      ? Future.succeededFuture(found.get())
      : NyckeltalQuery.read(tx, tenantId, month)
        .compose(input -> SnapshotRepository.insert(tx, tenantId, month, NyckeltalFigures.compute(input),
          clock.instant(), staff))
        .compose(done -> SnapshotRepository.find(tx, tenantId, month)).map(Optional::orElseThrow));
  }

  /** The job on the clock: every municipality's last month, once it has ended. */
  public Future<Integer> snapshotEndedMonth() {
    YearMonth last = thisMonth().minusMonths(1);
    return pool.withConnection(SnapshotRepository::tenants).compose(tenants -> {
      Future<Integer> done = Future.succeededFuture(0);
      for (String tenant : tenants) {
        done = done.compose(count -> pool.withTransaction(tx -> SnapshotRepository.find(tx, tenant, last)
          .compose(found -> found.isPresent() ? Future.succeededFuture(count)
            : snapshot(tx, tenant, last, Optional.empty()).map(stored -> count + 1))));
      }
      return done;
    });
  }

  /** The stored snapshots of the {@code months} months ending with {@code to} (months without one are left out). */
  public Future<JsonObject> trend(String tenantId, YearMonth to, int months) {
    if (months < 1 || months > MAX_TREND_MONTHS) {
      return Future.failedFuture(ApiException.invalid("months", "trend_months"));
    }
    YearMonth from = to.minusMonths(months - 1L);
    return pool.withConnection(connection -> SnapshotRepository.range(connection, tenantId, from, to)).map(rows -> {
      JsonArray points = new JsonArray();
      rows.forEach(row -> points.add(point(row.figures())));
      return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("months", points);
    });
  }

  /** The figures a trend follows, from one month's snapshot. */
  static JsonObject point(JsonObject figures) {
    JsonObject applications = figures.getJsonObject("applications");
    return new JsonObject().put("month", figures.getString("month"))
      .put("households", figures.getLong("households"))
      .put("grantedPerHousehold", figures.getJsonObject("cost").getString("grantedPerHousehold"))
      .put("digitalPercent", applications.getJsonObject("digital").getString("percent"))
      .put("longTermPercent", figures.getJsonObject("residents").getJsonObject("longTerm").getString("percent"));
  }

  private static JsonObject answer(SnapshotRepository.Snapshot snapshot) {
    return new JsonObject().put("final", true).put("computedAt", snapshot.computedAt().toString())
      .put("computedBy", snapshot.computedBy()).put("definitionVersion", snapshot.definitionVersion())
      .put("figures", snapshot.figures());
  }
}
