package se.socialportal.payment.attest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Why a payment cannot be attested by this person now. Pure: the same answer for the list the attestant reads and for
 * the attest itself.
 *
 * <ul>
 *   <li>{@code attest_self} — the attestant decided the case or prepared it (a second person attests, never the one
 *       who decided or prepared);</li>
 *   <li>{@code attest_over_limit} — the amount is above the attestant's limit (no limit: nothing may be attested);</li>
 *   <li>{@code attest_no_account} — the payee has no payout account (the handläggare uses the municipality's
 *       alternative route and records it);</li>
 *   <li>{@code attest_account_changed} — the payee changed account within the calendar's hold days before the
 *       execution date and no handläggare has checked the change (a known fraud pattern);</li>
 *   <li>{@code attest_account_rejected} — the bank rejected the previous payment for a reason about the account, and
 *       the account is still the same one.</li>
 * </ul>
 */
public final class AttestRules {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /** Reasons the bank gives about the creditor's account itself (ISO external status reason codes). */
  private static final Set<String> ACCOUNT_REASONS = Set.of("AC01", "AC02", "AC03", "AC04", "AC06", "AC13", "BE01",
    "BE04", "RC01", "MD07", "CNOR");

  /** What the rules look at for one payment. */
  public record Facts(BigDecimal amount, LocalDate executionDate, Optional<UUID> decidedBy, List<UUID> preparedBy,
                      Optional<UUID> accountId, Optional<Instant> accountRegisteredAt, boolean accountIsChange,
                      Optional<UUID> accountCheckedId, Optional<String> previousFailureCode,
                      Optional<UUID> previousAccountId) {
  }

  private AttestRules() {
  }

  public static List<String> blockers(Facts facts, UUID attestant, Optional<BigDecimal> limit, int holdDays) {
    List<String> blockers = new ArrayList<>();
    if (facts.decidedBy().filter(attestant::equals).isPresent() || facts.preparedBy().contains(attestant)) {
      blockers.add("attest_self");
    }
    if (limit.isEmpty() || facts.amount().compareTo(limit.get()) > 0) {
      blockers.add("attest_over_limit");
    }
    if (facts.accountId().isEmpty()) {
      blockers.add("attest_no_account");
      return blockers;
    }
    if (held(facts, holdDays)) {
      blockers.add("attest_account_changed");
    }
    if (facts.previousFailureCode().filter(ACCOUNT_REASONS::contains).isPresent()
        && facts.previousAccountId().equals(facts.accountId())) {
      blockers.add("attest_account_rejected");
    }
    return blockers;
  }

  /** A changed account registered within the hold days before the execution date, not yet checked by staff. */
  public static boolean held(Facts facts, int holdDays) {
    if (facts.accountId().isEmpty() || !facts.accountIsChange() || facts.accountRegisteredAt().isEmpty()) {
      return false;
    }
    if (facts.accountCheckedId().equals(facts.accountId())) {
      return false;
    }
    LocalDate changed = LocalDate.ofInstant(facts.accountRegisteredAt().get(), STOCKHOLM);
    return !changed.isBefore(facts.executionDate().minusDays(holdDays));
  }
}
