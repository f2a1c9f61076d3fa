package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.attachment.AttachmentRules;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException.FieldProblem;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The resident's draft: started for an open month (new or re-application, decided by {@link Eligibility}), saved as
 * the resident goes (incomplete content is kept, problems are reported, nothing typed is lost), the co-applicant named
 * by personnummer, and checked in full before signing.
 */
public final class DraftService {

  private final Pool pool;
  private final Clock clock;
  private final Eligibility eligibility;
  private final ApplicationValidator validator;

  public DraftService(Pool pool, Clock clock, Eligibility eligibility, ApplicationValidator validator) {
    this.pool = pool;
    this.clock = clock;
    this.eligibility = eligibility;
    this.validator = validator;
  }

  public Future<JsonObject> eligibility(Session session, String month) {
    var open = eligibility.requireOpen(month);
    return eligibility.check(pool, session.tenantId(), session.residentId(), open).map(result -> result.toJson()
      .put("openMonths", new JsonArray(eligibility.openMonths().stream().map(Object::toString).toList())));
  }

  /** Starts the draft for a month (idempotent per key); the household's month is claimed at once. */
  public Future<JsonObject> create(Session session, String month, String idempotencyKey) {
    var open = eligibility.requireOpen(month);
    UUID me = session.residentId();
    var request = new IdempotencyKeys.Request(session.tenantId(), me, "create_application", idempotencyKey,
      open.toString());
    Instant now = clock.instant();
    return IdempotencyKeys.once(pool, request, tx -> eligibility.check(tx, session.tenantId(), me, open)
      .compose(result -> {
        if (result.existing().isPresent()) {
          return Future.failedFuture(ApiException.conflict("application_exists_for_month"));
        }
        return new PersonRepository(tx).find(me).compose(person -> {
          Prefill prefill = Prefill.of(me, result.previous(), person.map(p -> p.personnummer().birthDate()));
          return ApplicationRepository.insertDraft(tx, session.tenantId(), open, result.kind(), me,
            prefill.coApplicantId().orElse(null), prefill.content(),
            result.previous().map(ApplicationRow::id).orElse(null), now);
        }).compose(created -> ApplicationRepository.claimMonth(tx, session.tenantId(), me, open, created.id())
          .compose(claimed -> claimed
            ? ApplicationRepository.record(tx, ApplicationEvent.of(created, "draft_created", ApplicationStatus.DRAFT,
                ApplicationEvent.Actor.resident(me), new JsonObject().put("kind", created.kind())), now).map(created)
            : Future.failedFuture(ApiException.conflict("application_exists_for_month"))))
          .map(created -> new JsonObject().put("id", created.id().toString()).put("kind", created.kind())
            .put("month", created.month().toString()));
      }));
  }

  /** Everything the form needs to show a draft (or, read-only, a signed application) to its applicant. */
  public Future<JsonObject> get(Session session, UUID id, String language) {
    return ApplicationRepository.findVisible(pool, id, session.tenantId(), session.residentId())
      .compose(found -> {
        ApplicationRow application = found.filter(row -> row.isApplicant(session.residentId()))
          .orElseThrow(ApiException::notFound);
        return view(pool, application, language);
      });
  }

  /** Saves what the resident has typed; never refuses a draft for its content, reports problems instead. */
  public Future<JsonObject> save(Session session, UUID id, Object content, String step, String language) {
    if (!(content instanceof JsonObject)) {
      return Future.failedFuture(ApiException.badRequest("content_required"));
    }
    if (step != null && !step.matches("[a-z]{1,20}")) {
      return Future.failedFuture(ApiException.badRequest("bad_request"));
    }
    return pool.withTransaction(tx -> ownDraft(tx, session, id)
      .compose(application -> ApplicationRepository.saveContent(tx, id, (JsonObject) content, step, clock.instant()))
      .compose(saved -> view(tx, saved.orElseThrow(() -> ApiException.conflict("application_not_draft")), language)));
  }

  /**
   * Names the co-applicant (sambo, make, registrerad partner) by personnummer, or removes them with null. The answer
   * tells the applicant nothing about the person beyond what they typed; a session may name only a few different
   * people ({@link CoApplicantNamings}).
   */
  public Future<JsonObject> setCoApplicant(Session session, UUID id, Object personnummer, String language) {
    Optional<Personnummer> parsed;
    if (personnummer == null) {
      parsed = Optional.empty();
    } else {
      parsed = personnummer instanceof String
        ? Personnummer.parse((String) personnummer, LocalDate.now(clock.withZone(Eligibility.ZONE)))
        : Optional.empty();
      if (parsed.isEmpty()) {
        return Future.failedFuture(ApiException.invalid("coApplicant.personnummer", "personnummer_invalid"));
      }
    }
    return pool.withTransaction(tx -> ownDraft(tx, session, id).compose(application -> {
      if (parsed.isEmpty()) {
        return ApplicationRepository.setCoApplicant(tx, id, null, clock.instant());
      }
      return CoApplicantNamings.name(tx, session, parsed.get(), clock.instant()).compose(person -> {
        if (person.id().equals(session.residentId())) {
          return Future.failedFuture(ApiException.invalid("coApplicant.personnummer", "co_applicant_is_applicant"));
        }
        return ApplicationRepository.setCoApplicant(tx, id, person.id(), clock.instant());
      });
    }).compose(v -> ApplicationRepository.find(tx, id)).compose(row -> view(tx, row.orElseThrow(), language)));
  }

