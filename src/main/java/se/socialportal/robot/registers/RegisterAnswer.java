package se.socialportal.robot.registers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Every agency's answer about one person and month, as the robot stores it (person id, never personnummer). */
public record RegisterAnswer(UUID personId, YearMonth month, List<AgencyAnswer> agencies) {

  public RegisterAnswer {
    agencies = List.copyOf(agencies);
  }

  public boolean complete() {
    return agencies.stream().allMatch(answer -> answer.status() == AgencyAnswer.Status.COMPLETE);
  }

  public List<Agency> with(AgencyAnswer.Status status) {
    return agencies.stream().filter(answer -> answer.status() == status).map(AgencyAnswer::agency).toList();
  }

  public List<RegisterPayment> payments() {
    return agencies.stream().flatMap(answer -> answer.payments().stream()).toList();
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    for (AgencyAnswer answer : agencies) {
      JsonArray payments = new JsonArray();
      answer.payments().forEach(payment -> payments.add(new JsonObject().put("code", payment.code())
        .put("incomeType", payment.incomeType()).put("label", payment.label())
        .put("amount", payment.amount().toPlainString())));
      list.add(new JsonObject().put("agency", answer.agency().name()).put("name", answer.agency().displayName())
        .put("status", answer.status().name()).put("payments", payments).put("facts", new JsonObject(
          new java.util.TreeMap<String, Object>(answer.facts()))));
    }
    return new JsonObject().put("month", month.toString()).put("agencies", list);
  }
}
