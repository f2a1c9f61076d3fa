package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of the calculation. Every number in the result is the sum of lines, and every line carries the reasons
 * for its amount.
 *
 * @param persons indexes into {@link NormInput#persons()} the line is about (two for the couple; none for household
 *                lines such as common costs or barnbidrag)
 * @param subject the cost type's JSON name or the income type; null for riksnorm lines
 * @param args    arguments of the line's label (see {@link LineCode})
 * @param entered what was claimed or received before caps and exemptions; null for riksnorm lines
 * @param amount  what enters the section's total (never negative)
 */
public record Line(Section section, LineCode code, List<Integer> persons, String subject, List<Object> args,
                   BigDecimal entered, BigDecimal amount, List<Note> notes) {

  /** Characters a line key (used in URLs and adjustment rows) must not contain; compiled once, keys are hot. */
  private static final java.util.regex.Pattern KEY_UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9_.-]");

  public Line {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(amount, "amount");
    persons = List.copyOf(persons);
    args = List.copyOf(args);
    notes = List.copyOf(notes);
  }

  public boolean has(NoteCode note) {
    return notes.stream().anyMatch(candidate -> candidate.code() == note);
  }

  /**
   * A stable name for this line within one calculation, e.g. {@code cost:rent} or {@code income:salary:0}: the section,
   * the subject (or the line code) and the persons by index. A proposal stores it, and an adjusted recalculation finds
   * "the same line" by it. Two lines with the same key get -2, -3 ... in their order of appearance.
   */
  public String key() {
    StringBuilder key = new StringBuilder(section.name().toLowerCase(java.util.Locale.ROOT)).append(':')
      .append(KEY_UNSAFE.matcher(subject == null ? code.key() : subject).replaceAll("_"));
    if (!persons.isEmpty()) {
      key.append(':');
      for (int i = 0; i < persons.size(); i++) {
        key.append(i == 0 ? "" : ".").append(persons.get(i));
      }
    }
    return key.toString();
  }
}
