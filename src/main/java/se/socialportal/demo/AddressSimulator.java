package se.socialportal.demo;

import io.vertx.core.Future;
import se.socialportal.letters.print.PostalAddressSource;

import java.util.Map;
import java.util.Optional;

/**
 * A SIMULATOR of a folkbokföring address lookup for demo mode and tests — not a connection to Skatteverket. It knows
 * the demo's test identities (bankid.simulator.TestIdentities and the demo cases) and has no address for anyone else.
 * The addresses are invented, in the fictitious Demo kommun. Signe (skyddad folkbokföring) has one too, so that a
 * print batch which wrongly asked for it would show it: the print batch never asks for a protected person.
 */
public final class AddressSimulator implements PostalAddressSource {

  private static final Map<String, PostalAddress> ADDRESSES = Map.of(
    "191212121212", address("Tolvansgatan 12", "999 91", "Demostad"),
    "198001019804", address("Testvägen 1 lgh 1101", "999 92", "Demostad"),
    "198503159827", address("Hemliga vägen 1", "999 99", "Hemort"),
    "199207049843", address("Demogränd 7", "999 93", "Demostad"),
    "200502289861", address("Studentvägen 4 B", "999 94", "Demostad"),
    "198506129819", address("Stickgatan 3", "999 95", "Demostad"),
    "197703039821", address("Manuellsvägen 21", "999 96", "Demostad"),
    "196909159839", address("Grannbacken 9", "888 81", "Grannby"),
    "198611219810", address("Pappersbruksgatan 5", "999 97", "Demostad"));

  @Override
  public Future<Optional<PostalAddress>> lookup(Query query) {
    return Future.succeededFuture(Optional.ofNullable(ADDRESSES.get(query.personnummer())));
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public String name() {
    return "simulator";
  }

  private static PostalAddress address(String street, String postalCode, String city) {
    return new PostalAddress(Optional.empty(), street, postalCode, city);
  }
}
