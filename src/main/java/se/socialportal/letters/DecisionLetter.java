package se.socialportal.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Everything a written decision must say (FL 31–33 §§): the decision and its date, the amount per month and per line,
 * the motivation naming the rules applied and the decisive circumstances, who decided and on what delegation (or
 * that it was decided automatically, with the rule versions), how to appeal, and whom to contact.
 * No personnummer and no address: the letter goes to Mina sidor and the digital mailbox, and a person with protected
 * personal data must never have an address printed.
 */
public record DecisionLetter(Sender sender, String recipientName, String caseReference, LocalDate decisionDate,
                             YearMonth month, Outcome outcome, BigDecimal grantedAmount, List<Line> lines,
                             List<String> motivering, List<String> legalBasis, DecidedBy decidedBy, Contact contact) {

  public DecisionLetter {
    lines = List.copyOf(lines);
    motivering = List.copyOf(motivering);
    legalBasis = List.copyOf(legalBasis);
    if (motivering.isEmpty()) {
      throw new IllegalArgumentException("a decision letter needs a motivering (FL 32 §)");
    }
  }

  public enum Outcome {
    BIFALL("Bifall"), DELVIS_BIFALL("Delvis bifall"), AVSLAG("Avslag"),
    /** Bistånd paid on wrong grounds is claimed back (9 kap. 1–2 §§ SoL, old numbering). */
    ATERKRAV("Återkrav"),
    /** A claim is waived, in full or in part (9 kap. 4 §). */
    EFTERGIFT("Eftergift");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The municipality and the nämnd in whose name the decision is taken. */
  public record Sender(String municipality, String namnd, String postalAddress, String phone, String email) {
  }

  /** One line of the calculation as the resident should read it. */
  public record Line(Section section, String label, BigDecimal amount, String note) {
  }

  public enum Section {
    RIKSNORM("Riksnorm"), COST("Kostnader utöver riksnormen"), INCOME("Inkomster"), NEED("Livsföring i övrigt"),
    TOTAL("Summa");

    private final String heading;

    Section(String heading) {
      this.heading = heading;
    }

    public String heading() {
      return heading;
    }
  }

  /**
   * Who took the decision (FL 31 §). For a person: name, title and the delegation point it rests on. For an automated
   * decision (KL 6 kap. 37 §): the rule versions that produced it.
   */
  public record DecidedBy(boolean automated, String name, String title, String delegation,
                          Optional<String> ruleVersions) {

    public static DecidedBy person(String name, String title, String delegation) {
      return new DecidedBy(false, name, title, delegation, Optional.empty());
    }

    public static DecidedBy automated(String delegation, String ruleVersions) {
      return new DecidedBy(true, "Automatiserat beslut", "", delegation, Optional.of(ruleVersions));
    }
  }

  public record Contact(String name, String phone, String email) {
  }
}
