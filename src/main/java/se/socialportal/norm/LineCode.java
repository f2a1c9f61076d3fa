package se.socialportal.norm;

/** What a line is. {@link #key()} is stable and names the text {@code norm.line.<key>} in the message bundles. */
public enum LineCode {
  /** Personal costs of an ensamstående applicant (12 kap. 2 § SoF). */
  SINGLE("single"),
  /** Personal costs of the applicant and the sambo together (12 kap. 2 § SoF). */
  COUPLE("couple"),
  /** Personal costs of a household child; label argument: the age band. */
  CHILD("child"),
  /** A placed child: not part of the household (R5, docs/sources.md#computation-rules), amount 0. */
  PLACED_CHILD("placed_child"),
  /** A child who has turned 21: an adult outside the household who lives in the dwelling, amount 0. */
  ADULT_CHILD("adult_child"),
  /** Someone else living in the dwelling outside the household, amount 0. */
  OTHER_RESIDENT("other_resident"),
  /** The household's common costs; label argument: the household's size. */
  COMMON("common"),
  /** A reasonable cost; the subject is the {@link CostType}'s JSON name. */
  COST("cost"),
  /** An income; the subject is the income type. */
  INCOME("income");

  private final String key;

  LineCode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
