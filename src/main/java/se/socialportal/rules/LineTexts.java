package se.socialportal.rules;

import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.IncomeRule;
import se.socialportal.norm.Line;
import se.socialportal.norm.Note;
import se.socialportal.platform.http.Messages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words for a calculation's lines, in the reader's language, from the message bundles (norm.line.*, norm.note.*,
 * norm.cost.*, norm.person.*) and the income classification's labels. People are named by role and order ("barn 2"),
 * never by anything that identifies them.
 */
public final class LineTexts {

  private final String language;
  private final List<String> personNames;
  private final IncomeClassification incomes;

  public LineTexts(String language, List<String> roles, IncomeClassification incomes) {
    this.language = language;
    this.personNames = names(language, roles);
    this.incomes = incomes;
  }

  private static List<String> names(String language, List<String> roles) {
    Map<String, Integer> counters = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (String role : roles) {
      int number = counters.merge(role, 1, Integer::sum);
      names.add(Messages.text(language, "norm.person." + role, String.valueOf(number)));
    }
    return names;
  }

  public String label(Line line) {
    List<String> people = line.persons().stream().map(personNames::get).collect(Collectors.toList());
    switch (line.code()) {
      case COST:
        return Messages.text(language, "norm.cost." + line.subject());
      case INCOME:
        String type = incomes.rule(line.subject()).map(rule -> incomeLabel(rule, language)).orElse(line.subject());
        return people.isEmpty() ? type : Messages.text(language, "norm.line.income", type, people.get(0));
      case COMMON:
        return Messages.text(language, "norm.line.common", line.args().get(0));
      case CHILD:
        return Messages.text(language, "norm.line.child", people.get(0), line.args().get(0));
      case COUPLE:
        return Messages.text(language, "norm.line.couple", people.get(0), people.get(1));
      default:
        return Messages.text(language, "norm.line." + line.code().key(), people.get(0));
    }
  }

  /**
   * An income type's name: the income classification's own words where its file has the language (Swedish and
   * English), else the bundle's ({@code norm.income.<type>}, e.g. Arabic), else Swedish.
   */
  public static String incomeLabel(IncomeRule rule, String language) {
    return rule.labels().containsKey(language) ? rule.labels().get(language)
      : Messages.own(language, "norm.income." + rule.type()).orElseGet(() -> rule.label(language));
  }

  /** The line's reasons as one sentence or a few; empty when the amount needs no explanation. */
  public String note(Line line) {
    List<String> sentences = new ArrayList<>();
    for (Note note : line.notes()) {
      sentences.add(Messages.text(language, "norm.note." + note.code().key(), args(note)));
    }
    return String.join(" ", sentences);
  }

  private Object[] args(Note note) {
    return note.args().stream()
      .map(arg -> arg instanceof BigDecimal ? Formats.kronor((BigDecimal) arg, language) : arg)
      .map(arg -> arg instanceof Integer ? String.valueOf(arg) : arg)
      .toArray();
  }
}
