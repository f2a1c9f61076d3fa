package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import se.socialportal.identity.session.Session;
import se.socialportal.letters.LetterRepository;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.util.UUID;

/**
 * A case's decision letters for staff, through the same access rules as the case, every read audited (Mina sidor
 * serves the resident's own, bistånd's CaseRoutes).
 */
public final class CaseLetters {

  /** A letter to download: when it was made (for the file name) and the PDF. */
  public record Download(LetterRepository.LetterInfo info, byte[] pdf) {
  }

  private final Pool pool;
  private final Clock clock;

  public CaseLetters(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<Download> pdf(Session session, UUID letterId, String requestId) {
    return pool.withTransaction(tx -> LetterRepository.info(tx, letterId, session.tenantId()).compose(info -> {
      if (info.isEmpty()) {
        return Future.failedFuture(ApiException.notFound());
      }
      return CaseAccess.visible(tx, session, info.get().applicationId())
        .compose(header -> CaseAudit.record(tx, session, header, "letter.read", requestId,
          new JsonObject().put("letterId", letterId.toString()), clock.instant()))
        .compose(v -> LetterRepository.pdf(tx, letterId, session.tenantId()))
        .map(pdf -> new Download(info.get(), pdf.orElseThrow()));
    }));
  }
}
