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
import se.socialportal.identity.staff.StaffRepository;
import se.socialportal.robot.Comparison;
import se.socialportal.robot.Content;
import se.socialportal.robot.JobQueue;
import se.socialportal.robot.Labels;
import se.socialportal.robot.ProposalStore;
import se.socialportal.robot.TraceEntry;
import se.socialportal.robot.TraceRecorder;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterPayment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Submitted applications with beslutsförslag for the handläggare's queue in a demo installation, as the robot would
 * have left them: a first application whose declared salary differs from Skatteverket's (Ylva, who can log in with
 * the BankID simulator and read the decision letter on Mina sidor), a stickprov with a need above the handläggare's delegation (Stig), a household
 * with skyddad folkbokföring (Signe), one waiting for manual review without a proposal (Maria), and one in the
 * neighbouring municipality (Gustav), and a paper application registered by a handläggare whose decision letter goes
 * by post, through the print queue (Pelle). The residents the e-tjänst's own demo uses for applying (Tolvan, Testa, Demo)
 * are left free. Test personal numbers (birth numbers 980–989) with valid check digits. Everything is written through
 * the code that owns each table, as the e-tjänst and the robot write it; a household that already holds the month is
 * left as it is, so a restart adds nothing.
 */
public final class DemoCasework {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /** The paper application, registered by the first demo handläggare: its decision letter goes to the print queue. */
  private static final String PAPER = "pelle";

  private DemoCasework() {
  }

  /**
   * A demo case: who applies, what the application says, and what the robot made of it. The proposal's cost, income
   * and need lines are derived from the content (lines()), never written beside it, so the application and the
   * calculation tell one story. Register data is in the robot's own shape (RegisterAnswer).
   */
  private record DemoCase(String key, String tenant, String personnummer, String given, String surname,
                          String protection, String kind, int daysAgo, JsonObject content, List<String[]> warnings,
                          JsonObject warningDetails, boolean stickprov, List<AgencyAnswer> registers,
                          boolean manualReview) {
  }

