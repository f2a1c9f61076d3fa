package se.socialportal.letters.print;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Addresses one copy of a letter per recipient. A recipient with skyddad folkbokföring or sekretessmarkering is never
 * looked up: the copy goes through Skatteverket's postförmedling — the outer envelope to Skatteverket's forwarding
 * address, the letter in a sealed inner envelope marked with the recipient's personnummer and name. Everyone else is
 * looked up in the folkbokföring source; a person it has no address for leaves the whole letter waiting.
 */
public final class Addressing {

  /** Skatteverket's forwarding address for post to people with protected personal data. */
  static final List<String> FORWARDING = List.of("Skatteverket", "Förmedlingsuppdrag", "Box 2820", "403 20 Göteborg");

  /** A recipient of a letter, from the person register. {@code toString} masks the personnummer. */
  public record Recipient(UUID personId, String personnummer, String name, String protection) {
    public boolean isProtected() {
      return !"none".equals(protection);
    }

    @Override
    public String toString() {
      return "Recipient[" + personId + "]";
    }
  }

  /**
   * One copy's address sheet: the lines in the envelope's window, and for forwarded post what goes on the inner
   * envelope. {@code toString} masks both.
   */
  public record Sheet(UUID personId, List<String> window, Optional<String> innerEnvelope) {
    public boolean forwarded() {
      return innerEnvelope.isPresent();
    }

    @Override
    public String toString() {
      return "Sheet[" + personId + (forwarded() ? ", forwarded" : "") + "]";
    }
  }

  private final PostalAddressSource source;

  public Addressing(PostalAddressSource source) {
    this.source = source;
  }

  /** One sheet per recipient in their order, or empty when someone has no postal address in the register. */
  public Future<Optional<List<Sheet>>> sheets(List<Recipient> recipients) {
    Future<List<Optional<Sheet>>> chain = Future.succeededFuture(new ArrayList<>());
    for (Recipient recipient : recipients) {
      chain = chain.compose(sheets -> sheet(recipient).map(sheet -> {
        sheets.add(sheet);
        return sheets;
      }));
    }
    return chain.map(sheets -> sheets.stream().allMatch(Optional::isPresent)
      ? Optional.of(sheets.stream().map(Optional::get).toList()) : Optional.empty());
  }

  private Future<Optional<Sheet>> sheet(Recipient recipient) {
    if (recipient.isProtected()) {
      List<String> window = new ArrayList<>();
      window.addAll(FORWARDING);
      return Future.succeededFuture(Optional.of(new Sheet(recipient.personId(), List.copyOf(window),
        Optional.of(recipient.name() + ", " + formatted(recipient.personnummer())))));
    }
    return source.lookup(new PostalAddressSource.Query(recipient.personId(), recipient.personnummer()))
      .map(found -> found.map(address -> {
        List<String> window = new ArrayList<>();
        window.add(recipient.name());
        window.addAll(address.lines());
        return new Sheet(recipient.personId(), List.copyOf(window), Optional.empty());
      }));
  }

  /** ÅÅÅÅMMDD-NNNN, as people write it on an envelope. */
  static String formatted(String personnummer) {
    return personnummer.length() == 12 ? personnummer.substring(0, 8) + "-" + personnummer.substring(8) : personnummer;
  }
}
