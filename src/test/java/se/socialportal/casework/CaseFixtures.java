package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import se.socialportal.testing.Futures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submitted applications with a robot proposal, written straight into the test database (the robot is another
 * room): the rows are exactly what the robot's output contract (V41) and the application tables hold, stamped with
 * the server's clock (submitted and proposed "now").
 */
public final class CaseFixtures {

  private static final AtomicInteger NUMBERS = new AtomicInteger(9800);

  private final Pool pool;
  private final Clock clock;

  public CaseFixtures(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Now by the server's clock, as a timestamptz parameter. */
  public OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  public record Case(UUID applicationId, UUID proposalId, UUID personId, List<UUID> warningIds) {
  }

  /** Riksnorm 5 220 + rent 6 500 − salary 4 200 = 7 520 kr, plus need lines of the given amounts (livsföring i övrigt). */
  public Case submitted(String tenant, String given, String surname, String protection, List<String> warnings,
                        int... needs) {
    JsonArray lines = new JsonArray()
      .add(line("riksnorm", "single", "Personliga kostnader, ensamstående", 3940))
      .add(line("riksnorm", "common", "Hushållsgemensamma kostnader, 1 person", 1280))
      .add(line("cost", "rent", "Hyra", 6500).put("entered", 6500))
      .add(line("income", "salary", "Lön", 4200).put("entered", 4200));
    for (int need : needs) {
      lines.add(line("need", "other", "Tandvård", need).put("entered", need).put("decisionType", "livsforing_ovrigt"));
    }
    return submitted(tenant, given, surname, protection, warnings, lines, new JsonObject());
  }

  Case submitted(String tenant, String given, String surname, String protection, List<String> warnings,
                 JsonArray lines, JsonObject registerData) {
    String personnummer = "19900101" + NUMBERS.incrementAndGet();
    UUID person = one("INSERT INTO person (personnummer, given_name, surname, protection) VALUES ($1, $2, $3, $4) "
      + "RETURNING id", Tuple.of(personnummer, given, surname, protection)).getUUID("id");
    LocalDate month = LocalDate.of(2026, 3, 1);
    OffsetDateTime now = now();
    UUID application = one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, content, "
      + "submitted_at, created_at, updated_at) VALUES ($1, $2, 'reapplication', 'digital', 'submitted', $3, $4, $5, $5, "
      + "$5) RETURNING id", Tuple.of(tenant, month, person, new JsonObject().put("declaration", true)
        .put("housing", new JsonObject().put("type", "rental")), now)).getUUID("id");
    UUID proposal = one("INSERT INTO beslutsforslag (tenant_id, application_id, application_version, outcome, amount, "
      + "calculation, rule_versions, motivering, legal_basis, register_data, created_at) VALUES ($1, $2, 1, 'bifall', "
      + "7520, $3, $4, $5, $6, $7, $8) RETURNING id", Tuple.of(tenant, application, new JsonObject().put("lines", lines),
      new JsonObject().put("riksnorm", "riksnorm-2026"),
      "Du har rätt till försörjningsstöd eftersom dina inkomster inte räcker till riksnormen och hyran.",
      new JsonArray().add("12 kap. 1 § socialtjänstlagen (2025:400)")).addValue(registerData).addValue(now))
      .getUUID("id");
    List<UUID> warningIds = new ArrayList<>();
    for (String type : warnings) {
      warningIds.add(one("INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message, created_at) "
        + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", Tuple.of(tenant, proposal, application, type,
        "Varning " + type, now)).getUUID("id"));
    }
    return new Case(application, proposal, person, warningIds);
  }

  static JsonObject line(String section, String subject, String label, int amount) {
    return new JsonObject().put("section", section).put("subject", subject).put("label", label).put("amount", amount);
  }

  public Row one(String sql, Tuple tuple) {
    return rows(sql, tuple).iterator().next();
  }

  public RowSet<Row> rows(String sql, Tuple tuple) {
    return Futures.await(pool.preparedQuery(sql).execute(tuple));
  }

  public long count(String sql, Object... args) {
    return one(sql, Tuple.from(args)).getLong(0);
  }

  static BigDecimal kr(int amount) {
    return BigDecimal.valueOf(amount);
  }
}