  public static Future<Void> seed(Pool pool, Clock clock) {
    LocalDate month = clock.instant().atZone(STOCKHOLM).toLocalDate().withDayOfMonth(1);
    List<DemoCase> cases = List.of(
      new DemoCase("ylva", DemoData.DEMO_TENANT, "200502289861", "Ylva", "Ungsson", "none", "new", 2,
        content("200502289861", "rental", 6500, 320, new JsonObject().put("homeInsurance", 150),
          incomes(income("salary", 4200)), new JsonArray()),
        List.<String[]>of(new String[] {"DECLARED_VS_REGISTER_MISMATCH",
          "Lön efter skatt: ansökan anger 4 200 kr, Skatteverket anger 4 800 kr."}),
        new JsonObject().put("type", "salary").put("agency", "SKATTEVERKET").put("declared", "4200")
          .put("register", "4800"), false,
        List.of(AgencyAnswer.complete(Agency.SKATTEVERKET, List.of(new RegisterPayment(Agency.SKATTEVERKET,
          "AGI:LON", "salary", "Lön (arbetsgivardeklaration)", new BigDecimal("4800"))), Map.of()),
          AgencyAnswer.complete(Agency.FORSAKRINGSKASSAN, List.of(), Map.of())), false),
      new DemoCase("stig", DemoData.DEMO_TENANT, "198506129819", "Stig", "Stickprovsson", "none", "reapplication", 4,
        content("198506129819", "rental", 5900, 0, new JsonObject(), incomes(income("sicknessBenefit", 2100)),
          new JsonArray().add(new JsonObject().put("type", "furniture").put("amount", 12000)
            .put("description", "Säng och bord efter flytt"))),
        List.<String[]>of(new String[] {"STICKPROV", "Ansökan har dragits i månadens stickprov: granska underlagen fullt ut."},
          new String[] {"NEW_EXPENSE", "Ansökan om möbler 12 000 kr (livsföring i övrigt) ska bedömas av handläggare."}),
        new JsonObject(), true,
        List.of(AgencyAnswer.complete(Agency.FORSAKRINGSKASSAN, List.of(new RegisterPayment(Agency.FORSAKRINGSKASSAN,
          "FK:SJUKPENNING", "sicknessBenefit", "Sjukpenning", new BigDecimal("2100"))), Map.of())), false),
      new DemoCase("signe", DemoData.DEMO_TENANT, "198503159827", "Signe", "Skyddad", "skyddad_folkbokforing", "new", 1,
        content("198503159827", "rental", 7100, 310, new JsonObject(), new JsonArray(), new JsonArray()),
        List.<String[]>of(new String[] {"PROTECTED_IDENTITY", "Skyddade personuppgifter: ärendet handläggs manuellt."}),
        new JsonObject(), false,
        List.of(AgencyAnswer.complete(Agency.SKATTEVERKET, List.of(),
          Map.of("folkbokforingsadress", "Hemliga vägen 1, 999 99 Hemort"))), false),
      new DemoCase("maria", DemoData.DEMO_TENANT, "197703039821", "Maria", "Manuellsson", "none", "new", 6,
        content("197703039821", "rental", 5200, 300, new JsonObject(), incomes(income("parentalBenefit", 3100)),
          new JsonArray()),
        List.of(), new JsonObject(), false, List.of(), true),
      new DemoCase("gustav", DemoData.NEIGHBOUR_TENANT, "196909159839", "Gustav", "Grannsson", "none", "new", 3,
        content("196909159839", "rental", 4800, 0, new JsonObject(), incomes(income("studentAid", 3000)),
          new JsonArray()),
        List.of(), new JsonObject(), false,
        List.of(AgencyAnswer.complete(Agency.CSN, List.of(new RegisterPayment(Agency.CSN, "CSN:STUDIEMEDEL",
          "studentAid", "Studiemedel", new BigDecimal("3000"))), Map.of())), false),
      new DemoCase(PAPER, DemoData.DEMO_TENANT, "198611219810", "Pelle", "Pappersson", "none", "new", 1,
        content("198611219810", "rental", 5600, 280, new JsonObject(), incomes(income("sicknessBenefit", 2400)),
          new JsonArray()),
        List.of(), new JsonObject(), false,
        List.of(AgencyAnswer.complete(Agency.FORSAKRINGSKASSAN, List.of(new RegisterPayment(Agency.FORSAKRINGSKASSAN,
          "FK:SJUKPENNING", "sicknessBenefit", "Sjukpenning", new BigDecimal("2400"))), Map.of())), false));
    DemoStaff.Member registrar = DemoStaff.MEMBERS.get(0);
    return new StaffRepository(pool).recordLogin(registrar.tenant(), registrar.subject(), registrar.name(),
      registrar.email(), registrar.roles(), clock.instant()).compose(registrarId -> {
        Future<Void> chain = Future.succeededFuture();
        for (DemoCase demo : cases) {
          chain = chain.compose(v -> pool.withTransaction(tx -> seedCase(tx, demo, month, clock, registrarId)));
        }
        return chain;
      });
  }

