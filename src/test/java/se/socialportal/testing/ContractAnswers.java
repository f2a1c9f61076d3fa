package se.socialportal.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import se.socialportal.platform.http.ApiContract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks answers against the API contract: the status must be one the operation documents and a JSON body must
 * match that response's schema. Collects what does not, so a walk through the service reports every mismatch at once.
 */
public final class ContractAnswers {

  private final ResponseValidator validator;
  private final List<String> problems = new ArrayList<>();
  private int checked;

  public ContractAnswers(TestApp app) {
    try {
      ApiContract contract = ApiContract.load(app.vertx()).await(60, TimeUnit.SECONDS);
      this.validator = ResponseValidator.create(app.vertx(), contract.openApi());
    } catch (Exception e) {
      throw new IllegalStateException("the contract did not load", e);
    }
  }

  /** Checks the answer against the operation's documented response for its status; returns it. */
  public HttpResponse<Buffer> check(String operationId, HttpResponse<Buffer> response) {
    checked++;
    String type = response.getHeader("Content-Type");
    String media = type != null && type.startsWith("application/json") ? "application/json" : type;
    try {
      validator.validate(ValidatableResponse.create(response.statusCode(), response.body(), media), operationId)
        .await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      String body = response.bodyAsString() == null ? "" : response.bodyAsString();
      problems.add(operationId + " " + response.statusCode() + ": " + e.getMessage() + " in "
        + body.substring(0, Math.min(400, body.length())));
    }
    return response;
  }

  public int checked() {
    return checked;
  }

  /** Every mismatch, one a line; empty when every answer was as documented. */
  public String problems() {
    return String.join("\n", problems);
  }
}
