package se.socialportal.casework;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue is filtered, sorted and paged by PostgreSQL. These tests hold it to the queue as it was computed before —
 * every open case of the municipality read, then visibility, filters and order applied in Java ({@link JavaQueue},
 * kept here as the reference) — on a fixture of every kind of case: protected households with and without named
 * access, owners and ended assignments, both units, proposals for the current and an older version, decided
 * proposals, acknowledged and open warnings, stickprov, manual review, waiting for rules, other municipalities and
 * statuses outside casework; for three staff members, every filter combination, every order, read a page at a time.
 */
@DisplayName("The queue in SQL returns what the queue filtered in Java returned, a page at a time")
class QueueQueryTest {

  private static final String DEMO = "demo";
  private static final Duration DUE_AFTER = Duration.ofDays(5);

  private static Vertx vertx;
  private static Pool pool;
  private static QueueQuery queue;
  private static final TestClock CLOCK = TestClock.stopped(TestClock.START);
  private static Session handlaggare;
  private static Session gruppledare;
  private static Session neighbour;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
      .connectingTo(TestDatabase.fresh("queuequery").connectOptions()).using(vertx).build();
    sql("INSERT INTO tenant (id, name) VALUES ('demo', 'Demo kommun'), ('grannkommun', 'Grannkommun')");
    UUID anna = staff(DEMO, "anna", "Anna Handläggarsson", "handlaggare");
    UUID greta = staff(DEMO, "greta", "Greta Gruppledarsson", "gruppledare");
    UUID nils = staff("grannkommun", "nils", "Nils Grannsson", "handlaggare");
    handlaggare = session(DEMO, anna, "handlaggare");
    gruppledare = session(DEMO, greta, "gruppledare");
    neighbour = session("grannkommun", nils, "handlaggare");
    fixture(List.of(anna, greta), nils);
    queue = new QueueQuery(pool, CLOCK, DUE_AFTER);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("every staff member, filter and order: the same items in the same order, paged without gaps or overlaps")
  void sameAsJava() {
    int compared = 0;
    for (Session staff : List.of(handlaggare, gruppledare, neighbour)) {
      for (String owner : List.of("any", "me", "none")) {
        for (String unit : List.of("any", "mottagning", "ekonomiskt_bistand")) {
          for (int flags = 0; flags < 8; flags++) {
            for (String sort : List.of("due", "age", "amount", "warnings")) {
              Map<String, String> params = new HashMap<>(Map.of("owner", owner, "unit", unit, "sort", sort));
              if ((flags & 1) != 0) {
                params.put("stickprov", "true");
              }
              if ((flags & 2) != 0) {
                params.put("warnings", "true");
              }
              if ((flags & 4) != 0) {
                params.put("waitingForRules", "true");
              }
              List<JsonObject> expected = JavaQueue.list(staff, QueueQuery.Filter.of(params));
              // Small pages where the lists are long, so page boundaries fall everywhere; larger ones elsewhere.
              List<JsonObject> actual = pages(staff, params, flags == 0 ? 7 : 40);
              assertEquals(expected, actual, staff.roles() + " " + params);
              compared += expected.size();
            }
          }
        }
      }
    }
    assertTrue(compared > 5_000, "the fixture exercises the filters: " + compared + " items compared");
  }

  @Test
  @DisplayName("the fixture is not trivial: masked rows, protected rows with access, every filter non-empty")
  void fixtureCoversTheCases() {
    List<JsonObject> all = JavaQueue.list(gruppledare, QueueQuery.Filter.of(Map.of()));
    assertTrue(all.stream().anyMatch(item -> item.getBoolean("masked")));
    assertTrue(JavaQueue.list(handlaggare, QueueQuery.Filter.of(Map.of())).stream()
      .anyMatch(item -> item.getBoolean("protected") && !item.getBoolean("masked")));
    for (String filter : List.of("stickprov", "warnings", "waitingForRules")) {
      assertFalse(JavaQueue.list(handlaggare, QueueQuery.Filter.of(Map.of(filter, "true"))).isEmpty(), filter);
    }
    assertFalse(JavaQueue.list(handlaggare, QueueQuery.Filter.of(Map.of("owner", "me"))).isEmpty());
    assertTrue(all.stream().anyMatch(item -> item.getBoolean("manualReview")));
  }

