package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.robot.JobQueue;
import se.socialportal.robot.ProposalStore;
import se.socialportal.robot.TraceEntry;
import se.socialportal.robot.TraceRecorder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Submitted applications with beslutsförslag for the handläggare's queue in a demo installation, as the robot would
 * have left them: an ordinary re-application with a warning (Ylva, who can log in with the BankID simulator and read
 * the decision letter on Mina sidor), a stickprov with a need above the handläggare's delegation (Stig), a household
 * with skyddad folkbokföring (Signe), one waiting for manual review without a proposal (Maria), and one in the
 * neighbouring municipality (Gustav). The residents the e-tjänst's own demo uses for applying (Tolvan, Testa, Demo)
 * are left free. Test personal numbers (birth numbers 980–989) with valid check digits. Everything is written through
 * the code that owns each table, as the e-tjänst and the robot write it; a household that already holds the month is
 * left as it is, so a restart adds nothing.
 */
public final class DemoCasework {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

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

  /**
   * One case, through the owners of its tables: the person (identity), the application, its month and its history
   * (bistånd), and the robot's job, trace and proposal (robot). A household that already holds the month keeps it.
   */
  private static Future<Void> seedCase(SqlConnection tx, DemoCase demo, LocalDate month, Clock clock) {
    Instant now = clock.instant();
    Instant submitted = now.minus(Duration.ofDays(demo.daysAgo()));
    YearMonth yearMonth = YearMonth.from(month);
    return person(tx, demo).compose(personId -> ApplicationRepository.monthHolder(tx, demo.tenant(), personId,
      yearMonth).compose(held -> held.isPresent() ? Future.succeededFuture()
      : ApplicationRepository.insertDraft(tx, demo.tenant(), yearMonth, demo.kind(), personId, null, content(demo),
          null, submitted)
        .compose(draft -> ApplicationRepository.claimMonth(tx, demo.tenant(), personId, yearMonth, draft.id())
          .compose(claimed -> ApplicationRepository.markSubmitted(tx, draft, submitted))
          .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(draft, "submitted",
            ApplicationStatus.SUBMITTED, ApplicationEvent.Actor.resident(personId), new JsonObject()), submitted))
          .compose(v -> robot(tx, demo, draft.id(), submitted, now.plus(Duration.ofDays(7)))))));
  }

  /** The person, with protection raised (never lowered) to the demo's. */
  private static Future<UUID> person(SqlConnection tx, DemoCase demo) {
    PersonRepository persons = new PersonRepository(tx);
    PersonRepository.Protection protection = PersonRepository.Protection.of(demo.protection());
    return persons.upsertFromLogin(Personnummer.of(demo.personnummer()), demo.given(), demo.surname())
      .compose(person -> person.protection() == PersonRepository.Protection.NONE
        && protection != PersonRepository.Protection.NONE
        ? persons.setProtection(person.id(), protection).map(person.id()) : Future.succeededFuture(person.id()));
  }

  private static Future<Void> robot(SqlConnection tx, DemoCase demo, UUID applicationId, Instant submitted,
                                    Instant stickprovDue) {
    Instant done = submitted.plusSeconds(1);
    TraceRecorder trace = new TraceRecorder();
    trace.add(new TraceEntry("fetch_register_data", submitted, 48_000L, demo.manualReview() ? "manual" : "ok",
      new JsonObject().put("sources", new JsonArray().add("SSBTEK")), demo.manualReview()
        ? new JsonObject().put("reason", "Uppgifter från Försäkringskassan saknas") : demo.registerData()));
    Future<Long> job = demo.manualReview()
      ? JobQueue.recordParked(tx, demo.tenant(), applicationId, 1, submitted, done, "registers",
        "Registeruppgifterna kunde inte hämtas efter fem försök.")
      : JobQueue.recordHandled(tx, demo.tenant(), applicationId, 1, submitted, done);
    return job.compose(jobId -> trace.write(tx, demo.tenant(), jobId, applicationId))
      .compose(v -> demo.manualReview() ? Future.succeededFuture()
        : proposal(tx, demo, applicationId, done, stickprovDue));
  }

  private static Future<Void> proposal(SqlConnection tx, DemoCase demo, UUID applicationId, Instant proposed,
                                       Instant stickprovDue) {
    BigDecimal amount = amount(demo.lines());
    JsonObject ruleVersions = new JsonObject().put("riksnorm", "riksnorm-2026").put("caps", "demo-caps-2025.1")
      .put("incomeClassification", "income-classification-2025");
    String motivering = "Du har rätt till försörjningsstöd eftersom hushållets inkomster inte räcker till riksnormen och "
      + "skäliga kostnader för boende och hushållsel. Beräkningen visar vilka kostnader och inkomster vi räknat med.";
    ProposalStore.Proposal proposal = new ProposalStore.Proposal(id("proposal:" + applicationId), demo.tenant(),
      applicationId, 1, amount.signum() > 0 ? "bifall" : "avslag", amount, new JsonObject().put("lines", demo.lines()),
      ruleVersions, motivering, List.of("12 kap. 1 § socialtjänstlagen (2025:400)",
        "12 kap. 2–3 §§ socialtjänstförordningen (2025:468)"), demo.registerData(),
      new JsonObject().put("previousMonth", new JsonObject().put("amount", "7 000")), demo.stickprov(), false);
    List<ProposalStore.Warning> warnings = demo.warnings().stream()
      .map(warning -> new ProposalStore.Warning(warning[0], warning[1], new JsonObject())).toList();
    // The draw behind a STICKPROV warning, so the handläggare can record the check's result on it.
    Optional<ProposalStore.Draw> draw = demo.stickprov() ? Optional.of(new ProposalStore.Draw("demo-stickprov-2025.1",
      new BigDecimal("5"), new BigDecimal("2.5"), true, "dragen: 2.5 < 5 %",
      new JsonArray().add("bankStatements.applicant"),
      Optional.of("Skicka kontoutdrag för de senaste tre månaderna."), Optional.of(stickprovDue))) : Optional.empty();
    return ProposalStore.insert(tx, proposal, warnings, draw, proposed);
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
