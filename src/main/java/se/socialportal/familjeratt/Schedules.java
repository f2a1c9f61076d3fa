package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The hours familjerättssekreterare publish: weekly schedules per person and unit, and their exceptions. */
final class Schedules {

  private final Room room;

  Schedules(Room room) {
    this.room = room;
  }

  /** {staffId?, unit, weekday (1–7), start "HH:MM", end, validFrom, validTo?, office}; the staff member's own by default. */
  Future<JsonObject> add(Session staff, JsonObject body) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    UUID staffId = Optional.ofNullable(Fields.string(body, "staffId")).map(value -> Fields.uuid(value, "staffId", problems))
      .orElse(staff.staffMemberId());
    String unit = Fields.text(body.getValue("unit"), "unit", 100, problems);
    String office = Fields.text(body.getValue("office"), "office", 200, problems);
    Object weekday = body.getValue("weekday");
    if (!(weekday instanceof Integer) || (Integer) weekday < 1 || (Integer) weekday > 7) {
      problems.add(new ApiException.FieldProblem("weekday", "weekday_invalid"));
    }
    LocalTime start = Fields.time(body.getValue("start"), "start", problems);
    LocalTime end = Fields.time(body.getValue("end"), "end", problems);
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add(new ApiException.FieldProblem("end", "end_before_start"));
    }
    LocalDate validFrom = body.getValue("validFrom") == null ? room.today() : Fields.date(body.getValue("validFrom"),
      "validFrom", problems);
    Optional<LocalDate> validTo = body.getValue("validTo") == null || "".equals(body.getValue("validTo"))
      ? Optional.empty() : Optional.ofNullable(Fields.date(body.getValue("validTo"), "validTo", problems));
    if (validFrom != null && validTo.filter(to -> to.isBefore(validFrom)).isPresent()) {
      problems.add(new ApiException.FieldProblem("validTo", "end_before_start"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return requireColleague(staff, staffId).compose(v -> ScheduleRepository.insert(room.pool(), staff.tenantId(),
        new FreeTimes.Weekly(staffId, unit, office, DayOfWeek.of((Integer) weekday), start, end, validFrom, validTo),
        staff.staffMemberId(), room.now()))
      .map(id -> new JsonObject().put("id", id.toString()));
  }

  Future<JsonObject> remove(Session staff, UUID id) {
    return ScheduleRepository.remove(room.pool(), staff.tenantId(), id, room.now()).map(removed -> {
      if (!removed) {
        throw ApiException.notFound();
      }
      return new JsonObject().put("id", id.toString()).put("removed", true);
    });
  }

  /** {staffId? (absent = the whole unit), from, to (dates, inclusive, or date-times), reason, note?}. */
  Future<JsonObject> addClosure(Session staff, JsonObject body) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Optional<UUID> staffId = Optional.ofNullable(Fields.string(body, "staffId")).filter(value -> !value.isBlank())
      .map(value -> Fields.uuid(value, "staffId", problems));
    Instant from = Fields.moment(body.getValue("from"), "from", false, problems);
    Instant to = Fields.moment(body.getValue("to"), "to", true, problems);
    if (from != null && to != null && !to.isAfter(from)) {
      problems.add(new ApiException.FieldProblem("to", "end_before_start"));
    }
    String reason = Fields.string(body, "reason");
    if (!List.of("holiday", "sick", "leave", "other").contains(reason)) {
      problems.add(new ApiException.FieldProblem("reason", "closure_reason_invalid"));
    }
    String note = Fields.string(body, "note");
    if (note != null && note.length() > 500) {
      problems.add(new ApiException.FieldProblem("note", "text_too_long", 500));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Future<Void> checked = staffId.map(id -> requireColleague(staff, id)).orElse(Future.succeededFuture());
    return checked.compose(v -> ScheduleRepository.insertException(room.pool(), staff.tenantId(), staffId, from, to,
      reason, note, staff.staffMemberId(), room.now())).map(id -> new JsonObject().put("id", id.toString()));
  }

  private Future<Void> requireColleague(Session staff, UUID staffId) {
    return ScheduleRepository.familjerattStaff(room.pool(), staff.tenantId(), staffId).map(found -> {
      if (found.isEmpty()) {
        throw ApiException.invalid("staffId", "staff_not_familjeratt");
      }
      return (Void) null;
    });
  }
}
