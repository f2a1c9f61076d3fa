package se.socialportal.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.Services;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.identity.staff.StaffRepository;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The load bench's data set, written set-based in a few statements: in the demo municipality {@code residents}
 * households with 1–24 months of decided and paid history each (their application, history events and decision),
 * every fourth with this month's application open in the queue (a proposal, warnings on one in five, stickprov on one
 * in twenty); in the neighbouring municipality {@code bigQueue} households with an open case each (one in two hundred
 * protected, one in ten claimed). Every resident has a session, as has a handläggare in each municipality. Apart
 * from them, {@code submitters} more households in the demo municipality with the same history but no application this
 * month, each with a session and its CSRF token: the residents who start this month's application in the bench.
 */
final class LoadData {

  private static final String SMALL = "demo";
  private static final String BIG = "grannkommun";

  /** A logged-in resident and the cases they can open. */
  record Resident(Map<String, String> cookie, List<UUID> cases) {
    UUID caseId(SplittableRandom random) {
      return cases.get(random.nextInt(cases.size()));
    }
  }

  private final List<Resident> residents;
  private final List<Map<String, String>> submitters;
  private final YearMonth month;
  private final Map<String, String> smallQueueStaff;
  private final Map<String, String> bigQueueStaff;
  private final long applications;
  private final long smallQueue;
  private final long bigQueue;

  private LoadData(List<Resident> residents, List<Map<String, String>> submitters, YearMonth month,
                   Map<String, String> smallQueueStaff, Map<String, String> bigQueueStaff, long applications,
                   long smallQueue, long bigQueue) {
    this.residents = residents;
    this.submitters = submitters;
    this.month = month;
    this.smallQueueStaff = smallQueueStaff;
    this.bigQueueStaff = bigQueueStaff;
    this.applications = applications;
    this.smallQueue = smallQueue;
    this.bigQueue = bigQueue;
  }

  Resident resident(SplittableRandom random) {
    return residents.get(random.nextInt(residents.size()));
  }

  /** The Cookie and X-CSRF-Token headers of each resident without an application this month. */
  List<Map<String, String>> submitters() {
    return submitters;
  }

  YearMonth month() {
    return month;
  }

  Map<String, String> smallQueueStaff() {
    return smallQueueStaff;
  }

  Map<String, String> bigQueueStaff() {
    return bigQueueStaff;
  }

  long smallQueue() {
    return smallQueue;
  }

  long bigQueue() {
    return bigQueue;
  }

  String describe() {
    return String.format(java.util.Locale.ROOT, "%,d residents with sessions and %,d more without an application this "
      + "month, %,d applications; open cases: %,d in %s, %,d in %s", residents.size(), submitters.size(), applications,
      smallQueue, SMALL, bigQueue, BIG);
  }

