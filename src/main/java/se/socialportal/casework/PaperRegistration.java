package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.ApplicationValidator;
import se.socialportal.bistand.Eligibility;
import se.socialportal.bistand.Submission;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.Session;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.IntakeChannel;
import se.socialportal.platform.http.JsonFields;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A paper or assisted application registered by a handläggare for a resident without BankID (Norrtälje's reception,
 * nyanlända, a representative): the same content document, the same validation, the same one-application-per-household
 * -and-month rule and the same submission (robot job, history, notification) as the e-tjänst — only the channel and
 * who registered it differ. The signature is on the paper form; the registration is audited.
 */
public final class PaperRegistration {

  private static final int ADULT_AGE = 18;

  private final Pool pool;
  private final Clock clock;
  private final Eligibility eligibility;
  private final ApplicationValidator validator;
  private final Submission submission;

  /** The e-tjänst's own eligibility rules, validator and submission: one of each for every channel. */
  public PaperRegistration(Pool pool, Clock clock, Eligibility eligibility, ApplicationValidator validator,
                           Submission submission) {
    this.pool = pool;
    this.clock = clock;
    this.eligibility = eligibility;
    this.validator = validator;
    this.submission = submission;
  }

  /**
   * {channel: paper|assisted, month: YYYY-MM, applicant: {personnummer, givenName, surname},
   * coApplicant?: {personnummer, givenName, surname}, content: {...}}. Personnummer travel only in this body.
   */
  public Future<JsonObject> register(Session session, JsonObject body, String requestId) {
    CaseworkRoles.requireCaseRole(session);
    String channel = JsonFields.text(body, "channel");
    // Every channel but the e-tjänst's own: a person registers what arrived on paper or with help.
    if (!channel.equals(IntakeChannel.PAPER.code()) && !channel.equals(IntakeChannel.ASSISTED.code())) {
      throw ApiException.invalid("channel", "channel_invalid");
    }
    YearMonth month = eligibility.requireOpen(JsonFields.optionalText(body, "month"));
    LocalDate today = LocalDate.now(clock.withZone(Eligibility.ZONE));
    Named applicant = named(JsonFields.object(body, "applicant"), "applicant", today);
    Optional<Named> co = Optional.ofNullable(JsonFields.object(body, "coApplicant"))
      .map(json -> named(json, "coApplicant", today));
    if (co.isPresent() && co.get().personnummer().equals(applicant.personnummer())) {
      throw ApiException.invalid("coApplicant.personnummer", "co_applicant_is_applicant");
    }
    // A child's needs belong to the guardian's household's application; a person under 18 applies through their
    // guardian. The robot could only park such a registration, so it is refused here, saying what to do instead.
    requireAdult(applicant, "applicant", month);
    co.ifPresent(named -> requireAdult(named, "coApplicant", month));
    Object rawContent = body.getValue("content");
    if (!(rawContent instanceof JsonObject)) {
      throw ApiException.invalid("content", "required");
    }
    JsonObject content = (JsonObject) rawContent;
    var problems = validator.validate(content, ApplicationValidator.Mode.FULL,
      new ApplicationValidator.Context(month, today, co.isPresent()));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> person(tx, applicant).compose(applicantRow -> co
      .map(named -> person(tx, named).map(Optional::of)).orElse(Future.succeededFuture(Optional.empty()))
      .compose(coRow -> eligibility.check(tx, session.tenantId(), applicantRow.id(), month).compose(result -> {
        if (result.existing().isPresent()) {
          return Future.failedFuture(ApiException.conflict("application_exists_for_month"));
        }
        UUID coId = coRow.map(PersonRepository.Person::id).orElse(null);
        return ApplicationRepository.insertRegistered(tx, session.tenantId(), month, result.kind(), channel,
            session.staffMemberId(), applicantRow.id(), coId, content,
            result.previous().map(ApplicationRow::id).orElse(null), now)
          .compose(application -> claim(tx, application, applicantRow.id())
            .compose(v -> coRow.map(person -> claim(tx, application, person.id())).orElse(Future.succeededFuture()))
            .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, "registered",
              ApplicationStatus.DRAFT, ApplicationEvent.Actor.staff(session.staffMemberId()),
              new JsonObject().put("channel", channel)), now))
            .compose(v -> submission.submit(tx, application, ApplicationEvent.Actor.staff(session.staffMemberId()),
              now))
            // Whoever registers a protected household's application keeps access to the case (nobody else has it).
            .compose(v -> applicantRow.isProtected() || coRow.map(PersonRepository.Person::isProtected).orElse(false)
              ? CaseAssignments.assign(tx, session.tenantId(), application.id(), session.staffMemberId(),
                CaseAssignments.Kind.ACCESS, session.staffMemberId(), now)
              : Future.<Void>succeededFuture())
            .compose(v -> AuditLog.recordAll(tx, audit(session, application, requestId), now))
            .map(v -> new JsonObject().put("applicationId", application.id().toString())
              .put("kind", application.kind()).put("channel", channel)
              .put("status", ApplicationStatus.SUBMITTED.db())));
      }))));
  }

  private record Named(Personnummer personnummer, String givenName, String surname) {
  }

  private static Named named(JsonObject json, String field, LocalDate today) {
    if (json == null) {
      throw ApiException.invalid(field + ".personnummer", "personnummer_invalid");
    }
    Personnummer personnummer = Personnummer.parse(JsonFields.text(json, "personnummer"), today)
      .orElseThrow(() -> ApiException.invalid(field + ".personnummer", "personnummer_invalid"));
    String given = JsonFields.text(json, "givenName").strip();
    String surname = JsonFields.text(json, "surname").strip();
    if (given.isEmpty() || surname.isEmpty() || given.length() > 100 || surname.length() > 100) {
      throw ApiException.invalid(field + ".givenName", "required");
    }
    return new Named(personnummer, given, surname);
  }

  /** Turned 18 in the month applied for, as the norm engine counts age (HouseholdMember.ageIn). */
  private static void requireAdult(Named named, String field, YearMonth month) {
    if (HouseholdMember.ageIn(named.personnummer().birthDate(), month) < ADULT_AGE) {
      throw ApiException.invalid(field + ".personnummer", "under_18");
    }
  }

  /** The person by personnummer, created if unknown; a protection marking is never lowered by this. */
  private static Future<PersonRepository.Person> person(SqlConnection tx, Named named) {
    return new PersonRepository(tx).upsertFromLogin(named.personnummer(), named.givenName(), named.surname());
  }

  private static Future<Void> claim(SqlConnection tx, ApplicationRow application, UUID person) {
    return ApplicationRepository.claimMonth(tx, application.tenantId(), person, application.month(), application.id())
      .compose(claimed -> claimed ? Future.succeededFuture()
        : Future.failedFuture(ApiException.conflict("application_exists_for_month")));
  }

  private static List<AuditEntry> audit(Session session, ApplicationRow application, String requestId) {
    List<UUID> people = new java.util.ArrayList<>();
    people.add(application.applicantId());
    application.coApplicantId().ifPresent(people::add);
    return people.stream().map(person -> AuditEntry.by(session, "case.register", person, application.id(), requestId)
      .withDetail(new JsonObject().put("channel", application.channel()))).toList();
  }
}
