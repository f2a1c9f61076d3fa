package se.socialportal.platform.http;

import java.util.List;

/**
 * A failure meant for the person who made the request. {@code code} is stable for programs and is also the key of
 * the human text ({@code error.<code>} in i18n/messages_*.properties); {@code fields} name the input that was wrong.
 * Handlers return it as a failed future or pass it to {@code ctx.fail}; {@link FailureResponder} writes the body.
 */
public final class ApiException extends RuntimeException {

  /** One wrong input field: the JSON path of the field and the message key {@code field.<code>} explaining it. */
  public record FieldProblem(String field, String code, List<Object> args) {
    public FieldProblem(String field, String code, Object... args) {
      this(field, code, List.of(args));
    }
  }

  private final int status;
  private final String code;
  private final List<Object> args;
  private final List<FieldProblem> fields;

  public ApiException(int status, String code, List<Object> args, List<FieldProblem> fields) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.args = List.copyOf(args);
    this.fields = List.copyOf(fields);
  }

  public static ApiException of(int status, String code, Object... args) {
    return new ApiException(status, code, List.of(args), List.of());
  }

  public static ApiException badRequest(String code, Object... args) {
    return of(400, code, args);
  }

  public static ApiException invalid(List<FieldProblem> fields) {
    return new ApiException(400, "validation_failed", List.of(), fields);
  }

  public static ApiException invalid(String field, String code, Object... args) {
    return invalid(List.of(new FieldProblem(field, code, args)));
  }

  /** Also used where a resource exists but belongs to someone else: never confirm that it exists. */
  public static ApiException notFound() {
    return of(404, "not_found");
  }

  public static ApiException unauthenticated() {
    return of(401, "unauthenticated");
  }

  public static ApiException forbidden(String code, Object... args) {
    return of(403, code, args);
  }

  public static ApiException conflict(String code, Object... args) {
    return of(409, code, args);
  }

  public static ApiException tooManyRequests() {
    return of(429, "too_many_requests");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<Object> args() {
    return args;
  }

  public List<FieldProblem> fields() {
    return fields;
  }
}
