package se.socialportal.casework.delegation;

import se.socialportal.rules.Dated;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.delegation.DelegationMatrix;
import se.socialportal.rules.delegation.MotiveringTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Casework's view of the rule book in force (robots/, validated by se.socialportal.rules at startup and at every
 * reload): a tenant's delegation matrix in force on a day, its past versions, and the motivering templates.
 * Thread-safe; each call reads the book in force at that moment.
 */
public final class CaseworkRules {

  private final Supplier<RuleBook> book;

  public CaseworkRules(Supplier<RuleBook> book) {
    this.book = book;
  }

  /** The matrix in force on the date; empty = nothing is delegated that day (only the nämnd decides). */
  public Optional<DelegationMatrix> matrix(String tenant, LocalDate date) {
    return book.get().delegation(tenant, date);
  }

  /** Every version of the tenant's matrix, to name the delegation rows of past decisions. */
  public List<DelegationMatrix> versions(String tenant) {
    return book.get().delegationVersions(tenant);
  }

  public List<MotiveringTemplate> templates(LocalDate date) {
    return book.get().motiveringTemplates(date).map(Dated::value).orElse(List.of());
  }

  public String templatesVersion(LocalDate date) {
    return book.get().motiveringTemplates(date).map(Dated::version).orElse("");
  }

  /** The legal basis of every decision type in force on the date (robots/lagrum.json, a required national file). */
  public se.socialportal.rules.delegation.Lagrum lagrum(LocalDate date) {
    return book.get().lagrum(date).orElseThrow(() -> new IllegalStateException("no lagrum in force on " + date));
  }

  public Optional<MotiveringTemplate> template(String id, LocalDate date) {
    return templates(date).stream().filter(template -> template.id().equals(id)).findFirst();
  }
}
