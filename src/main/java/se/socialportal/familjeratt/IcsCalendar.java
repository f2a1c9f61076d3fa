package se.socialportal.familjeratt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * iCalendar (RFC 5545) files for confirmed meetings, so residents can put them in their own calendar. Times are
 * written in UTC; the resident's calendar shows them in local time.
 */
final class IcsCalendar {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
    .withZone(ZoneOffset.UTC);

  /** One meeting. {@code location} is empty when it must not be written (a message that may be read by others). */
  record Event(String uid, Instant start, Instant end, String summary, String description, Optional<String> location) {
  }

  private IcsCalendar() {
  }

  /** The meeting as an event: the office's public address, or the digital meeting's link. */
  static Event event(AppointmentRepository.Appointment appointment, String summary, String organizer,
                     boolean withLocation) {
    Optional<String> location = !withLocation ? Optional.empty() : "digital".equals(appointment.place())
      ? Optional.of(appointment.meetingLink().map(link -> "Digitalt möte: " + link).orElse("Digitalt möte"))
      : appointment.office();
    String description = organizer + (appointment.interpreterLanguage().isPresent()
      ? ". Tolk: " + appointment.interpreterLanguage().get() : "");
    return new Event(appointment.id() + "@socialportalen", appointment.start(), appointment.end(), summary,
      description, location);
  }

  static String write(List<Event> events, Instant stamp) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Socialportalen//Familjeratt//SV");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    for (Event event : events) {
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + event.uid());
      line(ics, "DTSTAMP:" + UTC.format(stamp));
      line(ics, "DTSTART:" + UTC.format(event.start()));
      line(ics, "DTEND:" + UTC.format(event.end()));
      line(ics, "SUMMARY:" + escape(event.summary()));
      line(ics, "DESCRIPTION:" + escape(event.description()));
      event.location().ifPresent(location -> line(ics, "LOCATION:" + escape(location)));
      line(ics, "STATUS:CONFIRMED");
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
  }

  /** Lines end in CRLF and are folded at 75 octets (a space starts each continuation), never inside a character. */
  private static void line(StringBuilder ics, String content) {
    StringBuilder current = new StringBuilder();
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int size = character.getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        ics.append(current).append("\r\n ");
        current.setLength(0);
        octets = 0;
        limit = 74;
      }
      current.append(character);
      octets += size;
      i += Character.charCount(codePoint);
    }
    ics.append(current).append("\r\n");
  }
}
