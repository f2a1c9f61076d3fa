package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Skatteverket's notifications that a child's parenthood was not confirmed digitally: staff register them (one by one
 * or as a file), the follow-up invites both parents with a booking link, reminds them at the tenant's interval, and
 * after the tenant's number of reminders writes a summons. A booking that answers a notice stops the follow-up; one
 * that falls through restarts it.
 */
final class Notices {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

  private final Room room;
  private final String origin;

  Notices(Room room, String origin) {
    this.room = room;
    this.origin = origin;
  }

  /** Staff register one notification: {childBirthDate, birthParent, otherParent?} (personnummer). */
  Future<JsonObject> register(Session staff, JsonObject body) {
    String tenant = staff.tenantId();
    paternity(tenant);
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    LocalDate birth = date(body.getValue("childBirthDate"), problems);
    Optional<Personnummer> birthParent = personnummer(body.getValue("birthParent"));
    if (birthParent.isEmpty()) {
      problems.add(new ApiException.FieldProblem("birthParent", "personnummer_invalid"));
    }
    Optional<Personnummer> otherParent = personnummer(body.getValue("otherParent"));
    if (body.getValue("otherParent") != null && !"".equals(body.getValue("otherParent")) && otherParent.isEmpty()) {
      problems.add(new ApiException.FieldProblem("otherParent", "personnummer_invalid"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return room.pool().withTransaction(tx -> insert(tx, tenant, birth, birthParent.get(), otherParent, "staff",
        Optional.of(staff.staffMemberId())))
      .map(created -> created.map(id -> new JsonObject().put("id", id.toString()).put("created", true))
        .orElseThrow(() -> ApiException.conflict("notice_exists")));
  }

  /**
   * A file of notifications, one per line: the child's birth date, the birth parent's and (if known) the other
   * parent's personnummer, separated by ';' or ','. Lines already registered are skipped; a malformed line is named
   * and nothing of the file is stored.
   */
  Future<JsonObject> importFile(Session staff, String text) {
    String tenant = staff.tenantId();
    paternity(tenant);
    record Line(int number, LocalDate birth, Personnummer birthParent, Optional<Personnummer> otherParent) {
    }
    List<Line> lines = new ArrayList<>();
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    String[] rows = text == null ? new String[0] : text.split("\\r?\\n");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty() || row.startsWith("#")) {
        continue;
      }
      String[] parts = row.split("[;,]");
      List<ApiException.FieldProblem> lineProblems = new ArrayList<>();
      LocalDate birth = parts.length > 0 ? date(parts[0].strip(), lineProblems) : null;
      Optional<Personnummer> birthParent = parts.length > 1 ? personnummer(parts[1].strip()) : Optional.empty();
      Optional<Personnummer> otherParent = parts.length > 2 ? personnummer(parts[2].strip()) : Optional.empty();
      boolean otherGiven = parts.length > 2 && !parts[2].isBlank();
      if (birth == null || birthParent.isEmpty() || (otherGiven && otherParent.isEmpty()) || parts.length > 3) {
        problems.add(new ApiException.FieldProblem("file", "notice_line_invalid", i + 1));
        continue;
      }
      lines.add(new Line(i + 1, birth, birthParent.get(), otherParent));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    if (lines.isEmpty()) {
      throw ApiException.invalid("file", "notice_file_empty");
    }
    return room.pool().withTransaction(tx -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Line line : lines) {
        chain = chain.compose(count -> insert(tx, tenant, line.birth(), line.birthParent(), line.otherParent(),
          "import", Optional.of(staff.staffMemberId())).map(created -> count + (created.isPresent() ? 1 : 0)));
      }
      return chain;
    }).map(created -> new JsonObject().put("registered", created).put("alreadyKnown", lines.size() - created));
  }

