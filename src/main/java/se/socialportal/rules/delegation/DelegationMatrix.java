package se.socialportal.rules.delegation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a municipality's delegation matrix (robots/tenants/&lt;id&gt;/delegation-*.json): ordered delegate
 * levels, and rows of decision type × amount band → the lowest level that may decide. Immutable; validated by
 * the rules room (DelegationReader) when robots/ is loaded. {@code prisbasbelopp} holds the amount of the year the
 * rule book looked the matrix up for (see {@link #withPrisbasbelopp}).
 */
public record DelegationMatrix(String tenant, String version, LocalDate effectiveFrom, Optional<LocalDate> effectiveTo,
                               String source, List<Level> levels, List<Row> rows, Map<Integer, BigDecimal> prisbasbelopp) {

  /** The delegate for återkrav: whoever may take the original decision (Flen 8.3). */
  public static final String SAME_AS_ORIGINAL = "sameAsOriginal";

  public DelegationMatrix {
    levels = List.copyOf(levels);
    rows = List.copyOf(rows);
    prisbasbelopp = Map.copyOf(prisbasbelopp);
  }

  /** A delegate level and the staff roles that hold it. */
  public record Level(String code, String label, Set<String> roles) {
    public Level {
      roles = Set.copyOf(roles);
    }
  }

  /**
   * One row: up to {@code maxKronor} (or {@code maxPrisbasbelopp} × the year's prisbasbelopp), inclusive; empty = no
   * upper limit.
   */
  public record Row(String id, DecisionType type, String label, Optional<BigDecimal> maxKronor,
                    Optional<BigDecimal> maxPrisbasbelopp, String delegate, String legalBasis, String source) {
  }

  /** The same matrix knowing a year's prisbasbelopp, for bands given as a share of it. */
  public DelegationMatrix withPrisbasbelopp(int year, BigDecimal amount) {
    java.util.HashMap<Integer, BigDecimal> known = new java.util.HashMap<>(prisbasbelopp);
    known.put(year, amount);
    return new DelegationMatrix(tenant, version, effectiveFrom, effectiveTo, source, levels, rows, known);
  }

  public boolean inForce(LocalDate date) {
    return !date.isBefore(effectiveFrom) && effectiveTo.map(to -> !date.isAfter(to)).orElse(true);
  }

  /** Position of a level from the bottom (0 = lowest); -1 if unknown. */
  public int rank(String level) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).code().equals(level)) {
        return i;
      }
    }
    return -1;
  }

  public Level level(String code) {
    return levels.stream().filter(level -> level.code().equals(code)).findFirst()
      .orElseThrow(() -> new IllegalArgumentException("no level " + code + " in " + version));
  }

  /** The highest level any of these roles holds, or empty when none of them is a delegate. */
  public Optional<Level> highestLevelOf(Set<String> roles) {
    for (int i = levels.size() - 1; i >= 0; i--) {
      Level level = levels.get(i);
      if (level.roles().stream().anyMatch(roles::contains)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** The upper limit of a row in kronor on a date (prisbasbelopp of that year for a share of it). */
  public Optional<BigDecimal> limit(Row row, LocalDate date) {
    if (row.maxKronor().isPresent()) {
      return row.maxKronor();
    }
    return row.maxPrisbasbelopp().map(share -> {
      BigDecimal base = prisbasbelopp.get(date.getYear());
      if (base == null) {
        throw new IllegalStateException("delegation " + version + " has no prisbasbelopp for " + date.getYear());
      }
      return base.multiply(share).setScale(2, RoundingMode.HALF_UP);
    });
  }

  /**
   * The row whose band holds the amount: the first band (rows of the type in file order, ascending limits) whose
   * limit is at least the amount. Empty when the type has no row or the amount is above every band: not delegated.
   */
  public Optional<Row> rowFor(DecisionType type, BigDecimal amount, LocalDate date) {
    for (Row row : rows) {
      if (row.type() != type) {
        continue;
      }
      Optional<BigDecimal> limit = limit(row, date);
      if (limit.isEmpty() || amount.compareTo(limit.get()) <= 0) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }
}
