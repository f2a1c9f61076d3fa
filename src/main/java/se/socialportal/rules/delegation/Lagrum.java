package se.socialportal.rules.delegation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legal basis of each decision type, from robots/lagrum.json: the one vocabulary letters, decision rows, the
 * delegationsbeslut list and the staff's tables cite, so a renumbered statute (SoL 2001:453 → 2025:400) is changed in
 * one file. {@code verified} is false while an entry still names the old numbering.
 */
public record Lagrum(String version, String source, Map<DecisionType, Entry> entries) {

  public Lagrum {
    entries = Map.copyOf(entries);
  }

  /** One decision type's citations: {@code shortForm} for tables, {@code cite} for a letter's Lagrum section. */
  public record Entry(String shortForm, List<String> cite, boolean verified, String source) {
    public Entry {
      cite = List.copyOf(cite);
    }
  }

  public Optional<Entry> of(DecisionType type) {
    return Optional.ofNullable(entries.get(type));
  }

  /** The citations a letter prints for the type; the schema requires every type, so this is never empty. */
  public List<String> cite(DecisionType type) {
    return of(type).map(Entry::cite).orElseThrow(() -> new IllegalStateException("no lagrum for " + type.code()));
  }

  /** "12 kap. 1 § SoL": the short form tables and lists use. */
  public String shortForm(DecisionType type) {
    return of(type).map(Entry::shortForm).orElseThrow(() -> new IllegalStateException("no lagrum for " + type.code()));
  }
}
