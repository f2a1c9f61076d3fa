package se.socialportal.bistand.notify;

import java.util.Map;

/** What a notification says. Deliberately without details: the resident logs in to Mina sidor to read more. */
final class NotificationTexts {

  private static final Map<String, String> SWEDISH = Map.of(
    Notifier.COSIGN_REQUESTED, "Du har en ansökan om ekonomiskt bistånd att skriva under. Logga in på Mina sidor.",
    Notifier.COSIGN_REMINDER, "Påminnelse: en ansökan om ekonomiskt bistånd väntar på din underskrift på Mina sidor.",
    Notifier.COSIGN_EXPIRED, "Din ansökan blev inte underskriven av din medsökande i tid. Den finns kvar som utkast på Mina sidor.",
    Notifier.COSIGN_DECLINED, "Din medsökande har inte skrivit under ansökan. Den finns kvar som utkast på Mina sidor.",
    Notifier.SUBMITTED, "Din ansökan om ekonomiskt bistånd har kommit in. Du kan följa den på Mina sidor.",
    Notifier.WITHDRAWN, "En ansökan om ekonomiskt bistånd som du ingår i har återkallats. Se Mina sidor.",
    Notifier.KOMPLETTERING_REQUESTED, "Din handläggare behöver fler uppgifter. Logga in på Mina sidor.",
    Notifier.MESSAGE_FROM_STAFF, "Du har fått ett meddelande från din handläggare på Mina sidor.");

  private NotificationTexts() {
  }

  static String swedish(String kind) {
    return SWEDISH.getOrDefault(kind, "Det finns nyheter i ditt ärende på Mina sidor.");
  }
}
