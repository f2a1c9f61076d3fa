package se.socialportal.payment.attest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Attest rules: a second person, within the limit, to a known, checked, not rejected account")
class AttestRulesTest {

  private static final UUID DECIDER = UUID.randomUUID();
  private static final UUID OWNER = UUID.randomUUID();
  private static final UUID ATTESTANT = UUID.randomUUID();
  private static final UUID ACCOUNT = UUID.randomUUID();
  private static final Optional<BigDecimal> LIMIT = Optional.of(new BigDecimal("10000"));
  private static final LocalDate EXECUTION = LocalDate.of(2026, 4, 24);

  private static AttestRules.Facts facts(BigDecimal amount, Optional<UUID> account, Instant registered, boolean change,
                                         Optional<UUID> checked, Optional<String> previousFailure) {
    return new AttestRules.Facts(amount, EXECUTION, Optional.of(DECIDER), List.of(OWNER), account,
      Optional.of(registered), change, checked, previousFailure, previousFailure.map(code -> ACCOUNT));
  }

  private static AttestRules.Facts ordinary() {
    return facts(new BigDecimal("7520"), Optional.of(ACCOUNT), Instant.parse("2026-01-10T10:00:00Z"), false,
      Optional.empty(), Optional.empty());
  }

  @Test
  @DisplayName("an ordinary payment has nothing in the way")
  void ordinaryPayment() {
    assertEquals(List.of(), AttestRules.blockers(ordinary(), ATTESTANT, LIMIT, 7));
  }

  @Test
  @DisplayName("never the one who decided, never the one who prepared")
  void noSelfAttest() {
    assertEquals(List.of("attest_self"), AttestRules.blockers(ordinary(), DECIDER, LIMIT, 7));
    assertEquals(List.of("attest_self"), AttestRules.blockers(ordinary(), OWNER, LIMIT, 7));
  }

  @Test
  @DisplayName("above the limit, or without a limit, is refused; exactly the limit is allowed")
  void limit() {
    assertEquals(List.of("attest_over_limit"), AttestRules.blockers(ordinary(), ATTESTANT,
      Optional.of(new BigDecimal("7519.99")), 7));
    assertEquals(List.of("attest_over_limit"), AttestRules.blockers(ordinary(), ATTESTANT, Optional.empty(), 7));
    assertEquals(List.of(), AttestRules.blockers(ordinary(), ATTESTANT, Optional.of(new BigDecimal("7520.00")), 7));
  }

  @Test
  @DisplayName("no account: the alternative route, not an attest")
  void noAccount() {
    AttestRules.Facts none = facts(new BigDecimal("7520"), Optional.empty(), Instant.EPOCH, false, Optional.empty(),
      Optional.empty());
    assertEquals(List.of("attest_no_account"), AttestRules.blockers(none, ATTESTANT, LIMIT, 7));
  }

  @Test
  @DisplayName("an account changed within the hold days before the payout holds it until a handläggare has checked it")
  void changedAccount() {
    AttestRules.Facts recent = facts(new BigDecimal("7520"), Optional.of(ACCOUNT),
      Instant.parse("2026-04-20T08:00:00Z"), true, Optional.empty(), Optional.empty());
    assertEquals(List.of("attest_account_changed"), AttestRules.blockers(recent, ATTESTANT, LIMIT, 7));
    AttestRules.Facts checked = facts(new BigDecimal("7520"), Optional.of(ACCOUNT),
      Instant.parse("2026-04-20T08:00:00Z"), true, Optional.of(ACCOUNT), Optional.empty());
    assertEquals(List.of(), AttestRules.blockers(checked, ATTESTANT, LIMIT, 7));
    AttestRules.Facts firstAccount = facts(new BigDecimal("7520"), Optional.of(ACCOUNT),
      Instant.parse("2026-04-20T08:00:00Z"), false, Optional.empty(), Optional.empty());
    assertEquals(List.of(), AttestRules.blockers(firstAccount, ATTESTANT, LIMIT, 7), "a first account is not a change");
    AttestRules.Facts longAgo = facts(new BigDecimal("7520"), Optional.of(ACCOUNT),
      Instant.parse("2026-04-16T08:00:00Z"), true, Optional.empty(), Optional.empty());
    assertEquals(List.of(), AttestRules.blockers(longAgo, ATTESTANT, LIMIT, 7), "eight days before is outside seven");
  }

  @Test
  @DisplayName("the bank rejected the last payment to this very account for an account reason: wait for another")
  void rejectedAccount() {
    AttestRules.Facts closed = facts(new BigDecimal("7520"), Optional.of(ACCOUNT), Instant.parse("2026-01-10T10:00:00Z"),
      false, Optional.empty(), Optional.of("AC04"));
    assertEquals(List.of("attest_account_rejected"), AttestRules.blockers(closed, ATTESTANT, LIMIT, 7));
    AttestRules.Facts funds = facts(new BigDecimal("7520"), Optional.of(ACCOUNT), Instant.parse("2026-01-10T10:00:00Z"),
      false, Optional.empty(), Optional.of("AM04"));
    assertEquals(List.of(), AttestRules.blockers(funds, ATTESTANT, LIMIT, 7), "the municipality's funds, not the account");
  }
}