  static LoadData create(Services services, int residentCount, int bigQueueCount, int submitterCount) {
    Pool pool = services.pool();
    YearMonth month = YearMonth.now(services.clock().withZone(ZoneId.of("Europe/Stockholm")));
    LocalDate thisMonth = month.atDay(1);
    StaffRepository staffRepository = new StaffRepository(pool);
    UUID smallStaff = staffRepository.recordLogin(SMALL, "bench-small", "Bench Handläggare", null,
      List.of("handlaggare"), services.clock().instant()).await();
    UUID bigStaff = staffRepository.recordLogin(BIG, "bench-big", "Bench Grannhandläggare", null,
      List.of("handlaggare"), services.clock().instant()).await();

    households(pool, SMALL, 0, residentCount, thisMonth, true, 4);
    households(pool, BIG, residentCount, bigQueueCount, thisMonth, false, 1);
    int firstSubmitter = residentCount + bigQueueCount;
    households(pool, SMALL, firstSubmitter, submitterCount, thisMonth, true, 0);
    Set<UUID> submitterIds = new HashSet<>();
    for (int i = firstSubmitter; i < firstSubmitter + submitterCount; i++) {
      submitterIds.add(applicantId(i));
    }
    around(pool, smallStaff, bigStaff);

    SessionStore sessions = services.identity().sessions().store();
    Map<UUID, List<UUID>> cases = new HashMap<>();
    for (Row row : pool.preparedQuery("SELECT applicant_id, array_agg(id) FROM application WHERE tenant_id = $1 "
      + "GROUP BY applicant_id").execute(Tuple.of(SMALL)).await()) {
      if (!submitterIds.contains(row.getUUID(0))) {
        cases.put(row.getUUID(0), List.of(row.getArrayOfUUIDs(1)));
      }
    }
    List<Resident> residents = new ArrayList<>();
    List<Map.Entry<UUID, List<UUID>>> people = new ArrayList<>(cases.entrySet());
    for (int from = 0; from < people.size(); from += 500) {
      List<Future<Resident>> chunk = new ArrayList<>();
      for (var person : people.subList(from, Math.min(people.size(), from + 500))) {
        chunk.add(sessions.createResident(pool, SMALL, person.getKey(), "Boende")
          .map(created -> new Resident(cookie(created.token()), person.getValue())));
      }
      residents.addAll(Future.all(chunk).await().list());
    }
    List<Map<String, String>> submitters = new ArrayList<>();
    List<UUID> submitting = new ArrayList<>(submitterIds);
    for (int from = 0; from < submitting.size(); from += 500) {
      List<Future<Map<String, String>>> chunk = new ArrayList<>();
      for (UUID person : submitting.subList(from, Math.min(submitting.size(), from + 500))) {
        chunk.add(sessions.createResident(pool, SMALL, person, "Boende").map(created -> Map.of(
          "Cookie", "sp_session=" + created.token(), "X-CSRF-Token", created.session().csrfToken())));
      }
      submitters.addAll(Future.all(chunk).await().list());
    }
    String smallToken = sessions.createStaff(SMALL, smallStaff, "Bench Handläggare", List.of("handlaggare")).await()
      .token();
    String bigToken = sessions.createStaff(BIG, bigStaff, "Bench Grannhandläggare", List.of("handlaggare")).await()
      .token();
    long applications = count(pool, "SELECT count(*) FROM application");
    long small = count(pool, "SELECT count(*) FROM application WHERE tenant_id = 'demo' AND status = 'submitted'");
    long big = count(pool, "SELECT count(*) FROM application WHERE tenant_id = 'grannkommun' AND status = 'submitted'");
    return new LoadData(residents, submitters, month, cookie(smallToken), cookie(bigToken), applications, small, big);
  }

  private static Map<String, String> cookie(String token) {
    return Map.of("Cookie", "sp_session=" + token);
  }

  private static UUID applicantId(int household) {
    return UUID.nameUUIDFromBytes(("load-a" + household).getBytes());
  }

