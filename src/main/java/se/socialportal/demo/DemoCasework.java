package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Submitted applications with beslutsförslag for the handläggare's queue in a demo installation, as the robot would
 * have left them: an ordinary re-application with a warning (Ylva, who can log in with the BankID simulator and read
 * the decision letter on Mina sidor), a stickprov with a need above the handläggare's delegation (Stig), a household
 * with skyddad folkbokföring (Signe), one waiting for manual review without a proposal (Maria), and one in the
 * neighbouring municipality (Gustav). The residents the e-tjänst's own demo uses for applying (Tolvan, Testa, Demo)
 * are left free. Test personal numbers (birth numbers 980–989) with valid check digits; ids are fixed and every
 * insert is ON CONFLICT DO NOTHING: a restart adds nothing.
 */
public final class DemoCasework {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String PERSON = "INSERT INTO person (personnummer, given_name, surname, protection) "
    + "VALUES ($1, $2, $3, $4) ON CONFLICT (personnummer) DO UPDATE SET protection = "
    + "CASE WHEN person.protection = 'none' THEN EXCLUDED.protection ELSE person.protection END RETURNING id";
  private static final String APPLICATION = "INSERT INTO application (id, tenant_id, month, kind, channel, status, "
    + "applicant_id, version, content, submitted_at, created_at, updated_at) "
    + "VALUES ($1, $2, $3, $4, 'digital', 'submitted', $5, 1, $6, $7, $7, $7) "
    + "ON CONFLICT (id) DO NOTHING RETURNING id";
  private static final String HOUSEHOLD = "INSERT INTO application_household_month (tenant_id, person_id, month, "
    + "application_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, at, type, status, "
    + "actor_kind, actor_person_id) VALUES ($1, $2, $3, 'submitted', 'submitted', 'resident', $4)";
  // A parked job carries when and why, as the robot itself would have written it (robot_job_parked, V42).
  private static final String JOB = "INSERT INTO robot_job (tenant_id, application_id, application_version, status, "
    + "attempts, submitted_at, available_at, finished_at, parked_at, failed_step, last_error) "
    + "VALUES ($1, $2, 1, $3, 1, $5, $5, "
    + "CASE WHEN $3 = 'manual_review' THEN NULL ELSE $4::timestamptz END, "
    + "CASE WHEN $3 = 'manual_review' THEN $4::timestamptz END, "
    + "CASE WHEN $3 = 'manual_review' THEN 'registers' END, "
    + "CASE WHEN $3 = 'manual_review' THEN 'Registeruppgifterna kunde inte hämtas efter fem försök.' END) RETURNING id";
  private static final String PROPOSAL = "INSERT INTO beslutsforslag (id, tenant_id, application_id, application_version, "
    + "outcome, amount, calculation, rule_versions, motivering, legal_basis, register_data, comparison, stickprov, "
    + "created_at) VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
  private static final String WARNING = "INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message, "
    + "details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
  private static final String STICKPROV_DRAW = "INSERT INTO stickprov_draw (application_id, tenant_id, "
    + "application_version, rule_version, percent, draw, sampled, reason, requested_items, request_message, due_at, "
    + "drawn_at) VALUES ($1, $2, 1, 'demo-stickprov-2025.1', 5, 2.5, true, 'dragen: 2.5 < 5 %', "
    + "'[\"bankStatements.applicant\"]'::jsonb, 'Skicka kontoutdrag för de senaste tre månaderna.', $3, $4)";
  private static final String TRACE = "INSERT INTO robot_trace_attempt (tenant_id, job_id, application_id, steps) "
    + "VALUES ($1, $2, $3, $4)";

  private DemoCasework() {
  }

  /** A demo case: who applies, for what, and what the robot proposed. */
  private record DemoCase(String key, String tenant, String personnummer, String given, String surname,
                          String protection, String kind, int daysAgo, JsonArray lines, List<String[]> warnings,
                          boolean stickprov, JsonObject registerData, boolean manualReview) {
  }