  /** The full check before signing: every field, the co-applicant, and the documents the rules ask for. */
  public Future<ApplicationRow> review(SqlClient client, Session session, UUID id) {
    return ApplicationRepository.findVisible(client, id, session.tenantId(), session.residentId()).compose(found -> {
      ApplicationRow application = found.filter(row -> row.isApplicant(session.residentId()))
        .orElseThrow(ApiException::notFound);
      if (application.status() != ApplicationStatus.DRAFT) {
        return Future.failedFuture(ApiException.conflict("application_not_draft"));
      }
      return fullProblems(client, application).compose(problems -> problems.isEmpty()
        ? Future.succeededFuture(application)
        : Future.failedFuture(ApiException.invalid(problems)));
    });
  }

  /** Every problem a full check finds, including the documents still missing. */
  public Future<List<FieldProblem>> fullProblems(SqlClient client, ApplicationRow application) {
    List<FieldProblem> problems = new ArrayList<>(validator.validate(application.content(),
      ApplicationValidator.Mode.FULL, context(application)));
    return requirements(client, application).map(missing -> {
      for (AttachmentRules.Requirement requirement : missing.missing()) {
        problems.add(new FieldProblem("attachments." + requirement.id(), "attachment_required"));
      }
      return problems;
    });
  }

  /** The documents this application needs, and which of them are still missing. */
  public record Requirements(List<AttachmentRules.Requirement> required, List<AttachmentRules.Requirement> missing) {
  }

  public Future<Requirements> requirements(SqlClient client, ApplicationRow application) {
    Future<Optional<ApplicationRow>> previous = application.previousId()
      .map(previousId -> ApplicationRepository.find(client, previousId))
      .orElse(Future.succeededFuture(Optional.empty()));
    return previous.compose(before -> AttachmentRepository.list(client, application.id()).map(attachments -> {
      List<AttachmentRules.Requirement> required = AttachmentRules.required(new AttachmentRules.Facts(application.kind(),
        application.content(), before.map(ApplicationRow::content).orElse(null), false));
      Set<String> attached = attachments.stream().filter(a -> a.purpose().equals("application"))
        .map(AttachmentRepository.Attachment::category).collect(Collectors.toSet());
      return new Requirements(required, AttachmentRules.missing(required, attached));
    }));
  }

  ApplicationValidator.Context context(ApplicationRow application) {
    return new ApplicationValidator.Context(application.month(), LocalDate.now(clock.withZone(Eligibility.ZONE)),
      application.coApplicantId().isPresent());
  }

  private Future<ApplicationRow> ownDraft(SqlClient tx, Session session, UUID id) {
    return ApplicationRepository.lockVisible(tx, id, session.tenantId(), session.residentId()).compose(found -> {
      ApplicationRow application = found.filter(row -> row.isApplicant(session.residentId()))
        .orElseThrow(ApiException::notFound);
      return application.status() == ApplicationStatus.DRAFT ? Future.succeededFuture(application)
        : Future.failedFuture(ApiException.conflict("application_not_draft"));
    });
  }

  private Future<JsonObject> view(SqlClient client, ApplicationRow application, String language) {
    Future<Optional<ApplicationRow>> previous = application.previousId()
      .map(previousId -> ApplicationRepository.find(client, previousId))
      .orElse(Future.succeededFuture(Optional.empty()));
    Future<Optional<PersonRepository.Person>> coApplicant = application.coApplicantId()
      .map(coId -> new PersonRepository(client).find(coId)).orElse(Future.succeededFuture(Optional.empty()));
    return Future.all(previous, coApplicant).compose(both -> requirements(client, application)
      .compose(requirements -> AttachmentRepository.list(client, application.id()).map(attachments -> {
        JsonObject json = new JsonObject()
          .put("id", application.id().toString())
          .put("month", application.month().toString())
          .put("kind", application.kind())
          .put("status", application.status().db())
          .put("version", application.version())
          .put("updatedAt", application.updatedAt().toString())
          .put("draftStep", application.draftStep().orElse(null))
          .put("content", application.content())
          .put("problems", Problems.json(validator.validate(application.content(), ApplicationValidator.Mode.DRAFT,
            context(application)), language))
          .put("requiredAttachments", new JsonArray(requirements.required().stream()
            .map(AttachmentRules.Requirement::toJson).toList()))
          .put("missingAttachments", new JsonArray(requirements.missing().stream()
            .map(AttachmentRules.Requirement::id).toList()))
          .put("attachments", new JsonArray(attachments.stream().map(AttachmentRepository.Attachment::toJson).toList()));
        // Only what the applicant typed: the co-applicant's name, protection or use of the e-tjänst is theirs.
        coApplicant.result().ifPresent(person -> json.put("coApplicant", new JsonObject()
          .put("personnummer", person.personnummer().toString())));
        previous.result().ifPresent(before -> json.put("previous", new JsonObject()
          .put("month", before.month().toString()).put("content", before.content()))
          .put("changedPaths", new JsonArray(ContentDiff.changedPaths(application.content(), before.content()))));
        return json;
      })));
  }
}
