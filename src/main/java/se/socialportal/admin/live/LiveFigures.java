package se.socialportal.admin.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A municipality's throughput as the live dashboard shows it, one SQL query per figure group, each reading one
 * tenant's open or recent rows through an index (V140) so the whole set can be recomputed every second. The figures
 * read other rooms' tables by their documented columns (the status machine's codes, the robot's job states, the
 * payment room's {@code payment_state} view); nothing here writes.
 *
 * <p>Periods are the municipality's calendar (Europe/Stockholm): "today" and "this month" up to now; the robot's
 * figures cover the last {@value #ROBOT_WINDOW_MINUTES} minutes.
 */
public final class LiveFigures {

  static final int ROBOT_WINDOW_MINUTES = 30;
  /** Queues in the order the page lists them: the applications' open statuses, then the robot's. */
  static final List<String> QUEUES = List.of("awaiting_cosignature", "submitted", "under_review",
    "komplettering_requested", "robot_queued", "robot_working", "waiting_registers", "waiting_rules", "manual_review");
  static final List<String> CHANNELS = List.of("digital", "assisted", "paper");
  static final List<String> VERDICTS = List.of("unchanged", "adjusted", "rejected");
  static final List<String> PAYMENT_STATES = List.of("awaiting_attest", "attested", "exported", "paid", "failed",
    "manual", "cancelled");
  static final List<String> APPOINTMENT_STATES = List.of("held", "confirmed", "attended", "no_show");

  private static final String SUBMISSIONS = "SELECT channel, count(*) FILTER (WHERE submitted_at >= $2) AS today, "
    + "count(*) AS month FROM application WHERE tenant_id = $1 AND submitted_at >= $3 AND submitted_at < $4 "
    + "GROUP BY channel";

  // The robot's job states under the names the page gives them: 'waiting' is a job retried later because register
  // data is not complete yet (JobQueue), 'waiting_rules' one whose month no rules cover yet.
  private static final String QUEUE = "SELECT status AS queue, count(*) AS n, "
    + "min(coalesce(submitted_at, updated_at)) AS oldest FROM application WHERE tenant_id = $1 "
    + "AND status IN ('awaiting_cosignature', 'submitted', 'under_review', 'komplettering_requested') GROUP BY status "
    + "UNION ALL SELECT CASE status WHEN 'queued' THEN 'robot_queued' WHEN 'claimed' THEN 'robot_working' "
    + "WHEN 'waiting' THEN 'waiting_registers' ELSE status END, count(*), min(submitted_at) FROM robot_job "
    + "WHERE tenant_id = $1 AND status IN ('queued', 'claimed', 'waiting', 'waiting_rules', 'manual_review') "
    + "GROUP BY status";

  // Per minute of the window (0 = the minute up to now) and, in the grouping set's total row, the whole window.
  private static final String ROBOT = "SELECT floor(extract(epoch FROM $2 - finished_at) / 60)::int AS minutes_ago, "
    + "GROUPING(floor(extract(epoch FROM $2 - finished_at) / 60)::int) AS total, count(*) AS jobs, "
    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - submitted_at)::float8) AS median, "
    + "percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - submitted_at)::float8) AS p90 "
    + "FROM robot_job WHERE tenant_id = $1 AND finished_at > $3 AND finished_at <= $2 AND status = 'done' "
    + "GROUP BY GROUPING SETS ((floor(extract(epoch FROM $2 - finished_at) / 60)::int), ())";

  // How often review kept the robot's proposal: rejected when the decision and the proposal differ on avslag,
  // adjusted when the amount differs or a calculation line was changed, unchanged otherwise. Staff decisions only
  // (an automated decision is the proposal itself). Per warning type the proposal carried ('' for none), and '*'
  // for all.
  private static final String PROPOSALS = "WITH judged AS (SELECT b.id, CASE "
    + "WHEN (d.outcome = 'avslag') <> (b.outcome = 'avslag') THEN 'rejected' "
    + "WHEN d.amount <> b.amount OR EXISTS (SELECT 1 FROM calculation_adjustment c WHERE c.proposal_id = b.id "
    + "AND c.withdrawn_at IS NULL) THEN 'adjusted' ELSE 'unchanged' END AS verdict "
    + "FROM decision d JOIN beslutsforslag b ON b.id = d.proposal_id WHERE d.tenant_id = $1 "
    + "AND d.type = 'forsorjningsstod' AND d.decided_by_kind = 'staff' AND d.decided_at >= $2 AND d.decided_at < $3) "
    + "SELECT coalesce(w.type, '') AS warning, j.verdict, count(*) AS n FROM judged j "
    + "LEFT JOIN LATERAL (SELECT DISTINCT type FROM case_warning c WHERE c.proposal_id = j.id) w ON true "
    + "GROUP BY 1, 2 UNION ALL SELECT '*', verdict, count(*) FROM judged GROUP BY verdict";

  // inkommen → beslut (hours) and beslut → utbetald (days, the bank's booking date), by the delegation level the
  // first försörjningsstöd decision of the month rested on ('automated' for the robot's), and '*' for all.
  private static final String LEAD_TIMES = "WITH decided AS (SELECT DISTINCT ON (d.application_id) d.id, "
    + "CASE WHEN d.decided_by_kind = 'automated' THEN 'automated' ELSE coalesce(d.delegation_level, 'none') END "
    + "AS level, extract(epoch FROM d.decided_at - a.submitted_at)::float8 / 3600 AS hours, "
    + "(SELECT p.paid_on - (d.decided_at AT TIME ZONE 'Europe/Stockholm')::date FROM payment p "
    + "WHERE p.decision_id = d.id AND p.status = 'paid' ORDER BY p.paid_on LIMIT 1) AS days "
    + "FROM decision d JOIN application a ON a.id = d.application_id WHERE d.tenant_id = $1 "
    + "AND d.type = 'forsorjningsstod' AND d.decided_at >= $2 AND d.decided_at < $3 AND a.submitted_at IS NOT NULL "
    + "ORDER BY d.application_id, d.decided_at) "
    + "SELECT CASE WHEN GROUPING(level) = 1 THEN '*' ELSE level END AS level, count(*) AS decisions, "
    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS decide_median, "
    + "percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS decide_p90, count(days) AS paid, "
    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS pay_median, "
    + "percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS pay_p90 FROM decided GROUP BY GROUPING SETS ((level), ())";

  // Rounds of komplettering per application submitted this month (0, 1, 2, 3 or more), and the requests open now
  // (rounds = -1).
  private static final String KOMPLETTERING = "SELECT least(rounds, 3) AS rounds, count(*) AS n FROM ("
    + "SELECT a.id, count(k.id) AS rounds FROM application a LEFT JOIN komplettering_request k "
    + "ON k.application_id = a.id WHERE a.tenant_id = $1 AND a.submitted_at >= $2 AND a.submitted_at < $3 "
    + "GROUP BY a.id) x GROUP BY 1 "
    + "UNION ALL SELECT -1, count(*) FROM komplettering_request WHERE tenant_id = $1 AND status = 'open'";

  // Open payments as they are now; settled ones (paid, failed, manual, cancelled) this month. A payment bound to a
  // file (in_batch, sent) is exported.
  private static final String PAYMENTS = "SELECT CASE WHEN s.state IN ('in_batch', 'sent') THEN 'exported' "
    + "ELSE s.state END AS state, count(*) AS n, coalesce(sum(s.amount), 0) AS amount FROM payment_state s "
    + "WHERE s.tenant_id = $1 AND (s.status IN ('awaiting_attest', 'attested', 'in_batch') OR s.updated_at >= $2) "
    + "GROUP BY 1";

  // Familjerätt's meetings today by state, and the bookings made today.
  private static final String BOOKINGS = "SELECT 'meeting' AS kind, status, count(*) AS n FROM fr_appointment "
    + "WHERE tenant_id = $1 AND during && tstzrange($2, $3) "
    + "AND status IN ('held', 'confirmed', 'attended', 'no_show') GROUP BY status "
    + "UNION ALL SELECT 'booked', 'all', count(*) FROM fr_booking WHERE tenant_id = $1 AND created_at >= $2 "
    + "AND created_at < $3";

  private LiveFigures() {
  }

  /** Every figure group for one municipality at {@code now}; the groups run side by side on the client. */
  public static Future<JsonObject> all(SqlClient client, String tenant, Instant now) {
    Periods periods = Periods.at(now);
    Future<JsonObject> submissions = submissions(client, tenant, periods);
    Future<JsonObject> queue = queue(client, tenant, now);
    Future<JsonObject> robot = robot(client, tenant, now);
    Future<JsonObject> proposals = proposals(client, tenant, periods);
    Future<JsonArray> leadTimes = leadTimes(client, tenant, periods);
    Future<JsonObject> komplettering = komplettering(client, tenant, periods);
    Future<JsonObject> payments = payments(client, tenant, periods);
    Future<JsonObject> bookings = bookings(client, tenant, periods);
    Future<JsonObject> drafts = DraftFigures.abandoned(client, tenant, now);
    return Future.all(List.of(submissions, queue, robot, proposals, leadTimes, komplettering, payments, bookings,
      drafts)).map(done -> new JsonObject().put("tenant", tenant).put("at", now.toString())
      .put("today", periods.today().toString()).put("month", periods.month().toString())
      .put("submissions", submissions.result()).put("queue", queue.result()).put("robot", robot.result())
      .put("proposals", proposals.result()).put("leadTimes", leadTimes.result())
      .put("komplettering", komplettering.result()).put("payments", payments.result())
      .put("bookings", bookings.result()).put("drafts", drafts.result()));
  }

  /** Applications submitted today and this month, per channel (digital, assisted, paper). */
  static Future<JsonObject> submissions(SqlClient client, String tenant, Periods periods) {
    return client.preparedQuery(SUBMISSIONS).execute(Tuple.of(tenant, at(periods.dayStart()),
      at(periods.monthStart()), at(periods.dayEnd()))).map(rows -> {
        JsonObject figures = new JsonObject();
        CHANNELS.forEach(channel -> figures.put(channel, new JsonObject().put("today", 0L).put("month", 0L)));
        rows.forEach(row -> figures.put(row.getString("channel"), new JsonObject().put("today", row.getLong("today"))
          .put("month", row.getLong("month"))));
        return figures;
      });
  }

  /** How many wait in each queue, and how long the oldest has waited (seconds; absent for an empty queue). */
  static Future<JsonObject> queue(SqlClient client, String tenant, Instant now) {
    return client.preparedQuery(QUEUE).execute(Tuple.of(tenant)).map(rows -> {
      JsonObject figures = new JsonObject();
      QUEUES.forEach(queue -> figures.put(queue, new JsonObject().put("count", 0L)));
      rows.forEach(row -> figures.put(row.getString("queue"), new JsonObject().put("count", row.getLong("n"))
        .put("oldestSeconds", Duration.between(row.getOffsetDateTime("oldest").toInstant(), now).toSeconds())));
      return figures;
    });
  }

  /** Jobs finished per minute over the window (oldest minute first), the last minute's, and their latency. */
  static Future<JsonObject> robot(SqlClient client, String tenant, Instant now) {
    return client.preparedQuery(ROBOT).execute(Tuple.of(tenant, at(now),
      at(now.minus(Duration.ofMinutes(ROBOT_WINDOW_MINUTES))))).map(rows -> {
        long[] perMinute = new long[ROBOT_WINDOW_MINUTES];
        JsonObject latency = new JsonObject().put("jobs", 0L);
        for (Row row : rows) {
          if (row.getInteger("total") == 1) {
            latency.put("jobs", row.getLong("jobs")).put("medianSeconds", row.getDouble("median"))
              .put("p90Seconds", row.getDouble("p90"));
          } else {
            int minutesAgo = Math.min(row.getInteger("minutes_ago"), ROBOT_WINDOW_MINUTES - 1);
            perMinute[ROBOT_WINDOW_MINUTES - 1 - minutesAgo] += row.getLong("jobs");
          }
        }
        JsonArray series = new JsonArray();
        for (long jobs : perMinute) {
          series.add(jobs);
        }
        return new JsonObject().put("windowMinutes", ROBOT_WINDOW_MINUTES).put("perMinute", series)
          .put("lastMinute", perMinute[ROBOT_WINDOW_MINUTES - 1]).put("latency", latency);
      });
  }

  /** Review's verdicts on the robot's proposals decided this month: all, and per warning type ("none": none). */
  static Future<JsonObject> proposals(SqlClient client, String tenant, Periods periods) {
    return client.preparedQuery(PROPOSALS).execute(Tuple.of(tenant, at(periods.monthStart()), at(periods.dayEnd())))
      .map(rows -> {
        JsonObject all = verdicts();
        JsonObject byWarning = new JsonObject();
        for (Row row : rows) {
          String warning = row.getString("warning");
          JsonObject target = "*".equals(warning) ? all
            : byWarning.getJsonObject(warning.isEmpty() ? "none" : warning, null);
          if (target == null) {
            target = verdicts();
            byWarning.put(warning.isEmpty() ? "none" : warning, target);
          }
          target.put(row.getString("verdict"), row.getLong("n"));
        }
        return new JsonObject().put("all", all).put("byWarning", byWarning);
      });
  }

  /** Lead times of this month's decisions by delegation level ("*": all levels), median and 90th percentile. */
  static Future<JsonArray> leadTimes(SqlClient client, String tenant, Periods periods) {
    return client.preparedQuery(LEAD_TIMES).execute(Tuple.of(tenant, at(periods.monthStart()), at(periods.dayEnd())))
      .map(rows -> {
        JsonArray levels = new JsonArray();
        for (Row row : rows) {
          levels.add(new JsonObject().put("level", row.getString("level")).put("decisions", row.getLong("decisions"))
            .put("decisionMedianHours", row.getDouble("decide_median")).put("decisionP90Hours", row.getDouble("decide_p90"))
            .put("paid", row.getLong("paid")).put("paymentMedianDays", row.getDouble("pay_median"))
            .put("paymentP90Days", row.getDouble("pay_p90")));
        }
        // The total last, the levels by name.
        List<Object> sorted = levels.stream().sorted((a, b) -> key((JsonObject) a).compareTo(key((JsonObject) b)))
          .toList();
        return new JsonArray(new java.util.ArrayList<>(sorted));
      });
  }

  /** Applications submitted this month by rounds of komplettering ("3": three or more), and requests open now. */
  static Future<JsonObject> komplettering(SqlClient client, String tenant, Periods periods) {
    return client.preparedQuery(KOMPLETTERING).execute(Tuple.of(tenant, at(periods.monthStart()),
      at(periods.dayEnd()))).map(rows -> {
        JsonObject rounds = new JsonObject().put("0", 0L).put("1", 0L).put("2", 0L).put("3", 0L);
        long open = 0;
        for (Row row : rows) {
          if (row.getInteger("rounds") < 0) {
            open = row.getLong("n");
          } else {
            rounds.put(String.valueOf(row.getInteger("rounds")), row.getLong("n"));
          }
        }
        return new JsonObject().put("rounds", rounds).put("open", open);
      });
  }

  /** Payments by state: count and kronor. */
  static Future<JsonObject> payments(SqlClient client, String tenant, Periods periods) {
    return client.preparedQuery(PAYMENTS).execute(Tuple.of(tenant, at(periods.monthStart()))).map(rows -> {
      JsonObject figures = new JsonObject();
      PAYMENT_STATES.forEach(state -> figures.put(state, new JsonObject().put("count", 0L)
        .put("amount", BigDecimal.ZERO.setScale(2).toPlainString())));
      rows.forEach(row -> figures.put(row.getString("state"), new JsonObject().put("count", row.getLong("n"))
        .put("amount", row.getBigDecimal("amount").setScale(2).toPlainString())));
      return figures;
    });
  }

  /** Familjerätt's meetings today by state, and bookings made today. */
  static Future<JsonObject> bookings(SqlClient client, String tenant, Periods periods) {
    return client.preparedQuery(BOOKINGS).execute(Tuple.of(tenant, at(periods.dayStart()), at(periods.dayEnd())))
      .map(rows -> {
        JsonObject meetings = new JsonObject();
        APPOINTMENT_STATES.forEach(state -> meetings.put(state, 0L));
        long booked = 0;
        for (Row row : rows) {
          if ("booked".equals(row.getString("kind"))) {
            booked = row.getLong("n");
          } else {
            meetings.put(row.getString("status"), row.getLong("n"));
          }
        }
        return new JsonObject().put("meetingsToday", meetings).put("bookedToday", booked);
      });
  }

  private static JsonObject verdicts() {
    JsonObject verdicts = new JsonObject();
    VERDICTS.forEach(verdict -> verdicts.put(verdict, 0L));
    return verdicts;
  }

  private static String key(JsonObject level) {
    return ("*".equals(level.getString("level")) ? "~" : "") + level.getString("level");
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
