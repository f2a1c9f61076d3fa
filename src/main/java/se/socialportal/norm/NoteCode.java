package se.socialportal.norm;

/**
 * Why a line has its amount. {@link #key()} names the text {@code norm.note.<key>}; the arguments are listed per
 * code and are numbers, amounts (BigDecimal kronor) or strings.
 */
public enum NoteCode {
  /** (age) the age used for the month. */
  AGE("age"),
  /** () the "utan lunch fem dagar per vecka" amount was used. */
  WITHOUT_LUNCH("without_lunch"),
  /** () lunch outside the home changes nothing from 7 years: the table has no such amount. */
  LUNCH_NOT_APPLICABLE("lunch_not_applicable"),
  /** (days, daysInMonth, fullAmount) personal costs per day of presence (SOSFS 2013:1). */
  UMGANGE("umgange"),
  /** (amountForSeven, extraPersons, perExtraPerson) R2: more than seven persons. */
  LARGE_HOUSEHOLD("large_household"),
  /** (dwellingAmount, dwellingSize, householdSize) R3: the household's share of a shared dwelling's costs. */
  DWELLING_SHARE("dwelling_share"),
  /** (count) umgänge children count in the household size in both homes (R4). */
  UMGANGE_CHILDREN_COUNTED("umgange_children_counted"),
  /** (cap, entered, capsVersion) the cost is above the municipality's limit and was capped. */
  CAPPED("capped"),
  /** () the income type is not counted. */
  INCOME_NOT_COUNTED("income_not_counted"),
  /** () the income type needs a handläggare's judgement; counted meanwhile. */
  INCOME_NEEDS_REVIEW("income_needs_review"),
  /** (notCounted, percent) jobbstimulans: part of income of employment is not counted. */
  JOBBSTIMULANS("jobbstimulans"),
  /** (notCounted, prisbasbelopp, earlierThisYear) a child's work income up to one prisbasbelopp a year. */
  CHILD_WORK_INCOME("child_work_income"),
  /** () the person is not part of the household, so their income is not counted. */
  OUTSIDE_HOUSEHOLD("outside_household");

  private final String key;

  NoteCode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
