package se.socialportal.admin.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;

/**
 * Where residents give up in the e-tjänst: drafts nobody has touched for {@link #ABANDONED_AFTER}, counted by the form
 * step they were last saved on (the form saves its step with every draft: application.draft_step). Drafts older than
 * {@link #LOOK_BACK} are left out, so the figure follows the form as it is now.
 */
final class DraftFigures {

  static final Duration ABANDONED_AFTER = Duration.ofHours(24);
  static final Duration LOOK_BACK = Duration.ofDays(30);

  private static final String ABANDONED = "SELECT coalesce(draft_step, 'none') AS step, count(*) AS n "
    + "FROM application WHERE tenant_id = $1 AND status = 'draft' AND updated_at < $2 AND updated_at >= $3 "
    + "GROUP BY 1 ORDER BY 1";

  private DraftFigures() {
  }

  /** Abandoned drafts per step ("none": saved before the form named a step), and in all. */
  static Future<JsonObject> abandoned(SqlClient client, String tenant, Instant now) {
    return client.preparedQuery(ABANDONED).execute(Tuple.of(tenant, LiveFigures.at(now.minus(ABANDONED_AFTER)),
      LiveFigures.at(now.minus(LOOK_BACK)))).map(rows -> {
        JsonObject steps = new JsonObject();
        long total = 0;
        for (var row : rows) {
          steps.put(row.getString("step"), row.getLong("n"));
          total += row.getLong("n");
        }
        return new JsonObject().put("byStep", steps).put("total", total)
          .put("abandonedAfterHours", ABANDONED_AFTER.toHours());
      });
  }
}