  public static Future<Void> seed(Pool pool, Clock clock) {
    LocalDate month = clock.instant().atZone(STOCKHOLM).toLocalDate().withDayOfMonth(1);
    List<DemoCase> cases = List.of(
      new DemoCase("ylva", DemoData.DEMO_TENANT, "200502289861", "Ylva", "Ungsson", "none", "reapplication", 2,
        lines(line("riksnorm", "single", "Personliga kostnader, ensamstående", 3940, null),
          line("riksnorm", "common", "Hushållsgemensamma kostnader, 1 person", 1280, null),
          line("cost", "rent", "Hyra", 6500, 6500), line("cost", "householdElectricity", "Hushållsel", 320, 320),
          line("cost", "homeInsurance", "Hemförsäkring", 150, 150),
          line("income", "salary", "Lön", 4200, 4200)),
        List.<String[]>of(new String[] {"INCOME_CHANGE", "Lön har ökat från 2 800 kr till 4 200 kr (+50 %)."}),
        false, new JsonObject().put("source", "SSBTEK (demo)").put("salary", 4200), false),
      new DemoCase("stig", DemoData.DEMO_TENANT, "198506129819", "Stig", "Stickprovsson", "none", "reapplication", 4,
        lines(line("riksnorm", "single", "Personliga kostnader, ensamstående", 3940, null),
          line("riksnorm", "common", "Hushållsgemensamma kostnader, 1 person", 1280, null),
          line("cost", "rent", "Hyra", 5900, 5900), line("income", "sicknessBenefit", "Sjukpenning", 2100, 2100),
          needLine("furniture", "Möbler efter flytt (säng, bord)", 12000)),
        List.<String[]>of(new String[] {"STICKPROV", "Ansökan har dragits i månadens stickprov: granska underlagen fullt ut."},
          new String[] {"NEW_EXPENSE", "Ny kostnad: möbler 12 000 kr (livsföring i övrigt)."}),
        true, new JsonObject().put("source", "SSBTEK (demo)").put("sicknessBenefit", 2100), false),
      new DemoCase("signe", DemoData.DEMO_TENANT, "198503159827", "Signe", "Skyddad", "skyddad_folkbokforing", "new", 1,
        lines(line("riksnorm", "single", "Personliga kostnader, ensamstående", 3940, null),
          line("riksnorm", "common", "Hushållsgemensamma kostnader, 1 person", 1280, null),
          line("cost", "rent", "Hyra", 7100, 7100)),
        List.<String[]>of(new String[] {"PROTECTED_IDENTITY", "Skyddade personuppgifter: ärendet handläggs manuellt."}),
        false, new JsonObject().put("source", "Folkbokföringen (demo)")
          .put("address", new JsonObject().put("street", "Hemliga vägen 1").put("postalCode", "99999")), false),
      new DemoCase("maria", DemoData.DEMO_TENANT, "197703039821", "Maria", "Manuellsson", "none", "new", 6,
        null, List.of(), false, new JsonObject(), true),
      new DemoCase("gustav", DemoData.NEIGHBOUR_TENANT, "196909159839", "Gustav", "Grannsson", "none", "new", 3,
        lines(line("riksnorm", "single", "Personliga kostnader, ensamstående", 3940, null),
          line("riksnorm", "common", "Hushållsgemensamma kostnader, 1 person", 1280, null),
          line("cost", "rent", "Hyra", 4800, 4800), line("income", "studentAid", "Studiemedel", 3000, 3000)),
        List.of(), false, new JsonObject(), false));
    Future<Void> chain = Future.succeededFuture();
    for (DemoCase demo : cases) {
      chain = chain.compose(v -> pool.withTransaction(tx -> seedCase(tx, demo, month, clock)));
    }
    return chain;
  }