  /**
   * One case, through the owners of its tables: the person (identity), the application, its month and its history
   * (bistånd), and the robot's job, trace and proposal (robot). A household that already holds the month keeps it.
   */
  private static Future<Void> seedCase(SqlConnection tx, DemoCase demo, LocalDate month, Clock clock,
                                       UUID registrarId) {
    Instant now = clock.instant();
    Instant submitted = now.minus(Duration.ofDays(demo.daysAgo()));
    YearMonth yearMonth = YearMonth.from(month);
    boolean paper = PAPER.equals(demo.key());
    return person(tx, demo).compose(personId -> ApplicationRepository.monthHolder(tx, demo.tenant(), personId,
      yearMonth).compose(held -> held.isPresent() ? Future.succeededFuture()
      : (paper ? ApplicationRepository.insertRegistered(tx, demo.tenant(), yearMonth, demo.kind(), "paper",
          registrarId, personId, null, demo.content(), null, submitted)
        : ApplicationRepository.insertDraft(tx, demo.tenant(), yearMonth, demo.kind(), personId, null, demo.content(),
          null, submitted))
        .compose(draft -> ApplicationRepository.claimMonth(tx, demo.tenant(), personId, yearMonth, draft.id())
          .compose(claimed -> ApplicationRepository.markSubmitted(tx, draft, submitted))
          .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(draft, "submitted",
            ApplicationStatus.SUBMITTED, paper ? ApplicationEvent.Actor.staff(registrarId)
              : ApplicationEvent.Actor.resident(personId), new JsonObject()), submitted))
          .compose(v -> robot(tx, demo, personId, yearMonth, draft.id(), submitted, now.plus(Duration.ofDays(7)))))));
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

  private static Future<Void> robot(SqlConnection tx, DemoCase demo, UUID personId, YearMonth month,
                                    UUID applicationId, Instant submitted, Instant stickprovDue) {
    Instant done = submitted.plusSeconds(1);
    JsonObject registerData = registerData(demo, personId, month);
    TraceRecorder trace = new TraceRecorder();
    trace.add(new TraceEntry("registers", submitted, 48_000L, demo.manualReview() ? "manual" : "ok",
      new JsonObject().put("sources", new JsonArray().add("SSBTEK")), demo.manualReview()
        ? new JsonObject().put("reason", "Uppgifter från Försäkringskassan saknas") : new JsonObject()
          .put("persons", registerData.getJsonArray("persons").size())));
    Future<Long> job = demo.manualReview()
      ? JobQueue.recordParked(tx, demo.tenant(), applicationId, 1, submitted, done, "registers",
        "Registeruppgifterna kunde inte hämtas efter fem försök.")
      : JobQueue.recordHandled(tx, demo.tenant(), applicationId, 1, submitted, done);
    return job.compose(jobId -> trace.write(tx, demo.tenant(), jobId, applicationId))
      .compose(v -> demo.manualReview() ? Future.succeededFuture()
        : proposal(tx, demo, registerData, applicationId, done, stickprovDue));
  }

  /** The applicant's SSBTEK answer, stored as the robot stores it (ProposalWriter). */
  private static JsonObject registerData(DemoCase demo, UUID personId, YearMonth month) {
    JsonArray persons = new JsonArray();
    if (!demo.registers().isEmpty()) {
      persons.add(new RegisterAnswer(personId, month, demo.registers()).toJson().put("role", "applicant")
        .put("personId", personId.toString()));
    }
    return new JsonObject().put("persons", persons).put("missing", new JsonArray());
  }

  private static Future<Void> proposal(SqlConnection tx, DemoCase demo, JsonObject registerData, UUID applicationId,
                                       Instant proposed, Instant stickprovDue) {
    JsonArray lines = lines(demo.content());
    BigDecimal amount = amount(lines);
    JsonObject ruleVersions = new JsonObject().put("riksnorm", "riksnorm-2026").put("caps", "demo-caps-2025.1")
      .put("incomeClassification", "income-classification-2025");
    String motivering = "Du har rätt till försörjningsstöd eftersom hushållets inkomster inte räcker till riksnormen och "
      + "skäliga kostnader för boende och hushållsel. Beräkningen visar vilka kostnader och inkomster vi räknat med.";
    Comparison comparison = Comparison.none("new".equals(demo.kind())
      ? "Första ansökan: ingen tidigare månad att jämföra med."
      : "Ingen ansökan för förra månaden att jämföra med.");
    ProposalStore.Proposal proposal = new ProposalStore.Proposal(id("proposal:" + applicationId), demo.tenant(),
      applicationId, 1, amount.signum() > 0 ? "bifall" : "avslag", amount, new JsonObject().put("lines", lines),
      ruleVersions, motivering, List.of("12 kap. 1 § socialtjänstlagen (2025:400)",
        "12 kap. 2–3 §§ socialtjänstförordningen (2025:468)"), registerData, comparison.toJson(), demo.stickprov(),
      false);
    List<ProposalStore.Warning> warnings = demo.warnings().stream()
      .map(warning -> new ProposalStore.Warning(warning[0], warning[1], demo.warningDetails())).toList();
    // The draw behind a STICKPROV warning, so the handläggare can record the check's result on it.
    Optional<ProposalStore.Draw> draw = demo.stickprov() ? Optional.of(new ProposalStore.Draw("demo-stickprov-2025.1",
      new BigDecimal("5"), new BigDecimal("2.5"), true, "dragen: 2.5 < 5 %",
      new JsonArray().add("bankStatements.applicant"),
      Optional.of("Skicka kontoutdrag för de senaste tre månaderna."), Optional.of(stickprovDue))) : Optional.empty();
    return ProposalStore.insert(tx, proposal, warnings, draw, proposed);
  }

  /**
   * The proposal's lines for a single adult: riksnorm, then every cost, income and need of the content, each with
   * the amount the household stated (caps and income rules are the real robot's business; the demo grants as stated).
   */
  static JsonArray lines(JsonObject content) {
    Content read = new Content(content);
    JsonArray lines = new JsonArray()
      .add(line("riksnorm", "riksnorm:single", "single", "Personliga kostnader, ensamstående", 3940, null))
      .add(line("riksnorm", "riksnorm:common", "common", "Hushållsgemensamma kostnader, 1 person", 1280, null));
    read.costs().forEach((type, amount) -> lines.add(line("cost", "cost:" + type, type,
      capitalised(Labels.cost(type)), amount.intValue(), amount.intValue())));
    for (Object item : read.incomes()) {
      JsonObject income = (JsonObject) item;
      int amount = income.getInteger("amount");
      lines.add(line("income", "income:" + income.getString("type") + ":0", income.getString("type"),
        capitalised(Labels.income(income.getString("type"))), amount, amount)
        .put("persons", new JsonArray().add(income.getString("person"))));
    }
    for (int i = 0; i < read.needs().size(); i++) {
      JsonObject need = read.needs().getJsonObject(i);
      int amount = need.getInteger("amount");
      lines.add(line("need", "need:" + i, need.getString("type"), capitalised(Labels.need(need.getString("type"))),
        amount, amount).put("decisionType", "livsforing_ovrigt").put("note", need.getString("description", "")));
    }
    return lines;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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

  private static JsonObject content(String personnummer, String housing, int rent, int electricity, JsonObject costs,
                                    JsonArray incomes, JsonArray needs) {
    JsonObject housingJson = new JsonObject().put("type", housing).put("rent", rent);
    if (electricity > 0) {
      housingJson.put("householdElectricity", electricity);
    }
    return new JsonObject()
      .put("household", new JsonObject().put("applicant", new JsonObject().put("birthDate",
          personnummer.substring(0, 4) + "-" + personnummer.substring(4, 6) + "-" + personnummer.substring(6, 8)))
        .put("children", new JsonArray()).put("otherAdults", new JsonArray()))
      .put("housing", housingJson).put("incomes", incomes).put("costs", costs).put("assets", new JsonArray())
      .put("needs", needs).put("declaration", true);
  }

  private static JsonArray incomes(JsonObject... incomes) {
    JsonArray array = new JsonArray();
    for (JsonObject income : incomes) {
      array.add(income);
    }
    return array;
  }

  private static JsonObject income(String type, int amount) {
    return new JsonObject().put("person", "applicant").put("type", type).put("amount", amount);
  }

  private static JsonObject line(String section, String key, String subject, String label, int amount,
                                 Integer entered) {
    return new JsonObject().put("section", section).put("key", key).put("subject", subject).put("label", label)
      .put("amount", amount).put("entered", entered);
  }

  /** Stable ids, so a restart finds what it seeded before. */
  static UUID id(String name) {
    return UUID.nameUUIDFromBytes(("socialportalen-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }
}
