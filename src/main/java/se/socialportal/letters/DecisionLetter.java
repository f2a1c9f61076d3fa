package se.socialportal.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Everything a written decision must say (FL 31–33 §§), part by part: each decision of the set (the month's
 * försörjningsstöd, each one-off need, an återkrav …) with its outcome, amount, calculation, motivering naming the
 * rules applied, lagrum, and who decided it on what delegation (or that it was decided automatically); then how to
 * appeal and whom to contact, worded for the channel the household applied through. No personnummer and no address:
 * a person with protected personal data must never have an address printed, and the letter is the same on Mina sidor,
 * in the digital mailbox and on paper.
 *
 * @param digital whether the household applied digitally (the texts then point to Mina sidor)
 */
public record DecisionLetter(Sender sender, String recipientName, String caseReference, LocalDate decisionDate,
                             YearMonth month, boolean digital, List<Part> parts, Contact contact) {

  public DecisionLetter {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a decision letter needs at least one decision");
    }
  }

  public enum Outcome {
    BIFALL("Bifall"), DELVIS_BIFALL("Delvis bifall"), AVSLAG("Avslag"), AVSLUTAD("Avslutat utan åtgärd"),
    /** Bistånd paid on wrong grounds is claimed back. */
    ATERKRAV("Återkrav"),
    /** A claim is waived, in full or in part. */
    EFTERGIFT("Eftergift");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What a part is about, which decides how it is told. */
  public enum Kind { MONTH, NEED, CLOSE, ATERKRAV, EFTERGIFT }

  /**
   * One decision of the set.
   *
   * @param applied what was applied for (needs; for the month, equal to the amount)
   * @param lines   the calculation (the month) or what the need consists of
   */
  public record Part(Kind kind, String label, Outcome outcome, BigDecimal amount, BigDecimal applied, List<Line> lines,
                     String motivering, List<String> legalBasis, DecidedBy decidedBy) {
    public Part {
      lines = List.copyOf(lines);
      legalBasis = List.copyOf(legalBasis);
      if (motivering == null || motivering.isBlank()) {
        throw new IllegalArgumentException("every decision in a letter needs a motivering (FL 32 §)");
      }
    }
  }

  /** The municipality and the nämnd in whose name the decision is taken. */
  public record Sender(String municipality, String namnd, String postalAddress, String phone, String email) {
  }

  /** One line of a calculation as the resident should read it; incomes are given as positive amounts. */
  public record Line(Section section, String label, BigDecimal amount, String note) {
  }

  public enum Section {
    RIKSNORM("Riksnorm"), COST("Skäliga kostnader utöver riksnormen"), INCOME("Inkomster"), NEED("Det du ansökt om");

    private final String heading;

    Section(String heading) {
      this.heading = heading;
    }

    public String heading() {
      return heading;
    }
  }

  /**
   * Who took a decision (FL 31 §): a person with title and the delegation point it rests on, or the automated decision
   * function under the nämnd's delegation (KL 6 kap. 37 §). {@code preparedBy} names the handläggare who prepared a
   * decision referred to a higher level.
   */
  public record DecidedBy(boolean automated, String name, String title, String delegation,
                          Optional<String> preparedBy) {

    public static DecidedBy person(String name, String title, String delegation) {
      return new DecidedBy(false, name, title, delegation, Optional.empty());
    }

    public static DecidedBy automated(String delegation) {
      return new DecidedBy(true, "Automatiserat beslut", "", delegation, Optional.empty());
    }

    public DecidedBy preparedBy(String who) {
      return new DecidedBy(automated, name, title, delegation, Optional.ofNullable(who));
    }
  }

  public record Contact(String name, String phone, String email) {
  }
}
