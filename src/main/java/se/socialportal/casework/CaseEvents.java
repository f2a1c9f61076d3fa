package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A handläggare's step in the case's history, in the caller's transaction: the application's status moves (when the
 * step moves it) and the history gets its entry — both through the owner of those tables, bistånd's
 * ApplicationRepository.
 */
public final class CaseEvents {

  private CaseEvents() {
  }

  /** @param newStatus the status the step leaves the case in; null when it does not change it */
  public static Future<Void> staff(SqlClient tx, CaseHeader header, String type, ApplicationStatus newStatus,
                                   UUID staffId, JsonObject data, Instant at) {
    Future<Void> moved = newStatus == null || newStatus == header.status() ? Future.succeededFuture()
      : ApplicationRepository.move(tx, new ApplicationRepository.Move(header.id(), header.status(), newStatus), at);
    return moved.compose(v -> ApplicationRepository.record(tx, new ApplicationEvent(header.id(), header.tenantId(), type,
      Optional.ofNullable(newStatus), ApplicationEvent.Actor.staff(staffId), data), at));
  }
}
