package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.CaseHeader;
import se.socialportal.letters.DecisionLetter;
import se.socialportal.letters.Expediering;
import se.socialportal.letters.LetterComposer;
import se.socialportal.rules.delegation.DecisionType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The letter for a complete decision set, written from the decision rows themselves — whoever decided each part (a
 * handläggare, a higher level on referral, or the automated decision function) — so a letter can only say what was
 * recorded. Called in the transaction that records the set's last decision; publishing it puts it on Mina sidor.
 */
final class SetLetter {

  private static final String DECISIONS = "SELECT id, type, outcome, amount, delegation_amount, lines, motivering, "
    + "legal_basis, decided_by_kind, decided_by_name, decided_by_title, delegation_source, prepared_by_name "
    + "FROM decision WHERE decision_set = $1 AND tenant_id = $2 ORDER BY decided_at, id";

  private SetLetter() {
  }

  static Future<UUID> publish(SqlClient tx, Expediering expediering, CaseHeader header, UUID decisionSet,
                              LocalDate today) {
    return Letterhead.of(tx, header.tenantId()).compose(tenant -> tx.preparedQuery(DECISIONS)
      .execute(Tuple.of(decisionSet, header.tenantId())).compose(rows -> {
        List<LetterComposer.Part> parts = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Row row : rows) {
          ids.add(row.getUUID("id"));
          parts.add(part(row));
        }
        DecisionLetter letter = LetterComposer.compose(tenant, header.householdName(),
          DecisionService.caseReference(header), today, YearMonth.from(header.month()), header.channel(), parts);
        return expediering.publish(tx, letter, header.tenantId(), header.id(), decisionSet, header.adults(), ids);
      }));
  }

  private static LetterComposer.Part part(Row row) {
    String type = row.getString("type");
    String label = DecisionType.fromCode(type).map(DecisionType::label).orElse(type);
    JsonArray lines = array(row.getValue("lines"));
    // A need is named by what was applied for ("Möbler efter flytt"), the type when it covers several lines.
    if (!"forsorjningsstod".equals(type) && lines.size() == 1 && lines.getJsonObject(0).getString("label") != null) {
      label = lines.getJsonObject(0).getString("label");
    }
    List<String> basis = new ArrayList<>();
    array(row.getValue("legal_basis")).forEach(value -> basis.add(String.valueOf(value)));
    DecisionLetter.DecidedBy by = "automated".equals(row.getString("decided_by_kind"))
      ? DecisionLetter.DecidedBy.automated(row.getString("delegation_source"))
      : DecisionLetter.DecidedBy.person(row.getString("decided_by_name"), row.getString("decided_by_title"),
        row.getString("delegation_source"));
    by = by.preparedBy(Optional.ofNullable(row.getString("prepared_by_name")).orElse(null));
    return new LetterComposer.Part(type, label, row.getString("outcome"), row.getBigDecimal("amount"),
      row.getBigDecimal("delegation_amount"), lines, row.getString("motivering"), basis, by);
  }

  private static JsonArray array(Object value) {
    return value instanceof JsonArray array ? array : value == null ? new JsonArray() : new JsonArray(String.valueOf(value));
  }
}
