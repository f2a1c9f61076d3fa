package se.socialportal.rules;

import java.util.Optional;

/** The kinds of rule file under robots/, each with its JSON Schema in robots/schemas/&lt;kind&gt;.schema.json. */
public enum RuleKind {
  RIKSNORM("riksnorm", false),
  PRISBASBELOPP("prisbasbelopp", false),
  INCOME_CLASSIFICATION("income-classification", false),
  WARNING_RULES("warning-rules", false),
  /** Per tenant (robots/tenants/&lt;id&gt;/): reasonable-cost limits. */
  CAPS("caps", true),
  /** Per tenant: the stickprov rate. */
  STICKPROV("stickprov", true),
  /** Per tenant: decision types the robot may decide automatically. */
  AUTOMATION("automation", true),
  /** Per tenant: the delegation matrix (decision type × amount band → lowest delegate level), casework. */
  DELEGATION("delegation", true),
  /** Per tenant: the municipality's name, nämnd and contact details (the tenant table follows it). */
  TENANT("tenant", true),
  /** National: motivering templates for decisions (FL 32 §), casework. */
  MOTIVERING_TEMPLATES("motivering-templates", false),
  /** Per tenant: when granted bistånd is paid (payout day, cut-off), from which account, how it is booked. */
  PAYMENT_CALENDAR("payment-calendar", true),
  /** National: the wording of the robot's motivering on every beslutsförslag (FL 32 §). */
  ROBOT_MOTIVERING("robot-motivering", false),
  /** National: the legal basis (lagrum) each decision type cites, in letters, lists and tables alike. */
  LAGRUM("lagrum", false),
  /** Per tenant: the familjerätt services residents book and the booking rules. */
  FAMILJERATT("familjeratt", true),
  /** Per tenant: the target for sending an appeal on to förvaltningsrätten (FL 46 §, "skyndsamt"). */
  OVERKLAGANDE("overklagande", true);

  private final String key;
  private final boolean perTenant;

  RuleKind(String key, boolean perTenant) {
    this.key = key;
    this.perTenant = perTenant;
  }

  /** The value of the file's "kind" field and the schema's name. */
  public String key() {
    return key;
  }

  public boolean perTenant() {
    return perTenant;
  }

  public String schemaFile() {
    return key + ".schema.json";
  }

  public static Optional<RuleKind> fromKey(String key) {
    for (RuleKind kind : values()) {
      if (kind.key.equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
