package se.socialportal.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the robot's motivering (robots/robot-motivering.json): texts with {placeholders}, the regulations
 * they name, and how a household is described. The robot decides which parts apply and fills them in; every word a
 * resident reads in it comes from here.
 */
public record RobotMotivering(String version, Map<Text, String> texts, Household household) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  public RobotMotivering {
    texts = Map.copyOf(new EnumMap<>(texts));
  }

  /**
   * The texts, by their place in the file ({@code legalBasis}: the regulations, also stored as the proposal's legal
   * basis; {@code texts}: the sentences), with the placeholders each may use.
   */
  public enum Text {
    SOL("legalBasis", "sol"),
    SOF("legalBasis", "sof"),
    JOBBSTIMULANS("legalBasis", "jobbstimulans"),
    CAPS("legalBasis", "caps", "capsVersion"),
    OPENING_BIFALL("texts", "openingBifall", "month", "amount"),
    OPENING_AVSLAG("texts", "openingAvslag", "month"),
    RULES("texts", "rules", "sol", "sof", "riksnormVersion", "moreRules"),
    RULES_JOBBSTIMULANS("texts", "rulesJobbstimulans", "jobbstimulans"),
    RULES_CAPS("texts", "rulesCaps", "caps"),
    FACTS("texts", "facts", "household", "riksnorm", "costs", "need", "incomes"),
    FACT_JOBBSTIMULANS("texts", "factJobbstimulans", "person"),
    FACT_CAPPED("texts", "factCapped", "cost", "claimed", "allowed"),
    FACT_AVSLAG("texts", "factAvslag", "normoverskott"),
    FACT_BIFALL("texts", "factBifall", "amount");

    private final String section;
    private final String key;
    private final Set<String> placeholders;

    Text(String section, String key, String... placeholders) {
      this.section = section;
      this.key = key;
      this.placeholders = Set.of(placeholders);
    }

    /** Where in the file: "/legalBasis/sol", "/texts/facts". */
    public String pointer() {
      return "/" + section + "/" + key;
    }

    String section() {
      return section;
    }

    String key() {
      return key;
    }

    Set<String> placeholders() {
      return placeholders;
    }
  }

  /** A noun counted in words: "en vuxen", "två vuxna", "ett barn". */
  public record Noun(String one, String many, Optional<String> numberForOne) {
  }

  /**
   * @param numbers   numbers as words from zero; larger ones are written with digits
   * @param and       joins the last two groups (" och ")
   * @param separator joins earlier groups (", ")
   * @param partTime  children living here part of the month ({children})
   * @param others    people in the dwelling outside the household ({others})
   */
  public record Household(List<String> numbers, Noun adult, Noun child, Noun otherAdult, String and,
                          String separator, String partTime, String others) {
    public Household {
      numbers = List.copyOf(numbers);
    }

    /** "en vuxen", "två barn", "12 barn". */
    public String count(int n, Noun noun) {
      String number = n < numbers.size() ? numbers.get(n) : String.valueOf(n);
      if (n == 1 && noun.numberForOne().isPresent()) {
        number = noun.numberForOne().get();
      }
      return number + " " + (n == 1 ? noun.one() : noun.many());
    }
  }

  public String text(Text text, Map<String, String> values) {
    return fill(texts.get(text), values);
  }

  /** The template with every {name} replaced by its value (values are inserted as they are). */
  public static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** The placeholders a template uses that are not among the allowed ones. */
  static Set<String> unknownPlaceholders(String template, Set<String> allowed) {
    Set<String> unknown = new java.util.TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!allowed.contains(matcher.group(1))) {
        unknown.add(matcher.group(1));
      }
    }
    return unknown;
  }
}
