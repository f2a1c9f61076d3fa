package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Who applies, and whether anyone of them has skyddad folkbokföring or sekretessmarkering (person.protection; FOL
 * 16–17 b §§, docs/sources.md#protected-identities). A protected case is still calculated, but gets PROTECTED_IDENTITY
 * and always goes to a person. The trace names roles only: not the kind of protection, never an address.
 */
final class IdentityStep implements Step {

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    JsonArray roles = new JsonArray();
    for (CaseFile.Adult adult : state.file().adults()) {
      roles.add(adult.role());
      if (adult.isProtected()) {
        state.protectedRoles.add(adult.role());
      }
    }
    JsonObject output = new JsonObject().put("protectedIdentity", state.isProtected())
      .put("protectedRoles", new JsonArray(java.util.List.copyOf(state.protectedRoles)));
    return Future.succeededFuture(StepResult.flagged(new JsonObject().put("adults", roles), output,
      state.isProtected()));
  }
}
