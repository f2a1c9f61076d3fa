package se.socialportal.familjeratt;

import se.socialportal.identity.PersonRepository;
import se.socialportal.rules.FamiljerattRules;
import se.socialportal.rules.TenantDetails;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The intyg a parent shows the court: that they took part in an informationssamtal (föräldrabalken 6 kap. 17 c §
 * requires one within the year before a case on vårdnad, boende or umgänge).
 */
final class Intyg {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"))
    .withZone(Calendar.ZONE);

  private Intyg() {
  }

  static FamiljerattPdf.Content content(FamiljerattRules.Service service, PersonRepository.Person person, Instant held,
                                        String staffName, Optional<TenantDetails> tenant, Instant issued) {
    String number = person.personnummer().value();
    String heading = "Intyg om " + service.label("sv").toLowerCase(Locale.forLanguageTag("sv-SE"));
    return new FamiljerattPdf.Content(heading, heading, List.of(
      "Härmed intygas att " + person.displayName() + " (" + number.substring(0, 8) + "-" + number.substring(8)
        + ") den " + DATE.format(held) + " har deltagit i " + service.label("sv").toLowerCase(Locale.forLanguageTag("sv-SE"))
        + " hos familjerätten.",
      "Samtalet hölls enligt " + service.legalBasis() + ". Intyget visar att kravet på informationssamtal före en "
        + "talan om vårdnad, boende eller umgänge är uppfyllt; det gäller i ett år från samtalet."),
      List.of(staffName + ", familjerättssekreterare", "Familjerätten, " + tenant.map(TenantDetails::namnd).orElse("")
        + ", " + tenant.map(TenantDetails::name).orElse(""), "Utfärdat " + DATE.format(issued)));
  }
}