  private Future<Optional<UUID>> insert(SqlConnection tx, String tenant, LocalDate birth, Personnummer birthParent,
                                        Optional<Personnummer> otherParent, String source, Optional<UUID> staff) {
    if (birth.isAfter(room.today())) {
      return Future.failedFuture(ApiException.invalid("childBirthDate", "birth_date_future"));
    }
    PersonRepository persons = new PersonRepository(tx);
    return persons.ensure(birthParent).compose(mother -> (otherParent.isPresent()
        ? persons.ensure(otherParent.get()).map(Optional::of) : Future.succeededFuture(Optional.<PersonRepository.Person>empty()))
      .compose(other -> {
        if (other.filter(person -> person.id().equals(mother.id())).isPresent()) {
          return Future.failedFuture(ApiException.invalid("otherParent", "other_parent_is_you"));
        }
        return NoticeRepository.insert(tx, tenant, birth, mother.id(), other.map(PersonRepository.Person::id), source,
          staff, room.now());
      }));
  }

  /** The tenant's notifications with their stage and letters, names shown to staff (and the reading logged). */
  Future<JsonObject> list(Session staff, String requestId) {
    String tenant = staff.tenantId();
    return NoticeRepository.list(room.pool(), tenant).compose(notices -> DocumentRepository.ofNotices(room.pool(),
        notices.stream().map(NoticeRepository.Notice::id).toList())
      .compose(documents -> {
        JsonArray items = new JsonArray();
        List<AuditEntry> audit = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        PersonRepository persons = new PersonRepository(room.pool());
        for (NoticeRepository.Notice notice : notices) {
          chain = chain.compose(v -> persons.find(notice.birthParentId()).compose(mother -> (notice.otherParentId()
              .isPresent() ? persons.find(notice.otherParentId().get()) : Future.succeededFuture(
              Optional.<PersonRepository.Person>empty()))
            .map(other -> {
              items.add(new JsonObject().put("id", notice.id().toString())
                .put("childBirthDate", notice.childBirthDate().toString())
                .put("birthParent", StaffViews.person(mother))
                .put("otherParent", StaffViews.person(other))
                .put("source", notice.source()).put("stage", notice.stage()).put("reminders", notice.reminders())
                .put("lastContactAt", notice.lastContactAt().map(Instant::toString).orElse(null))
                .put("bookingId", notice.bookingId().map(UUID::toString).orElse(null))
                .put("documents", new JsonArray(documents.stream().filter(document -> document.noticeId()
                    .map(notice.id()::equals).orElse(false))
                  .map(document -> new JsonObject().put("id", document.id().toString()).put("kind", document.kind())
                    .put("personId", document.personId().toString())
                    .put("createdAt", document.createdAt().toString())).toList())));
              audit.add(AuditEntry.by(staff, "familjeratt.notice.read", notice.birthParentId(), notice.id(), requestId));
              notice.otherParentId().ifPresent(other2 -> audit.add(AuditEntry.by(staff, "familjeratt.notice.read",
                other2, notice.id(), requestId)));
              return (Void) null;
            })));
        }
        return chain.compose(v -> AuditLog.recordAll(room.pool(), audit, room.now()))
          .map(v -> new JsonObject().put("notices", items));
      }));
  }

  Future<JsonObject> close(Session staff, UUID id) {
    return room.pool().withTransaction(tx -> NoticeRepository.close(tx, staff.tenantId(), id, room.now()))
      .map(closed -> {
        if (!closed) {
          throw ApiException.notFound();
        }
        return new JsonObject().put("id", id.toString()).put("stage", "closed");
      });
  }

