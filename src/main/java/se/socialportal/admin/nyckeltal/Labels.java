package se.socialportal.admin.nyckeltal;

import se.socialportal.rules.delegation.DecisionType;

import java.util.Map;

/** The Swedish words the exports print for codes (the pages take theirs from webroot/i18n). */
public final class Labels {

  private static final Map<String, String> OUTCOMES = Map.of("bifall", "Bifall", "delvis_bifall", "Delvis bifall",
    "avslag", "Avslag", "avslutad", "Avslutad", "beslutat", "Beslutat");
  private static final Map<String, String> REASONS = Map.ofEntries(
    Map.entry("bifall_norm", "Bifall enligt riksnorm"),
    Map.entry("delvis_skalig_kostnad", "Kostnad över skälig nivå"),
    Map.entry("avslag_normoverskott", "Inkomsterna täcker behovet (normöverskott)"),
    Map.entry("avslag_tillgangar", "Tillgångar som kan användas"),
    Map.entry("avslag_ej_styrkt", "Behovet är inte styrkt"),
    Map.entry("avslag_livsforing", "Livsföring i övrigt, inte skäligt behov"),
    Map.entry("avslag_behov", "Behovet avslås"),
    Map.entry("avslut_utan_atgard", "Utredningen avslutas utan åtgärd"),
    Map.entry("ingen_angiven", "Ingen orsak angiven"));
  private static final Map<String, String> FAMILY = Map.of(
    "ensamstaende_utan_barn", "Ensamstående utan barn",
    "ensamstaende_kvinna_med_barn", "Ensamstående kvinna med barn",
    "ensamstaende_man_med_barn", "Ensamstående man med barn",
    "ensamstaende_med_barn_okant_kon", "Ensamstående med barn, kön okänt",
    "sammanboende_utan_barn", "Sammanboende utan barn",
    "sammanboende_med_barn", "Sammanboende med barn");
  private static final Map<String, String> CHANNELS = Map.of("digital", "E-tjänsten", "assisted",
    "Med hjälp av personal", "paper", "Pappersansökan");
  private static final Map<String, String> WHY = Map.of("not_planned", "Ingen utbetalning planerad",
    "no_account", "Konto saknas", "awaiting_attest", "Väntar på attest", "awaiting_file", "Väntar på betalfil",
    "not_booked", "Skickad, inte bokförd av banken", "rejected", "Avvisad av banken",
    "executed_late", "Verkställt efter tre månader");

  private Labels() {
  }

  /** The reason codes decisions carry (the motivering templates' and casework's own). */
  public static java.util.Set<String> reasonCodes() {
    return REASONS.keySet();
  }

  /** Why a granted decision waits (the payment room's EjVerkstallda.why), and executed_late. */
  public static java.util.Set<String> whyCodes() {
    return WHY.keySet();
  }

  public static String decisionType(String code) {
    return DecisionType.fromCode(code).map(DecisionType::label).orElse(code);
  }

  public static String outcome(String code) {
    return OUTCOMES.getOrDefault(code, code);
  }

  public static String reason(String code) {
    return REASONS.getOrDefault(code, code);
  }

  public static String familyType(String code) {
    return FAMILY.getOrDefault(code, code);
  }

  public static String channel(String code) {
    return CHANNELS.getOrDefault(code, code);
  }

  public static String why(String code) {
    return WHY.getOrDefault(code, code);
  }

  /** A decimal as Swedish print shows it (comma), or a dash for nothing to show. */
  public static String number(String value) {
    return value == null ? "–" : value.replace('.', ',');
  }

  /** A CSV field: quoted when it holds the separator, a quote or a line break. */
  public static String csv(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("(?s).*[;\"\\r\\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
