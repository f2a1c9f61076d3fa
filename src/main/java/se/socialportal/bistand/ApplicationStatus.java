package se.socialportal.bistand;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An application's status, as stored in {@code application.status} (the CHECK constraint lists the same values;
 * ApplicationStatusTest keeps them equal), and the moves between statuses — the one place they are written down.
 * Every room that moves an application does it through {@link ApplicationRepository#move}, which refuses any other
 * move.
 *
 * <pre>
 * draft → awaiting_cosignature → submitted → under_review ⇄ komplettering_requested → decided → paid | payment_failed
 * awaiting_cosignature → draft (the co-applicant declined or did not sign in time)
 * submitted | komplettering_requested → decided (a decision, the robot's or a handläggare's, straight away)
 * submitted → komplettering_requested (a stickprov's document request)
 * payment_failed → paid (a failed payment paid again); paid → payment_failed (the bank returned a booked payment)
 * any status before decided → withdrawn
 * </pre>
 */
public enum ApplicationStatus {
  DRAFT, AWAITING_COSIGNATURE, SUBMITTED, UNDER_REVIEW, KOMPLETTERING_REQUESTED, DECIDED, PAID, PAYMENT_FAILED,
  WITHDRAWN;

  /** The statuses from which the applicant may withdraw (a draft is discarded the same way). */
  public static final Set<ApplicationStatus> WITHDRAWABLE = Set.of(DRAFT, AWAITING_COSIGNATURE, SUBMITTED,
    UNDER_REVIEW, KOMPLETTERING_REQUESTED);
  /** Sent in and not decided: a handläggare (or the robot) works on the case. */
  public static final Set<ApplicationStatus> IN_CASEWORK = Set.of(SUBMITTED, UNDER_REVIEW, KOMPLETTERING_REQUESTED);
  /** Not sent in yet: only the household sees it. */
  public static final Set<ApplicationStatus> BEFORE_SUBMISSION = Set.of(DRAFT, AWAITING_COSIGNATURE);
  /** Decided, whatever happened to the payment since. */
  public static final Set<ApplicationStatus> DECIDED_OR_LATER = Set.of(DECIDED, PAID, PAYMENT_FAILED);

  private static final Map<ApplicationStatus, Set<ApplicationStatus>> MOVES = Map.of(
    DRAFT, EnumSet.of(AWAITING_COSIGNATURE, SUBMITTED, WITHDRAWN),
    AWAITING_COSIGNATURE, EnumSet.of(DRAFT, SUBMITTED, WITHDRAWN),
    SUBMITTED, EnumSet.of(UNDER_REVIEW, KOMPLETTERING_REQUESTED, DECIDED, WITHDRAWN),
    UNDER_REVIEW, EnumSet.of(KOMPLETTERING_REQUESTED, DECIDED, WITHDRAWN),
    KOMPLETTERING_REQUESTED, EnumSet.of(UNDER_REVIEW, DECIDED, WITHDRAWN),
    DECIDED, EnumSet.of(PAID, PAYMENT_FAILED),
    PAYMENT_FAILED, EnumSet.of(PAID),
    // The bank may return a payment it booked (a closed account): the case shows the failure until it is paid again.
    PAID, EnumSet.of(PAYMENT_FAILED),
    WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class));

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ApplicationStatus of(String db) {
    return valueOf(db.toUpperCase(Locale.ROOT));
  }

  /** Staying where it is counts as allowed (a second komplettering request while one is open). */
  public boolean canMoveTo(ApplicationStatus next) {
    return next == this || MOVES.get(this).contains(next);
  }

  /** The statuses this one may move to. */
  public Set<ApplicationStatus> next() {
    return Set.copyOf(MOVES.get(this));
  }

  /** @throws IllegalStateException for a move the status machine does not have (a bug, never a user's mistake) */
  public void requireMoveTo(ApplicationStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("an application cannot move from " + db() + " to " + next.db());
    }
  }

  /** "('submitted', 'under_review')" for SQL written around these statuses (constants, never user input). */
  public static String sqlList(Set<ApplicationStatus> statuses) {
    return statuses.stream().sorted().map(status -> "'" + status.db() + "'")
      .collect(Collectors.joining(", ", "(", ")"));
  }
}