  private static Future<Void> seedCase(SqlClient tx, DemoCase demo, LocalDate month, Clock clock) {
    UUID applicationId = id("application:" + demo.key() + ":" + month);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    OffsetDateTime submitted = now.minusDays(demo.daysAgo());
    return tx.preparedQuery(PERSON).execute(Tuple.of(demo.personnummer(), demo.given(), demo.surname(), demo.protection()))
      .map(rows -> rows.iterator().next().getUUID("id"))
      .compose(personId -> tx.preparedQuery(APPLICATION).execute(Tuple.of(applicationId, demo.tenant(), month, demo.kind(),
          personId, content(demo), submitted))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
          : tx.preparedQuery(HOUSEHOLD).execute(Tuple.of(demo.tenant(), personId, month, applicationId))
            .compose(v -> tx.preparedQuery(EVENT).execute(Tuple.of(applicationId, demo.tenant(), submitted, personId)))
            .compose(v -> robot(tx, demo, applicationId, submitted, now.plusDays(7)))));
  }

  private static Future<Void> robot(SqlClient tx, DemoCase demo, UUID applicationId, OffsetDateTime submitted,
                                    OffsetDateTime stickprovDue) {
    OffsetDateTime done = submitted.plusSeconds(1);
    return tx.preparedQuery(JOB).execute(Tuple.of(demo.tenant(), applicationId,
        demo.manualReview() ? "manual_review" : "done", done, submitted))
      .map(rows -> rows.iterator().next().getLong("id"))
      .compose(jobId -> tx.preparedQuery(TRACE).execute(Tuple.of(demo.tenant(), jobId, applicationId, new JsonArray()
            .add(new JsonObject().put("step", "fetch_register_data").put("started_at", submitted.toString())
              .put("duration_micros", 48_000L).put("outcome", demo.manualReview() ? "manual" : "ok")
              .put("input_summary", new JsonObject().put("sources", new JsonArray().add("SSBTEK")))
              .put("output", demo.manualReview()
                ? new JsonObject().put("reason", "Uppgifter från Försäkringskassan saknas") : demo.registerData()))))
        .compose(v -> demo.manualReview() ? Future.succeededFuture()
          : proposal(tx, demo, applicationId, done, stickprovDue)));
  }

  private static Future<Void> proposal(SqlClient tx, DemoCase demo, UUID applicationId, OffsetDateTime proposed,
                                       OffsetDateTime stickprovDue) {
    UUID proposalId = id("proposal:" + applicationId);
    BigDecimal amount = amount(demo.lines());
    String outcome = amount.signum() > 0 ? "bifall" : "avslag";
    JsonObject ruleVersions = new JsonObject().put("riksnorm", "riksnorm-2026").put("caps", "demo-caps-2025.1")
      .put("incomeClassification", "income-classification-2025");
    String motivering = "Du har rätt till försörjningsstöd eftersom hushållets inkomster inte räcker till riksnormen och "
      + "skäliga kostnader för boende och hushållsel. Beräkningen visar vilka kostnader och inkomster vi räknat med.";
    JsonArray basis = new JsonArray().add("12 kap. 1 § socialtjänstlagen (2025:400)")
      .add("12 kap. 2–3 §§ socialtjänstförordningen (2025:468)");
    Tuple tuple = Tuple.of(proposalId, demo.tenant(), applicationId, outcome, amount,
        new JsonObject().put("lines", demo.lines()), ruleVersions, motivering, basis, demo.registerData(),
        new JsonObject().put("previousMonth", new JsonObject().put("amount", "7 000")))
      .addValue(demo.stickprov()).addValue(proposed);
    Future<Void> chain = tx.preparedQuery(PROPOSAL).execute(tuple).mapEmpty();
    for (String[] warning : demo.warnings()) {
      chain = chain.compose(v -> tx.preparedQuery(WARNING).execute(Tuple.of(demo.tenant(), proposalId, applicationId,
        warning[0], warning[1], new JsonObject(), proposed)).mapEmpty());
    }
    if (demo.stickprov()) {
      // The draw behind the STICKPROV warning, so the handläggare can record the check's result on it.
      chain = chain.compose(v -> tx.preparedQuery(STICKPROV_DRAW).execute(Tuple.of(applicationId, demo.tenant(),
        stickprovDue, proposed)).mapEmpty());
    }
    return chain;
  }

  private static BigDecimal amount(JsonArray lines) {
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      BigDecimal value = new BigDecimal(line.getValue("amount").toString());
      switch (line.getString("section")) {
        case "income":
          total = total.subtract(value);
          break;
        case "need":
          break;
        default:
          total = total.add(value);
      }
    }
    return total.max(BigDecimal.ZERO);
  }

  private static JsonObject content(DemoCase demo) {
    JsonObject content = new JsonObject()
      .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate",
          demo.personnummer().substring(0, 4) + "-" + demo.personnummer().substring(4, 6) + "-" + demo.personnummer().substring(6, 8)))
        .put("children", new JsonArray()).put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "rental").put("rent", 6000).put("householdElectricity", 300))
      .put("incomes", new JsonArray()).put("costs", new JsonObject()).put("assets", new JsonArray())
      .put("needs", new JsonArray()).put("declaration", true);
    return content;
  }

  private static JsonArray lines(JsonObject... lines) {
    JsonArray array = new JsonArray();
    for (JsonObject line : lines) {
      array.add(line);
    }
    return array;
  }

  private static JsonObject line(String section, String subject, String label, int amount, Integer entered) {
    return new JsonObject().put("section", section).put("subject", subject).put("label", label).put("amount", amount)
      .put("entered", entered);
  }

  private static JsonObject needLine(String subject, String label, int amount) {
    return line("need", subject, label, amount, amount).put("decisionType", "livsforing_ovrigt");
  }

  /** Stable ids, so a restart finds what it seeded before. */
  static UUID id(String name) {
    return UUID.nameUUIDFromBytes(("socialportalen-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }
}
