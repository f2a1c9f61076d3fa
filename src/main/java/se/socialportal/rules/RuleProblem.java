package se.socialportal.rules;

/**
 * One thing wrong in robots/.
 *
 * @param file    the file, as found (e.g. "./robots/riksnorm/riksnorm-2026.json")
 * @param pointer JSON pointer inside it ("/personal/children/3/fromAge"); "" for the whole file
 * @param problem what is wrong, for an operator
 */
public record RuleProblem(String file, String pointer, String problem) {

  /** As the load record and the admin API show it. */
  public io.vertx.core.json.JsonObject toJson() {
    return new io.vertx.core.json.JsonObject().put("file", file).put("pointer", pointer).put("problem", problem);
  }

  @Override
  public String toString() {
    return file + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem;
  }
}
