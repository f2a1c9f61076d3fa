package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.platform.http.ApiException.FieldProblem;
import se.socialportal.platform.http.Messages;

import java.util.List;

/** Field problems as JSON, in the same shape as the error body's {@code fields}, for answers that are not errors. */
public final class Problems {

  private Problems() {
  }

  public static JsonArray json(List<FieldProblem> problems, String language) {
    JsonArray array = new JsonArray();
    for (FieldProblem problem : problems) {
      array.add(new JsonObject().put("field", problem.field()).put("error", problem.code())
        .put("message", Messages.text(language, "field." + problem.code(), problem.args().toArray())));
    }
    return array;
  }
}
