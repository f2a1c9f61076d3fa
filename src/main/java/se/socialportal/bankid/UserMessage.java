package se.socialportal.bankid;

import java.util.Locale;
import java.util.Optional;

/**
 * BankID's recommended user messages (RFA = "recommended feedback to the user"), in Swedish and English, and which
 * one to show for a collect answer or an error. Where BankID words a message differently for a flow, the second
 * text pair is the variant: RFA14 on a phone or tablet, RFA17 for a QR code.
 */
public enum UserMessage {
  RFA1("Starta BankID-appen.", "Start your BankID app."),
  RFA3("Åtgärden avbruten. Försök igen.", "Action cancelled. Please try again."),
  RFA4("En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen.",
    "An identification or signing for this personal number is already started. Please try again."),
  RFA5("Internt tekniskt fel. Försök igen.", "Internal error. Please try again."),
  RFA6("Åtgärden avbruten.", "Action cancelled."),
  RFA8("BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Om du inte har "
    + "något giltigt BankID kan du skaffa ett hos din bank. Försök sedan igen.",
    "The BankID app is not responding. Please check that it is started and that you have internet access. If you "
      + "don't have a valid BankID you can get one from your bank. Try again."),
  RFA9("Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.",
    "Enter your security code in the BankID app and select Identify or Sign."),
  RFA13("Försöker starta BankID-appen.", "Trying to start your BankID app."),
  RFA14("Söker efter BankID, det kan ta en liten stund … Om det har gått några sekunder och inget BankID har hittats "
    + "har du sannolikt inget BankID som går att använda för den aktuella identifieringen/underskriften i den här "
    + "datorn. Om du har ett BankID-kort, sätt in det i kortläsaren. Om du inte har något BankID kan du skaffa ett hos "
    + "din bank. Om du har ett BankID på en annan enhet kan du starta din BankID-app där.",
    "Searching for BankID, it may take a little while … If a few seconds have passed and still no BankID has been "
      + "found, you probably don't have a BankID which can be used for this identification/signing on this computer. "
      + "If you have a BankID card, please insert it into your card reader. If you don't have a BankID you can get "
      + "one from your bank. If you have a BankID on another device you can start the BankID app on that device.",
    "Söker efter BankID, det kan ta en liten stund … Om det har gått några sekunder och inget BankID har hittats "
      + "har du sannolikt inget BankID som går att använda för den aktuella identifieringen/underskriften i den här "
      + "enheten. Om du inte har något BankID kan du skaffa ett hos din bank. Om du har ett BankID på en annan enhet "
      + "kan du starta din BankID-app där.",
    "Searching for BankID, it may take a little while … If a few seconds have passed and still no BankID has been "
      + "found, you probably don't have a BankID which can be used for this identification/signing on this device. "
      + "If you don't have a BankID you can get one from your bank. If you have a BankID on another device you can "
      + "start the BankID app on that device."),
  RFA16("Det BankID du försöker använda är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt "
    + "hos din bank.",
    "The BankID you are trying to use is blocked or too old. Please use another BankID or get a new one from your "
      + "bank."),
  RFA17("BankID-appen verkar inte finnas i din dator eller telefon. Installera den och skaffa ett BankID hos din "
    + "bank. Installera appen från din appbutik eller https://install.bankid.com.",
    "The BankID app couldn't be found on your computer or mobile device. Please install it and get a BankID from "
      + "your bank. Install the app from your app store or https://install.bankid.com.",
    "Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden. Kontrollera att BankID-appen är "
      + "uppdaterad. Om du inte har BankID-appen måste du installera den och skaffa ett BankID hos din bank. "
      + "Installera appen från din appbutik eller https://install.bankid.com.",
    "Failed to scan the QR code. Start the BankID app and scan the QR code. Check that the BankID app is up to date. "
      + "If you don't have the BankID app, you need to install it and get a BankID from your bank. Install the app "
      + "from your app store or https://install.bankid.com."),
  RFA21("Identifiering eller underskrift pågår.", "Identification or signing in progress."),
  RFA22("Okänt fel. Försök igen.", "Unknown error. Please try again."),
  RFA23("Fotografera och läs av din ID-handling med BankID-appen.",
    "Process your machine-readable travel document using the BankID app.");

  private final String swedish;
  private final String english;
  private final String swedishVariant;
  private final String englishVariant;

  UserMessage(String swedish, String english) {
    this(swedish, english, swedish, english);
  }

  UserMessage(String swedish, String english, String swedishVariant, String englishVariant) {
    this.swedish = swedish;
    this.english = english;
    this.swedishVariant = swedishVariant;
    this.englishVariant = englishVariant;
  }

  public String swedish(Flow flow) {
    return usesVariant(flow) ? swedishVariant : swedish;
  }

  public String english(Flow flow) {
    return usesVariant(flow) ? englishVariant : english;
  }

  /** English for an English locale, Swedish for everything else. */
  public String text(Locale locale, Flow flow) {
    return locale != null && "en".equals(locale.getLanguage()) ? english(flow) : swedish(flow);
  }

  /** Whether the flow gets the message's second wording (RFA14 on a phone or tablet, RFA17 for a QR code). */
  public boolean usesVariant(Flow flow) {
    switch (this) {
      case RFA14:
        return flow == Flow.SAME_DEVICE_MOBILE || flow == Flow.PHONE_CALL;
      case RFA17:
        return flow == Flow.QR_CODE;
      default:
        return false;
    }
  }

  /** The message for a collect answer; empty for a complete order (nothing to say but "done"). */
  public static Optional<UserMessage> forCollect(CollectResult result, Flow flow) {
    switch (result.status()) {
      case COMPLETE:
        return Optional.empty();
      case PENDING:
        return Optional.of(forPending(result.hintCode(), flow));
      case FAILED:
        return Optional.of(forFailed(result.hintCode()));
      default:
        return Optional.of(RFA22);
    }
  }

  private static UserMessage forPending(HintCode hint, Flow flow) {
    if (hint == null) {
      return RFA21;
    }
    switch (hint) {
      case OUTSTANDING_TRANSACTION:
        return flow.sameDevice() ? RFA13 : RFA1;
      case NO_CLIENT:
        return RFA1;
      case STARTED:
        return RFA14;
      case USER_MRTD:
        return RFA23;
      case USER_SIGN:
        return RFA9;
      default:
        return RFA21;
    }
  }

  private static UserMessage forFailed(HintCode hint) {
    if (hint == null) {
      return RFA22;
    }
    switch (hint) {
      case EXPIRED_TRANSACTION:
        return RFA8;
      case CERTIFICATE_ERR:
        return RFA16;
      case USER_CANCEL:
      case USER_DECLINED_CALL:
        return RFA6;
      case CANCELLED:
        return RFA3;
      case START_FAILED:
        return RFA17;
      default:
        return RFA22;
    }
  }

  /**
   * The message for a failed call. Errors that mean a fault on our side (invalid parameters, no access, wrong path or
   * media type) are shown as an internal error, never as a problem with the user's BankID.
   */
  public static UserMessage forError(ErrorCode code) {
    switch (code) {
      case ALREADY_IN_PROGRESS:
        return RFA4;
      case UNKNOWN:
        return RFA22;
      default:
        return RFA5;
    }
  }
}
