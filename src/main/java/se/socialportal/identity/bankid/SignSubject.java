package se.socialportal.identity.bankid;

import java.util.Objects;

/**
 * What a signature is about: the kind of thing signed — which names the room that handles its completion — and that
 * room's own reference to it. Stored on the order as {@code <kind>:<reference>}; this record is the only place that
 * joins or splits the two.
 */
public record SignSubject(String kind, String reference) {

  public SignSubject {
    if (kind == null || !kind.matches("[a-z][a-z_]{0,39}")) {
      throw new IllegalArgumentException("a sign subject's kind is a lower-case word: " + kind);
    }
    Objects.requireNonNull(reference, "reference");
    if (reference.isEmpty()) {
      throw new IllegalArgumentException("a sign subject needs a reference");
    }
  }

  /** As stored in {@code bankid_order.subject}. */
  public String stored() {
    return kind + ":" + reference;
  }

  /** The stored form read back: the kind is everything before the first colon, the reference the rest. */
  public static SignSubject parse(String stored) {
    int colon = stored.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a sign subject: " + stored);
    }
    return new SignSubject(stored.substring(0, colon), stored.substring(colon + 1));
  }
}
