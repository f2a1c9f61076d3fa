package se.socialportal.casework.delegation;

import se.socialportal.rules.Dated;
import se.socialportal.rules.RuleBook;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Casework's view of the rule book (robots/, loaded and validated at startup by se.socialportal.rules): a tenant's
 * delegation matrix in force on a day, its past versions, and the motivering templates. Immutable and thread-safe.
 */
public final class CaseworkRules {

  private final RuleBook book;

  public CaseworkRules(RuleBook book) {
    this.book = book;
  }

  /** The matrix in force on the date; empty = nothing is delegated that day (only the nämnd decides). */
  public Optional<DelegationMatrix> matrix(String tenant, LocalDate date) {
    return book.delegation(tenant, date);
  }

  /** Every version of the tenant's matrix, to name the delegation rows of past decisions. */
  public List<DelegationMatrix> versions(String tenant) {
    return book.delegationVersions(tenant);
  }

  public List<MotiveringTemplate> templates(LocalDate date) {
    return book.motiveringTemplates(date).map(Dated::value).orElse(List.of());
  }

  public String templatesVersion(LocalDate date) {
    return book.motiveringTemplates(date).map(Dated::version).orElse("");
  }

  public Optional<MotiveringTemplate> template(String id, LocalDate date) {
    return templates(date).stream().filter(template -> template.id().equals(id)).findFirst();
  }
}