  @Test
  @DisplayName("only the people on the page are logged, each with the staff member, case and request")
  void auditsThePage() {
    JsonObject page = queue.list(handlaggare, QueueQuery.Filter.of(Map.of("limit", "5", "offset", "3")), "req-page")
      .await();
    assertEquals(5, page.getInteger("count"));
    assertTrue(page.getBoolean("hasMore"));
    long adults = 0;
    for (Object item : page.getJsonArray("items")) {
      UUID id = UUID.fromString(((JsonObject) item).getString("applicationId"));
      long people = count("SELECT 1 + (co_applicant_id IS NOT NULL)::int FROM application WHERE id = $1", id);
      adults += people;
      assertEquals(people, count("SELECT count(*) FROM audit_event e JOIN application a ON a.id = e.case_id "
        + "AND (e.person_id = a.applicant_id OR e.person_id = a.co_applicant_id) WHERE e.request_id = 'req-page' "
        + "AND e.action = 'queue.read' AND e.actor_staff_id = $2 AND e.case_id = $1 AND e.tenant_id = 'demo'", id,
        handlaggare.staffMemberId()));
    }
    assertEquals(adults, count("SELECT count(*) FROM audit_event WHERE request_id = 'req-page'"));
  }

  @Test
  @DisplayName("a page size or offset out of range is refused, not clamped")
  void refusesBadPages() {
    for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "201"), Map.of("offset", "-1"),
      Map.of("offset", "x"), Map.of("offset", "10001"))) {
      ApiException refused = assertThrows(ApiException.class, () -> QueueQuery.Filter.of(bad), bad.toString());
      assertEquals(400, refused.status());
    }
  }

  /** Every page of the queue, {@code size} at a time, until the answer says there is no more. */
  private static List<JsonObject> pages(Session staff, Map<String, String> params, int size) {
    List<JsonObject> items = new ArrayList<>();
    for (int offset = 0; ; offset += size) {
      Map<String, String> page = new HashMap<>(params);
      page.put("offset", String.valueOf(offset));
      page.put("limit", String.valueOf(size));
      JsonObject answer = queue.list(staff, QueueQuery.Filter.of(page), "req").await();
      answer.getJsonArray("items").forEach(item -> items.add((JsonObject) item));
      assertEquals(answer.getJsonArray("items").size(), answer.getInteger("count"));
      if (!answer.getBoolean("hasMore")) {
        return items;
      }
      assertEquals(size, answer.getInteger("count"));
    }
  }

  /**
   * The queue as computed before: the whole municipality's open cases in one statement, visibility, filters and
   * order in Java. The reference the SQL version is held to.
   */
  private static final class JavaQueue {
    private static final String ALL = "SELECT " + CaseHeader.COLUMNS + ", bf.id AS proposal_id, bf.amount, "
      + "bf.outcome, bf.stickprov, (SELECT count(*) FROM case_warning w WHERE w.proposal_id = bf.id) AS warnings, "
      + "(SELECT count(*) FROM case_warning w WHERE w.proposal_id = bf.id AND w.acknowledged_at IS NULL) AS unacknowledged, "
      + "(SELECT s.name FROM case_assignment o JOIN staff_member s ON s.id = o.staff_id WHERE o.application_id = a.id "
      + "AND o.kind = 'owner' AND o.ended_at IS NULL) AS owner_name, "
      + "EXISTS (SELECT 1 FROM robot_job j WHERE j.application_id = a.id AND j.application_version = a.version "
      + "AND j.status = 'manual_review') AS manual_review, "
      + "EXISTS (SELECT 1 FROM case_assignment x WHERE x.application_id = a.id AND x.staff_id = $2 AND x.ended_at IS NULL) "
      + "AS assigned, w.kind AS rules_kind, w.month AS rules_month" + CaseHeader.FROM
      + "LEFT JOIN beslutsforslag bf ON bf.application_id = a.id AND bf.application_version = a.version "
      + "AND bf.status = 'awaiting_review' "
      + "LEFT JOIN robot_waiting_for_rules w ON w.application_id = a.id AND w.application_version = a.version "
      + "WHERE a.tenant_id = $1 AND a.status IN " + ApplicationStatus.sqlList(ApplicationStatus.IN_CASEWORK);

    static List<JsonObject> list(Session session, QueueQuery.Filter filter) {
      boolean distributor = CaseworkRoles.any(session, CaseworkRoles.DISTRIBUTORS);
      Instant now = CLOCK.instant();
      List<JsonObject> items = new ArrayList<>();
      for (Row row : pool.preparedQuery(ALL).execute(Tuple.of(session.tenantId(), session.staffMemberId()))
        .await()) {
        CaseHeader header = CaseHeader.of(row);
        boolean visible = !header.isProtected() || row.getBoolean("assigned");
        if (!visible && !distributor) {
          continue;
        }
        JsonObject item = queue.item(header, row, visible, now, session.staffMemberId());
        if (matches(filter, item)) {
          items.add(item);
        }
      }
      // The SQL breaks ties by id; so does the reference (the old order left them to the database).
      items.sort(Comparator.comparing(item -> item.getString("applicationId")));
      items.sort(order(filter.sort()));
      return items;
    }

    private static boolean matches(QueueQuery.Filter filter, JsonObject item) {
      if (filter.owner().equals("me") && !item.getBoolean("mine")) {
        return false;
      }
      if (filter.owner().equals("none") && item.getString("ownerId") != null) {
        return false;
      }
      if (!filter.unit().equals("any") && !filter.unit().equals(item.getString("unit"))) {
        return false;
      }
      if (filter.waitingForRulesOnly() && item.getJsonObject("waitingForRules") == null) {
        return false;
      }
      JsonObject proposal = item.getJsonObject("proposal");
      if (filter.stickprovOnly() && (proposal == null || !proposal.getBoolean("stickprov"))) {
        return false;
      }
      return !filter.warningsOnly() || item.getLong("warnings", 0L) > 0;
    }

    private static Comparator<JsonObject> order(String sort) {
      Comparator<JsonObject> byAge = Comparator.comparing(item -> item.getString("submittedAt"));
      switch (sort) {
        case "amount":
          return Comparator.<JsonObject, BigDecimal>comparing(item -> item.getJsonObject("proposal") == null
            ? BigDecimal.valueOf(-1) : new BigDecimal(item.getJsonObject("proposal").getString("amount")))
            .reversed().thenComparing(byAge);
        case "warnings":
          return Comparator.<JsonObject, Long>comparing(item -> item.getLong("unacknowledgedWarnings", 0L)).reversed()
            .thenComparing(byAge);
        case "age":
          return byAge;
        default:
          return Comparator.<JsonObject, String>comparing(item -> item.getString("dueDate")).thenComparing(byAge);
      }
    }
  }

  /**
   * 160 cases in the demo municipality and 20 in the neighbouring one, from a fixed seed: every kind the queue
   * distinguishes. Submission times are distinct (a minute apart, in shuffled order); amounts repeat, so ties in the
   * amount order fall back to submission time.
   */
  private static void fixture(List<UUID> demoStaff, UUID neighbourStaff) {
    SplittableRandom random = new SplittableRandom(18);
    List<Integer> minutes = new ArrayList<>();
    for (int i = 0; i < 180; i++) {
      minutes.add(i);
    }
    Collections.shuffle(minutes, new java.util.Random(11));
    String[] statuses = {"submitted", "submitted", "under_review", "komplettering_requested", "decided", "draft"};
    String[] kinds = {"new", "reapplication", "extra"};
    for (int i = 0; i < 180; i++) {
      boolean demo = i < 160;
      String tenant = demo ? DEMO : "grannkommun";
      List<UUID> staff = demo ? demoStaff : List.of(neighbourStaff);
      String protection = random.nextInt(6) == 0 ? "skyddad_folkbokforing" : random.nextInt(12) == 0
        ? "sekretessmarkering" : "none";
      UUID applicant = person("Sökande" + i, protection);
      UUID co = random.nextInt(3) == 0 ? person("Sambo" + i, random.nextInt(10) == 0 ? "skyddad_folkbokforing"
        : "none") : null;
      int version = random.nextInt(5) == 0 ? 2 : 1;
      OffsetDateTime submitted = OffsetDateTime.ofInstant(TestClock.START.minus(Duration.ofDays(12))
        .plus(Duration.ofMinutes(97L * minutes.get(i))), ZoneOffset.UTC);
      UUID application = one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, "
        + "co_applicant_id, version, content, submitted_at, created_at, updated_at) VALUES ($1, $2, $3, 'digital', $4, "
        + "$5, $6, $7, '{}'::jsonb, $8, $8, $8) RETURNING id", Tuple.of(tenant, LocalDate.of(2026, 4, 1),
        kinds[random.nextInt(3)], statuses[random.nextInt(statuses.length)], applicant, co).addValue(version)
        .addValue(submitted)).getUUID(0);
      int proposal = random.nextInt(10);
      if (proposal < 7) {
        // 0–5: a proposal for the current version awaiting review; 6: for the older version only.
        int proposalVersion = proposal == 6 ? version - 1 : version;
        if (proposalVersion >= 1) {
          UUID id = one("INSERT INTO beslutsforslag (tenant_id, application_id, application_version, outcome, amount, "
            + "calculation, rule_versions, motivering, stickprov, status) VALUES ($1, $2, $3, $4, $5, '{}', '{}', "
            + "'Motivering', $6, $7) RETURNING id", Tuple.of(tenant, application, proposalVersion,
            random.nextBoolean() ? "bifall" : "avslag", new BigDecimal(1000 * random.nextInt(8) + ".50"),
            random.nextInt(4) == 0).addValue(proposal == 5 ? "decided" : "awaiting_review")).getUUID(0);
          int warnings = random.nextInt(4);
          for (int w = 0; w < warnings; w++) {
            boolean acknowledged = random.nextBoolean();
            one("INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message, acknowledged_by, "
              + "acknowledged_at) VALUES ($1, $2, $3, 'INCOME_CHANGE', 'Varning', $4, $5) RETURNING id",
              Tuple.of(tenant, id, application, acknowledged ? staff.get(0) : null,
                acknowledged ? submitted : null));
          }
        }
      } else if (proposal == 7) {
        one("INSERT INTO robot_job (tenant_id, application_id, application_version, status, parked_at, last_error) "
          + "VALUES ($1, $2, $3, 'manual_review', $4, 'fel') RETURNING id", Tuple.of(tenant, application, version,
          submitted));
      } else if (proposal == 8) {
        one("INSERT INTO robot_job (tenant_id, application_id, application_version, status, waiting_for) "
          + "VALUES ($1, $2, $3, 'waiting_rules', $4) RETURNING id", Tuple.of(tenant, application, version,
          new JsonObject().put("kind", "riksnorm").put("month", "2027-01").put("tenant", tenant)));
      }
      int assignment = random.nextInt(8);
      UUID someone = staff.get(random.nextInt(staff.size()));
      if (assignment <= 2) {
        assign(tenant, application, someone, "owner", null);
      } else if (assignment == 3) {
        assign(tenant, application, someone, "owner", submitted);
      }
      if (random.nextInt(3) == 0) {
        assign(tenant, application, staff.get(0), "access", random.nextInt(4) == 0 ? submitted : null);
      }
    }
    sql("ANALYZE");
  }

  private static void assign(String tenant, UUID application, UUID staff, String kind, OffsetDateTime ended) {
    one("INSERT INTO case_assignment (tenant_id, application_id, staff_id, kind, assigned_by, ended_at, ended_by) "
      + "VALUES ($1, $2, $3, $4, $3, $5, $6) RETURNING id", Tuple.of(tenant, application, staff, kind, ended,
      ended == null ? null : staff));
  }

  private static UUID person(String given, String protection) {
    String nine = String.format("%09d", PERSONS.incrementAndGet());
    return one("INSERT INTO person (personnummer, given_name, surname, protection) VALUES ($1, $2, 'Kösson', $3) "
      + "RETURNING id", Tuple.of("19" + nine + "0", given, protection)).getUUID(0);
  }

  private static final java.util.concurrent.atomic.AtomicInteger PERSONS = new java.util.concurrent.atomic.AtomicInteger(
    500_101_000);

  private static UUID staff(String tenant, String subject, String name, String role) {
    return one("INSERT INTO staff_member (tenant_id, subject, name, roles, first_login_at, last_login_at) "
      + "VALUES ($1, $2, $3, $4, now(), now()) RETURNING id", Tuple.of(tenant, subject, name, new String[] {role}))
      .getUUID(0);
  }

  private static Session session(String tenant, UUID staff, String role) {
    return new Session(Session.Kind.STAFF, tenant, Optional.empty(), Optional.of(staff), role, List.of(role), "csrf",
      TestClock.START, TestClock.START.plus(Duration.ofHours(8)));
  }

  private static Row one(String sql, Tuple tuple) {
    return pool.preparedQuery(sql).execute(tuple).await().iterator().next();
  }

  private static long count(String sql, Object... args) {
    return one(sql, Tuple.from(args)).getLong(0);
  }

  private static void sql(String sql) {
    pool.query(sql).execute().await();
  }
}
