package se.socialportal.familjeratt;

import io.vertx.core.json.JsonObject;
import se.socialportal.identity.Personnummer;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A resident's booking as the form sends it, checked field by field: every problem is reported at once, with the field
 * it belongs to, and nothing is stored until all are solved.
 */
record BookingRequest(FamiljerattRules.Service service, Instant start, Optional<Personnummer> otherParent,
                      boolean risk, Optional<String> interpreter, String place, ContactRepository.Contact contact,
                      Optional<UUID> notice, Optional<LocalDate> expectedBirth) {

  static BookingRequest parse(JsonObject body, FamiljerattRules rules, LocalDate today) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Optional<FamiljerattRules.Service> service = Optional.ofNullable(body.getValue("service"))
      .filter(String.class::isInstance).flatMap(id -> rules.service((String) id));
    if (service.isEmpty()) {
      throw ApiException.invalid("service", "service_unknown");
    }
    Instant start = instant(body.getValue("start"), "start", problems);
    Optional<Personnummer> other = Optional.empty();
    boolean risk = false;
    if (service.get().bothParents()) {
      Object typed = body.getValue("otherParent");
      other = typed instanceof String ? Personnummer.parse((String) typed, today) : Optional.empty();
      if (other.isEmpty()) {
        problems.add(new ApiException.FieldProblem("otherParent", "personnummer_invalid"));
      }
      Object answer = body.getValue("risk");
      if (!(answer instanceof Boolean)) {
        problems.add(new ApiException.FieldProblem("risk", "risk_required"));
      } else {
        risk = (Boolean) answer;
      }
    }
    String place = place(service.get(), body.getValue("place"), problems);
    Optional<String> interpreter = interpreter(body.getValue("interpreter"), problems);
    ContactRepository.Contact contact = contact(body, problems);
    Optional<UUID> notice = uuid(body.getValue("notice"), "notice", problems);
    Optional<LocalDate> expectedBirth = expectedBirth(body.getValue("expectedBirth"), service.get(), rules, today,
      problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return new BookingRequest(service.get(), start, other, risk, interpreter, place, contact, notice, expectedBirth);
  }

  static Instant instant(Object value, String field, List<ApiException.FieldProblem> problems) {
    if (value instanceof String) {
      try {
        return Instant.parse((String) value);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(new ApiException.FieldProblem(field, "time_invalid"));
    return null;
  }

  static String place(FamiljerattRules.Service service, Object value, List<ApiException.FieldProblem> problems) {
    switch (service.place()) {
      case OFFICE:
        return "office";
      case DIGITAL:
        return "digital";
      default:
        if ("office".equals(value) || "digital".equals(value)) {
          return (String) value;
        }
        problems.add(new ApiException.FieldProblem("place", "place_required"));
        return null;
    }
  }

  static Optional<String> interpreter(Object value, List<ApiException.FieldProblem> problems) {
    if (value == null || (value instanceof String && ((String) value).isBlank())) {
      return Optional.empty();
    }
    if (value instanceof String && ((String) value).strip().length() >= 2 && ((String) value).strip().length() <= 60) {
      return Optional.of(((String) value).strip());
    }
    problems.add(new ApiException.FieldProblem("interpreter", "interpreter_invalid"));
    return Optional.empty();
  }

  static ContactRepository.Contact contact(JsonObject body, List<ApiException.FieldProblem> problems) {
    Optional<String> email = text(body.getValue("email"));
    Optional<String> phone = text(body.getValue("phone")).map(value -> value.replaceAll("[\\s()-]", ""));
    if (email.isPresent() && !email.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.map(String::length)
      .orElse(0) > 200) {
      problems.add(new ApiException.FieldProblem("email", "email_invalid"));
    }
    if (phone.isPresent() && !phone.get().matches("\\+?[0-9]{7,15}")) {
      problems.add(new ApiException.FieldProblem("phone", "phone_invalid"));
    }
    return new ContactRepository.Contact(email, phone);
  }

  private static Optional<String> text(Object value) {
    return value instanceof String && !((String) value).isBlank() ? Optional.of(((String) value).strip())
      : Optional.empty();
  }

  private static Optional<UUID> uuid(Object value, String field, List<ApiException.FieldProblem> problems) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(String.valueOf(value)));
    } catch (IllegalArgumentException e) {
      problems.add(new ApiException.FieldProblem(field, "notice_unknown"));
      return Optional.empty();
    }
  }

  /**
   * Booking before the birth: only for the paternity service of a tenant that allows it, from the given pregnancy
   * week (counted back from the expected date, 40 weeks), and for a date still to come.
   */
  private static Optional<LocalDate> expectedBirth(Object value, FamiljerattRules.Service service,
                                                   FamiljerattRules rules, LocalDate today,
                                                   List<ApiException.FieldProblem> problems) {
    if (value == null || "".equals(value)) {
      return Optional.empty();
    }
    Optional<Integer> fromWeek = rules.paternity().filter(paternity -> paternity.service().equals(service.id()))
      .flatMap(FamiljerattRules.Paternity::bookBeforeBirthFromWeek);
    LocalDate date;
    try {
      date = LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      problems.add(new ApiException.FieldProblem("expectedBirth", "expected_birth_invalid"));
      return Optional.empty();
    }
    if (fromWeek.isEmpty()) {
      problems.add(new ApiException.FieldProblem("expectedBirth", "expected_birth_not_offered"));
      return Optional.empty();
    }
    LocalDate allowedFrom = date.minusWeeks(40 - fromWeek.get());
    if (!date.isAfter(today) || date.isAfter(today.plusWeeks(40))) {
      problems.add(new ApiException.FieldProblem("expectedBirth", "expected_birth_invalid"));
    } else if (today.isBefore(allowedFrom)) {
      problems.add(new ApiException.FieldProblem("expectedBirth", "expected_birth_too_early", fromWeek.get(),
        allowedFrom.toString()));
    }
    return Optional.of(date);
  }
}