  /**
   * {@code count} households from person number {@code first} on: persons (a sambo in three of ten), and their
   * applications — with history: 1–24 paid months; without: none. Every {@code openEvery}-th household (none for 0)
   * has this month's application open.
   */
  private static void households(Pool pool, String tenant, int first, int count, LocalDate thisMonth, boolean history,
                                 int openEvery) {
    for (int from = 0; from < count; from += 2_000) {
      int to = Math.min(count, from + 2_000);
      List<UUID> ids = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      List<String> protection = new ArrayList<>();
      List<UUID> applicants = new ArrayList<>();
      List<UUID> coApplicants = new ArrayList<>();
      List<String> contents = new ArrayList<>();
      List<Integer> months = new ArrayList<>();
      List<Boolean> open = new ArrayList<>();
      for (int i = first + from; i < first + to; i++) {
        SplittableRandom random = new SplittableRandom(i);
        UUID applicant = applicantId(i);
        ids.add(applicant);
        numbers.add(BenchHouseholds.personnummer(2 * i));
        protection.add(random.nextInt(200) == 0 ? "skyddad_folkbokforing" : "none");
        UUID co = null;
        if (BenchHouseholds.hasSambo(i)) {
          co = UUID.nameUUIDFromBytes(("load-c" + i).getBytes());
          ids.add(co);
          numbers.add(BenchHouseholds.personnummer(2 * i + 1));
          protection.add("none");
        }
        applicants.add(applicant);
        coApplicants.add(co);
        contents.add(BenchHouseholds.content(i).encode());
        months.add(history ? 1 + random.nextInt(24) : 0);
        open.add(openEvery > 0 && i % openEvery == 0);
      }
      pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO person (id, personnummer, given_name, surname, protection) "
          + "SELECT x.id, x.number, 'Person', 'Lastsson', x.protection FROM unnest($1::uuid[], $2::text[], $3::text[]) "
          + "AS x (id, number, protection)")
        .execute(Tuple.of(ids.toArray(UUID[]::new), numbers.toArray(String[]::new), protection.toArray(String[]::new)))
        .compose(v -> tx.preparedQuery("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, "
          + "co_applicant_id, content, submitted_at, created_at, updated_at) "
          + "SELECT $1, m.month, CASE WHEN g = x.months THEN 'new' ELSE 'reapplication' END, 'digital', "
          + "CASE WHEN g = 0 THEN 'submitted' ELSE 'paid' END, x.applicant, x.co, x.content::jsonb, "
          + "m.month - interval '5 days', m.month - interval '6 days', m.month + interval '10 days' "
          + "FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::boolean[]) AS x (applicant, co, content, "
          + "months, open) CROSS JOIN LATERAL generate_series(CASE WHEN x.open THEN 0 ELSE 1 END, x.months) AS g "
          + "CROSS JOIN LATERAL (SELECT ($2::date - make_interval(months => g))::date AS month) m")
          .execute(Tuple.of(tenant, thisMonth, applicants.toArray(UUID[]::new), coApplicants.toArray(UUID[]::new),
            contents.toArray(String[]::new), months.toArray(Integer[]::new)).addValue(open.toArray(Boolean[]::new))))
        .mapEmpty()).await();
    }
  }

  /** What surrounds the applications: history events, decisions, proposals, warnings, jobs and claims. */
  private static void around(Pool pool, UUID smallStaff, UUID bigStaff) {
    String staffOf = "CASE a.tenant_id WHEN 'demo' THEN '" + smallStaff + "'::uuid ELSE '" + bigStaff + "'::uuid END";
    List<String> statements = List.of(
      "INSERT INTO application_event (application_id, tenant_id, at, type, status, actor_kind, actor_person_id) "
        + "SELECT id, tenant_id, submitted_at, 'submitted', 'submitted', 'resident', applicant_id FROM application",
      "INSERT INTO application_event (application_id, tenant_id, at, type, status, actor_kind, actor_staff_id) "
        + "SELECT a.id, a.tenant_id, a.submitted_at + interval '3 days', 'decided', 'decided', 'staff', " + staffOf
        + " FROM application a WHERE a.status = 'paid'",
      "INSERT INTO decision (tenant_id, application_id, application_version, decision_set, type, outcome, amount, "
        + "delegation_amount, motivering, decided_by_kind, decided_by, decided_by_name, decided_by_title, "
        + "delegation_valid, decided_at) SELECT a.tenant_id, a.id, a.version, gen_random_uuid(), 'forsorjningsstod', "
        + "'bifall', 4000 + abs(hashtext(a.id::text)) % 8000, 4000 + abs(hashtext(a.id::text)) % 8000, "
        + "'Bifall enligt riksnormen.', 'staff', " + staffOf + ", 'Bench Handläggare', 'Handläggare', false, "
        + "a.submitted_at + interval '3 days' FROM application a WHERE a.status = 'paid'",
      "INSERT INTO beslutsforslag (tenant_id, application_id, application_version, outcome, amount, calculation, "
        + "rule_versions, motivering, stickprov) SELECT tenant_id, id, version, 'bifall', "
        + "1000 + abs(hashtext(id::text)) % 11000, '{\"lines\": [], \"totals\": {}}', '{}', 'Bifall enligt riksnormen.', "
        + "abs(hashtext(id::text)) % 20 = 0 FROM application WHERE status = 'submitted'",
      "INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message) SELECT tenant_id, id, "
        + "application_id, 'INCOME_CHANGE', 'Lön har ökat från 9 000 kr till 14 000 kr (+56 %)' FROM beslutsforslag "
        + "WHERE abs(hashtext(id::text)) % 5 = 0",
      "INSERT INTO robot_job (tenant_id, application_id, application_version, status, finished_at) "
        + "SELECT tenant_id, id, version, 'done', submitted_at FROM application WHERE status = 'submitted'",
      "INSERT INTO case_assignment (tenant_id, application_id, staff_id, kind, assigned_by) "
        + "SELECT a.tenant_id, a.id, " + staffOf + ", 'owner', " + staffOf + " FROM application a "
        + "WHERE a.status = 'submitted' AND abs(hashtext(a.id::text)) % 10 = 0",
      "ANALYZE");
    for (String sql : statements) {
      pool.query(sql).execute().await();
    }
  }

  private static long count(Pool pool, String sql) {
    return pool.query(sql).execute().await().iterator().next().getLong(0);
  }
}
