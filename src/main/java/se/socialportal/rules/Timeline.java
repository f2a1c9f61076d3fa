package se.socialportal.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The versions of one kind of rule (for one tenant) over time; periods never overlap (checked when loading). */
final class Timeline<T> {

  private final List<Dated<T>> entries = new ArrayList<>();

  void add(Dated<T> entry) {
    entries.add(entry);
    entries.sort(Comparator.comparing(dated -> dated.period().from()));
  }

  Optional<T> inForce(YearMonth month) {
    return entries.stream().filter(dated -> dated.period().covers(month)).map(Dated::value).findFirst();
  }

  /** True when no file of this kind exists (for a tenant: the tenant has never had one). */
  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<Dated<T>> all() {
    return List.copyOf(entries);
  }
}
