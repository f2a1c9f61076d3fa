package se.socialportal.letters.print;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The folkbokföring address lookup the print batch addresses its letters with (Navet or a municipality's population
 * register service). The system stores no postal address: each batch asks again, and only for recipients without
 * protection — a person with skyddad folkbokföring or sekretessmarkering is never looked up ({@link Addressing}).
 * This project ships the demo's simulator (demo mode, tests) and {@link NoPostalAddressSource}; a real connection is a
 * municipality's integration behind this interface.
 *
 * <p>Implementations never block the event loop. An empty answer means the register has no postal address for the
 * person; a failed future means the source itself could not answer.
 */
public interface PostalAddressSource {

  /** Who to look up: {@code toString} masks the personnummer so it cannot slip into a log line. */
  record Query(UUID personId, String personnummer) {
    @Override
    public String toString() {
      return "Query[" + personId + "]";
    }
  }

  /** A postal address as the register gives it; {@code toString} masks it so it cannot slip into a log line. */
  record PostalAddress(Optional<String> careOf, String street, String postalCode, String city) {
    public List<String> lines() {
      return careOf.map(co -> List.of("c/o " + co, street, postalCode + " " + city))
        .orElse(List.of(street, postalCode + " " + city));
    }

    @Override
    public String toString() {
      return "PostalAddress[masked]";
    }
  }

  Future<Optional<PostalAddress>> lookup(Query query);

  /** False when no source is connected: then the print batch cannot address letters and says so. */
  boolean connected();

  /** A short name for the page and the log, e.g. "simulator". */
  String name();
}