  /**
   * One round of the follow-up: registered notices are invited; invited or reminded ones whose last letter is a
   * reminder interval old get a reminder, or, when the reminders are used up, a summons. Each notice in its own
   * transaction, locked so two servers never write the same letter.
   */
  Future<Integer> run() {
    Instant now = room.now();
    return room.pool().withTransaction(tx -> NoticeRepository.due(tx, now.minus(Duration.ofDays(1))).compose(due -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (NoticeRepository.Notice notice : due) {
        chain = chain.compose(count -> step(tx, notice, now).map(done -> count + (done ? 1 : 0)));
      }
      return chain;
    }));
  }

  private Future<Boolean> step(SqlConnection tx, NoticeRepository.Notice notice, Instant now) {
    Optional<FamiljerattRules.Paternity> rule = room.familjerattIfOffered(notice.tenantId())
      .flatMap(FamiljerattRules::paternity);
    if (rule.isEmpty()) {
      return Future.succeededFuture(false);
    }
    String kind;
    int reminders = notice.reminders();
    String stage;
    if ("registered".equals(notice.stage())) {
      kind = "invitation";
      stage = "invited";
    } else if (notice.lastContactAt().map(last -> last.plus(Duration.ofDays(rule.get().reminderIntervalDays()))
      .isAfter(now)).orElse(false)) {
      return Future.succeededFuture(false);
    } else if (reminders < rule.get().reminders()) {
      kind = "reminder";
      stage = "reminded";
      reminders++;
    } else {
      kind = "summons";
      stage = "summoned";
    }
    List<UUID> parents = new ArrayList<>(List.of(notice.birthParentId()));
    notice.otherParentId().ifPresent(parents::add);
    Future<Void> letters = Future.succeededFuture();
    for (UUID parent : parents) {
      letters = letters.compose(v -> new PersonRepository(tx).find(parent).compose(person -> room.pdf(
          letter(kind, notice, person, rule.get())))
        .compose(pdf -> DocumentRepository.insert(tx, notice.tenantId(), kind, parent, Optional.empty(),
          Optional.of(notice.id()), pdf, Optional.empty(), now)).mapEmpty());
    }
    int count = reminders;
    return letters.compose(v -> NoticeRepository.advance(tx, notice.id(), stage, count, now)).map(true);
  }

  private FamiljerattPdf.Content letter(String kind, NoticeRepository.Notice notice,
                                        Optional<PersonRepository.Person> person, FamiljerattRules.Paternity rule) {
    String municipality = room.tenant(notice.tenantId()).map(details -> details.name()).orElse("");
    String phone = room.tenant(notice.tenantId()).map(details -> details.phone()).orElse("");
    String name = person.map(PersonRepository.Person::displayName).filter(text -> !text.isBlank()).orElse("Till föräldern");
    String born = DATE.format(notice.childBirthDate());
    String link = origin + "/familjeratt/boka/?service=" + rule.service() + "&notice=" + notice.id();
    List<String> paragraphs = new ArrayList<>(List.of(name,
      "Skatteverket har meddelat oss att föräldraskapet för barnet som föddes den " + born
        + " inte har bekräftats. Familjerätten ska enligt föräldrabalken 1 kap. 4 och 4 a §§ hjälpa er att fastställa det."));
    String heading;
    switch (kind) {
      case "invitation" -> {
        heading = "Inbjudan till bekräftelse av föräldraskap";
        paragraphs.add("Boka en tid då ni båda kommer till familjerätten med legitimation. Logga in med BankID och boka här: "
          + link);
      }
      case "reminder" -> {
        heading = "Påminnelse: bekräftelse av föräldraskap";
        paragraphs.add("Vi har inte fått någon bokning från er. Boka en tid här: " + link);
      }
      default -> {
        heading = "Kallelse till familjerätten";
        paragraphs.add("Ni har inte bokat någon tid trots inbjudan och påminnelser. Ni kallas därför att kontakta "
          + "familjerätten för att bekräfta föräldraskapet. Ring oss på " + phone + " eller boka här: " + link);
      }
    }
    return new FamiljerattPdf.Content(heading, heading, paragraphs, List.of("Familjerätten", municipality));
  }

  private FamiljerattRules.Paternity paternity(String tenant) {
    return room.familjeratt(tenant).paternity().orElseThrow(() -> ApiException.of(404, "familjeratt_not_offered"));
  }

  private static LocalDate date(Object value, List<ApiException.FieldProblem> problems) {
    try {
      return LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      problems.add(new ApiException.FieldProblem("childBirthDate", "date_invalid"));
      return null;
    }
  }

  private Optional<Personnummer> personnummer(Object value) {
    return value instanceof String ? Personnummer.parse((String) value, room.today()) : Optional.empty();
  }
}
