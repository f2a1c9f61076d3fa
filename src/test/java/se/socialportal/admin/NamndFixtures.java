package se.socialportal.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.Personnummer;
import se.socialportal.platform.db.DatabaseSettings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Records as their owners write them, inserted directly so every figure of a report can be computed by hand: persons,
 * applications (month, channel, household), decisions (type, outcome, amount, reason, when) and executed payments.
 */
public final class NamndFixtures {

  public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  public final Pool pool;
  private final UUID staff;

  public NamndFixtures(Vertx vertx, DatabaseSettings database) {
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database.connectOptions())
      .using(vertx).build();
    for (String tenant : new String[] {"demo", "grannkommun"}) {
      rows("INSERT INTO tenant (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING", Tuple.of(tenant,
        tenant.equals("demo") ? "Demo kommun" : "Grannkommunen"));
    }
    this.staff = one("INSERT INTO staff_member (tenant_id, subject, name, roles) VALUES ('demo', 'fixture', "
      + "'Registrerande Handläggare', ARRAY['handlaggare']) RETURNING id", Tuple.tuple()).getUUID(0);
  }

  /** A valid personnummer: birth date, three digits (the last of them the gender digit), the check digit. */
  public static String personnummer(String yyyymmdd, String three) {
    String nine = yyyymmdd.substring(2) + three;
    return yyyymmdd + three + Personnummer.checkDigit(nine);
  }

  public UUID person(String personnummer) {
    return one("INSERT INTO person (personnummer) VALUES ($1) RETURNING id", Tuple.of(personnummer)).getUUID(0);
  }

  /** A submitted application; {@code children} as livesHere values (full, partTime, placed). */
  public UUID application(String tenant, YearMonth month, String kind, String channel, String status, UUID applicant,
                          UUID coApplicant, boolean submitted, String... children) {
    JsonArray kids = new JsonArray();
    for (String lives : children) {
      kids.add(new JsonObject().put("firstName", "Barn").put("birthDate", "2018-05-05").put("livesHere", lives));
    }
    JsonObject household = new JsonObject().put("applicant", new JsonObject().put("birthDate", "1985-01-01"))
      .put("children", kids).put("otherAdults", new JsonArray())
      .put("coApplicant", coApplicant == null ? null : new JsonObject().put("relation", "sambo")
        .put("birthDate", "1986-02-02"));
    OffsetDateTime at = month.atDay(1).minusDays(5).atStartOfDay(STOCKHOLM).toOffsetDateTime();
    return one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, co_applicant_id, "
      + "content, registered_by_staff, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      Tuple.of(tenant, month.atDay(1), kind, channel, status, applicant).addValue(coApplicant)
        .addValue(new JsonObject().put("household", household)).addValue("digital".equals(channel) ? null : staff)
        .addValue(submitted ? at : null)).getUUID(0);
  }

  /** A decision as casework records it, with a valid delegation (so it can be paid). */
  public UUID decision(String tenant, UUID application, String type, String outcome, String amount, String reason,
                       Instant decidedAt) {
    return one("INSERT INTO decision (tenant_id, application_id, application_version, decision_set, type, outcome, "
      + "amount, delegation_amount, motivering, reason_code, decided_by_kind, decided_by_name, decided_by_title, "
      + "delegation_valid, delegation_version, delegation_row, delegation_source, delegation_level, decided_at) "
      + "VALUES ($1, $2, 1, gen_random_uuid(), $3, $4, $5, $5, 'Motivering.', $6, 'automated', 'Roboten', "
      + "'Automatiserat beslut', true, 'v1', 'rad', 'källa', 'automation', $7) RETURNING id",
      Tuple.of(tenant, application, type, outcome, new BigDecimal(amount), reason,
        OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC))).getUUID(0);
  }

  /** A payout recorded as made (manual: the payment room's other way to pay), on {@code paidOn}. */
  public void paid(String tenant, UUID application, UUID decision, UUID payee, String type, String amount,
                   LocalDate paidOn) {
    OffsetDateTime at = paidOn.atTime(12, 0).atZone(STOCKHOLM).toOffsetDateTime();
    rows("INSERT INTO payment (id, tenant_id, application_id, decision_id, decision_type, payee_id, amount, "
      + "planned_date, execution_date, debtor_account_id, remittance, status, paid_on, manual_method, manual_at, "
      + "created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $7, 'bank', "
      + "'Försörjningsstöd', 'manual', $7, 'kontant', $8, $8, $8)", Tuple.of(tenant, application, decision, type,
      payee, new BigDecimal(amount)).addValue(paidOn).addValue(at));
  }

  /** An instant as a Stockholm wall-clock time. */
  public static Instant at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
  }

  public RowSet<Row> rows(String sql, Tuple args) {
    return await(pool.preparedQuery(sql).execute(args));
  }

  public Row one(String sql, Tuple args) {
    return rows(sql, args).iterator().next();
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
