package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff's weekly hours per tenant, kept in memory: every free-time search needs them and they change rarely. The
 * caller reads the tenant's version (fr_schedule_version, bumped by a trigger on every change, on whichever server or
 * by whatever made it) in the same round trip as the busy times; only a version other than the copy's reads the
 * hours again. Shared by the server's event loops; a copy is replaced whole, never changed.
 */
final class PublishedHours {

  private record Copy(long version, List<FreeTimes.Weekly> hours) {
  }

  private final Map<String, Copy> copies = new ConcurrentHashMap<>();

  /** The tenant's hours as of {@code version} or later: the copy when it is that version, else read again. */
  Future<List<FreeTimes.Weekly>> at(SqlClient client, String tenantId, long version) {
    Copy copy = copies.get(tenantId);
    if (copy != null && copy.version() == version) {
      return Future.succeededFuture(copy.hours());
    }
    // The version was read before the hours, and every change writes a version never used before: a copy whose
    // label is still the tenant's version has seen every change. A change in between, or an older copy replacing a
    // newer one, only leaves a label the next request reads again.
    return ScheduleRepository.hours(client, tenantId).map(hours -> {
      copies.put(tenantId, new Copy(version, hours));
      return hours;
    });
  }
}
