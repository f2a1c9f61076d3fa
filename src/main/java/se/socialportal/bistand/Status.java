package se.socialportal.bistand;

import java.util.Locale;
import java.util.Set;

/** An application's status, as stored in {@code application.status}. See docs/application.md for the transitions. */
public enum Status {
  DRAFT, AWAITING_COSIGNATURE, SUBMITTED, UNDER_REVIEW, KOMPLETTERING_REQUESTED, DECIDED, PAID, PAYMENT_FAILED,
  WITHDRAWN;

  /** The statuses from which the applicant may withdraw (a draft is discarded the same way). */
  public static final Set<Status> WITHDRAWABLE = Set.of(DRAFT, AWAITING_COSIGNATURE, SUBMITTED, UNDER_REVIEW,
    KOMPLETTERING_REQUESTED);

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status of(String db) {
    return valueOf(db.toUpperCase(Locale.ROOT));
  }
}
