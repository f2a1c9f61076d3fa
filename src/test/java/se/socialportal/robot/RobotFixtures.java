package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static se.socialportal.testing.Futures.await;

/**
 * Applications and robot jobs written the way the e-tjänst writes them: the application row, the household-month rows
 * and the job in one transaction through {@link RobotJobs#enqueue}, submitted at the test's clock's time.
 */
public final class RobotFixtures {

  static final String TENANT = "demo";
  // The demo's test identities (bankid.simulator.TestIdentities); the register simulator knows them.
  static final String TOLVAN = "191212121212";
  static final String TESTA = "198001019804";
  static final String SIGNE = "198503159827";
  static final String DEMO = "199207049843";
  static final String YLVA = "200502289861";

  private final Pool pool;
  private final Clock clock;

  public RobotFixtures(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  void tenant() {
    await(pool.query("INSERT INTO tenant (id, name) VALUES ('demo', 'Demo kommun') ON CONFLICT DO NOTHING").execute());
  }

  UUID person(String personnummer) {
    return await(new PersonRepository(pool).ensure(Personnummer.of(personnummer))).id();
  }

  /** A person with a fresh, valid fictitious personnummer (test series 980–989), e.g. for many households. */
  public UUID syntheticPerson(int n) {
    String base = String.format("19%02d%02d%02d98%01d", 50 + n % 40, 1 + n % 12, 1 + n % 28, n % 10);
    String nine = base.substring(2, 11);
    return person(base + Personnummer.checkDigit(nine));
  }

  void protect(UUID person, PersonRepository.Protection protection) {
    await(new PersonRepository(pool).setProtection(person, protection));
  }

  /** Submits an application (status submitted) and queues its job; returns the application id. */
  public UUID submit(UUID applicant, Optional<UUID> coApplicant, YearMonth month, String kind, String channel,
              JsonObject content) {
    return submit(UUID.randomUUID(), applicant, coApplicant, month, kind, channel, content);
  }

  UUID submit(UUID id, UUID applicant, Optional<UUID> coApplicant, YearMonth month, String kind, String channel,
              JsonObject content) {
    String staff = channel.equals("digital") ? null : staffMember();
    Instant now = clock.instant();
    return await(pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO application (id, tenant_id, month, kind, "
          + "channel, status, applicant_id, co_applicant_id, content, registered_by_staff, submitted_at, created_at, "
          + "updated_at) VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $9, $10, $10, $10)")
        .execute(Tuple.of(id, TENANT, month.atDay(1), kind, channel, applicant)
          .addValue(coApplicant.orElse(null)).addValue(content).addValue(staff == null ? null : UUID.fromString(staff))
          .addValue(JobQueue.time(now)))
      .compose(v -> RobotJobs.enqueue(tx, TENANT, id, 1, now))
      .map(id)));
  }

  /** Many digital applications (one applicant each) submitted in one transaction: their NOTIFYs arrive together. */
  List<UUID> submitTogether(List<UUID> applicants, YearMonth month, JsonObject content) {
    List<UUID> ids = new java.util.ArrayList<>();
    Instant now = clock.instant();
    return await(pool.withTransaction(tx -> {
      Future<Void> chain = Future.succeededFuture();
      for (UUID applicant : applicants) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        chain = chain.compose(v -> tx.preparedQuery("INSERT INTO application (id, tenant_id, month, kind, channel, "
            + "status, applicant_id, content, submitted_at, created_at, updated_at) VALUES ($1, $2, $3, 'new', "
            + "'digital', 'submitted', $4, $5, $6, $6, $6)")
            .execute(Tuple.of(id, TENANT, month.atDay(1), applicant, content, JobQueue.time(now)))
          .compose(inserted -> RobotJobs.enqueue(tx, TENANT, id, 1, now)));
      }
      return chain.map(ids);
    }));
  }

  private String staffMember() {
    return await(pool.query("INSERT INTO staff_member (tenant_id, subject, name, roles) VALUES ('demo', "
      + "gen_random_uuid()::text, 'Registrator', '{handlaggare}') RETURNING id").execute())
      .iterator().next().getUUID(0).toString();
  }

  /** A single adult, rent and electricity, one income. */
  public static JsonObject single(String birthDate, long rent, String incomeType, long income) {
    JsonObject content = base(birthDate, rent);
    if (income > 0) {
      content.getJsonArray("incomes").add(income("applicant", incomeType, income));
    }
    return content;
  }

  static JsonObject base(String birthDate, long rent) {
    return new JsonObject()
      .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate", birthDate))
        .put("children", new JsonArray()).put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "rental").put("rent", rent).put("householdElectricity", 300))
      .put("incomes", new JsonArray()).put("costs", new JsonObject().put("homeInsurance", 150))
      .put("assets", new JsonArray()).put("needs", new JsonArray()).put("declaration", true);
  }

  static JsonObject income(String person, String type, long amount) {
    return new JsonObject().put("person", person).put("type", type).put("amount", amount);
  }

  static JsonObject child(String name, String birthDate, String livesHere) {
    return new JsonObject().put("firstName", name).put("birthDate", birthDate).put("livesHere", livesHere);
  }

  /**
   * The worked example's household (docs/sources.md#worked-example): a single parent working part time, a child of 5 at
   * förskola and a child of 12; rent 8 200, el 450, hemförsäkring 180, arbetsresor 930, fack + a-kassa 420, förskola
   * 620; salary 9 000, barnbidrag 2 650, underhållsstöd 2 600, bostadsbidrag 2 100.
   */
  static JsonObject workedExample() {
    JsonObject content = new JsonObject()
      .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate", "1992-07-04"))
        .put("children", new JsonArray()
          .add(child("Alva", "2020-03-01", "full").put("lunchOutsideHome", true))
          .add(child("Bo", "2013-02-01", "full")))
        .put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "rental").put("rent", 8200).put("householdElectricity", 450))
      .put("incomes", new JsonArray()
        .add(income("applicant", "salary", 9000))
        .add(income("applicant", "childAllowance", 2650))
        .add(income("applicant", "maintenanceSupport", 2600))
        .add(income("applicant", "housingAllowance", 2100)))
      .put("costs", new JsonObject().put("homeInsurance", 180).put("workTravel", 930)
        .put("unionAndUnemploymentFund", 420).put("childcare", 620))
      .put("assets", new JsonArray()).put("needs", new JsonArray()).put("declaration", true);
    return content;
  }

  public long count(String sql, Object... params) {
    return await(pool.preparedQuery(sql).execute(Tuple.from(params))).iterator().next().getLong(0);
  }

  JsonObject job(UUID applicationId) {
    var row = await(pool.preparedQuery("SELECT status, attempts, failures, last_error, failed_step FROM robot_job "
      + "WHERE application_id = $1").execute(Tuple.of(applicationId))).iterator().next();
    return row.toJson();
  }
}
