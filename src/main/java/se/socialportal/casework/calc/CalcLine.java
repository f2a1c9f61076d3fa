package se.socialportal.casework.calc;

import io.vertx.core.json.JsonObject;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One line of a beslutsförslag's calculation as casework reads it (see docs/casework.md, "What casework reads from
 * the robot"). {@code key} identifies the line for adjustments; {@code entered} is what was claimed or received
 * before caps, {@code amount} what counts. Need lines (livsföring i övrigt, skulder, begravning) carry their decision
 * type: they are decided beside försörjningsstöd, each on its own delegation row.
 */
public record CalcLine(String key, Section section, String label, BigDecimal entered, BigDecimal amount, String note,
                       Optional<DecisionType> decisionType, Optional<BigDecimal> originalAmount, Optional<String> reason) {

  public enum Section {
    RIKSNORM("riksnorm"), COST("cost"), INCOME("income"), NEED("need");

    private final String code;

    Section(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Section of(String code) {
      for (Section section : values()) {
        if (section.code.equals(code)) {
          return section;
        }
      }
      throw new IllegalArgumentException("unknown calculation section '" + code + "'");
    }
  }

  public boolean adjusted() {
    return originalAmount.isPresent();
  }

  public CalcLine adjustedTo(BigDecimal newAmount, String why) {
    return new CalcLine(key, section, label, entered, newAmount, note, decisionType,
      Optional.of(originalAmount.orElse(amount)), Optional.of(why));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("key", key).put("section", section.code()).put("label", label)
      .put("entered", entered == null ? null : entered.toPlainString()).put("amount", amount.toPlainString())
      .put("note", note);
    decisionType.ifPresent(type -> json.put("decisionType", type.code()));
    originalAmount.ifPresent(original -> json.put("originalAmount", original.toPlainString()));
    reason.ifPresent(why -> json.put("adjustmentReason", why));
    return json;
  }
}
