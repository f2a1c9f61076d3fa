package se.socialportal.familjeratt;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of familjerätt's e-mail and SMS, in Swedish. Deliberately short of details: the service and the time of the
 * resident's own meeting, never an address, never the other parent — the rest is on Mina sidor after login.
 */
final class MessageTexts {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm",
    Locale.forLanguageTag("sv-SE")).withZone(Calendar.ZONE);

  /** Subject and first sentence per kind; {service} is the service's name. */
  private static final Map<String, String[]> TEXTS = Map.of(
    NotificationRepository.CONFIRMATION_REQUESTED, new String[] {"Bekräfta en bokning: {service}",
      "Du har fått en förfrågan om {service}. Logga in på Mina sidor och bekräfta med BankID inom ett dygn, annars släpps tiden."},
    NotificationRepository.BOOKING_CONFIRMED, new String[] {"Bokningen är bekräftad: {service}",
      "Din bokning av {service} är bekräftad."},
    NotificationRepository.BOOKING_RELEASED, new String[] {"Bokningen släpptes: {service}",
      "Den andra föräldern bekräftade inte bokningen av {service} i tid, så tiden har släppts. Du kan boka en ny tid på Mina sidor."},
    NotificationRepository.BOOKING_DECLINED, new String[] {"Bokningen blev inte av: {service}",
      "Den andra föräldern har tackat nej till {service}. Tiden har släppts."},
    NotificationRepository.BOOKING_CANCELLED, new String[] {"Bokningen är avbokad: {service}",
      "Bokningen av {service} är avbokad. Se Mina sidor."},
    NotificationRepository.APPOINTMENT_MOVED, new String[] {"Ny tid: {service}",
      "Ditt möte om {service} har flyttats."},
    NotificationRepository.APPOINTMENT_BOOKED, new String[] {"Nytt möte: {service}",
      "Familjerätten har bokat ett möte om {service} med dig."},
    NotificationRepository.REMINDER, new String[] {"Påminnelse: {service}",
      "Påminnelse om ditt möte om {service}."});

  private MessageTexts() {
  }

  /** A message's subject, body and SMS text. */
  record Text(String subject, String body, String sms) {
  }

  static Text of(String kind, String service, List<Instant> times, String municipality, String link) {
    String[] words = TEXTS.getOrDefault(kind, new String[] {"Familjerätten: {service}",
      "Det finns nyheter om din bokning av {service} på Mina sidor."});
    String subject = words[0].replace("{service}", service);
    String first = words[1].replace("{service}", service);
    StringBuilder body = new StringBuilder(first).append("\n\n");
    for (Instant time : times) {
      body.append("Tid: ").append(WHEN.format(time)).append('\n');
    }
    if (!times.isEmpty()) {
      body.append('\n');
    }
    body.append("Mer om bokningen, plats och hur du avbokar finns på Mina sidor: ").append(link).append("\n\n")
      .append("Familjerätten, ").append(municipality).append('\n')
      .append("Det här meddelandet går inte att svara på.\n");
    String sms = first + (times.isEmpty() ? "" : " Tid: " + WHEN.format(times.get(0)) + ".") + " Se Mina sidor. /Familjerätten, "
      + municipality;
    return new Text(subject, body.toString(), sms);
  }
}
