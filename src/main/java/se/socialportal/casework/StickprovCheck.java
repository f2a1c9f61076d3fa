package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.robot.ProposalStore;
import se.socialportal.platform.http.JsonFields;

import java.time.Instant;
import java.util.Set;

/**
 * The handläggare's result of a stickprov check, recorded when the STICKPROV warning is acknowledged: the documents
 * confirmed what was declared, or there was a discrepancy (described). Norrtälje's review asks for stickprov drawn from
 * every channel and logged with who was sampled, why and the result (docs/sources.md#likabehandling-and-stickprov); the
 * draw and its reason are the robot's, the result is this.
 */
final class StickprovCheck {

  static final String WARNING_TYPE = "STICKPROV";
  private static final Set<String> RESULTS = Set.of("confirmed", "discrepancy");

  private StickprovCheck() {
  }

  /** The result from the request body: {@code stickprovResult} and, for a discrepancy, a {@code note}. */
  record Result(String result, String note) {
    static Result from(JsonObject body) {
      String result = JsonFields.optionalText(body, "stickprovResult");
      if (result == null || !RESULTS.contains(result)) {
        throw ApiException.invalid("stickprovResult", "stickprov_result_required");
      }
      String note = JsonFields.text(body, "note").strip();
      if (result.equals("discrepancy") && note.length() < 3) {
        throw ApiException.invalid("note", "stickprov_note_required");
      }
      if (note.length() > 2000) {
        throw ApiException.invalid("note", "too_long", 2000);
      }
      return new Result(result, note.isEmpty() ? null : note);
    }

    JsonObject toJson() {
      return new JsonObject().put("stickprovResult", result).put("note", note);
    }
  }

  static Future<Void> record(SqlClient tx, Session session, CaseHeader header, Result result, Instant at) {
    return ProposalStore.recordStickprovResult(tx, header.id(), result.result(), result.note(),
        session.staffMemberId(), at)
      .compose(recorded -> recorded ? Future.<Void>succeededFuture()
        : Future.failedFuture(ApiException.conflict("stickprov_not_open")));
  }
}
