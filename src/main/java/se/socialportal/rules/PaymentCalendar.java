package se.socialportal.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A municipality's payment calendar as robots/tenants/&lt;id&gt;/payment-calendar-*.json gives it: who pays (the payment
 * file's initiating party and debtor), the cut-off, the monthly payout day, the days it makes no payments beyond the
 * banks' own, how long a changed account holds a payment, when a granted part counts as not carried out, whether
 * residents may give a giro number, what to do for someone without an account, and the accounts paid from with where
 * each decision type is booked.
 */
public record PaymentCalendar(String version, Payer payer, LocalTime cutOffTime, int cutOffBankingDaysBefore,
                              OptionalInt monthlyPayoutDay, Set<LocalDate> extraClosedDays, int accountChangeHoldDays,
                              int unpaidAfterDays, boolean giroAccepted, Map<String, String> alternativeRoute,
                              Optional<String> categoryPurpose, List<DebtorAccount> debtorAccounts) {

  public PaymentCalendar {
    extraClosedDays = Set.copyOf(extraClosedDays);
    alternativeRoute = Map.copyOf(alternativeRoute);
    debtorAccounts = List.copyOf(debtorAccounts);
  }

  /** The municipality as the file names it; {@code bankCustomerId} when the bank wants its own id of the payer. */
  public record Payer(String name, String organisationsnummer, Optional<String> bankCustomerId) {
  }

  /** Kodsträng: the konto debited, ansvar and verksamhet. */
  public record Booking(String konto, String ansvar, String verksamhet) {
  }

  /**
   * An account payments are made from: an IBAN or a Bankgiro number (digits only), its bank's BIC, the ledger konto of
   * the account, and the decision types paid from it with their booking.
   */
  public record DebtorAccount(String id, String name, Optional<String> iban, Optional<String> bankgiro, String bic,
                              String ledgerAccount, Map<String, Booking> bookings) {
    public DebtorAccount {
      bookings = Map.copyOf(bookings);
    }
  }

  /** The account a decision type is paid from (every payable type has exactly one: checked when loading). */
  public Optional<DebtorAccount> accountFor(String decisionType) {
    return debtorAccounts.stream().filter(account -> account.bookings().containsKey(decisionType)).findFirst();
  }

  public Optional<DebtorAccount> account(String id) {
    return debtorAccounts.stream().filter(account -> account.id().equals(id)).findFirst();
  }

  /** The alternative route for a resident without an account, in the language (Swedish when it has none). */
  public String alternativeRoute(String language) {
    return alternativeRoute.getOrDefault(language, alternativeRoute.get("sv"));
  }
}
