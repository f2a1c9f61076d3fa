package se.socialportal.overklagande;

import io.vertx.core.Future;

import java.util.UUID;

/**
 * How an appeal reaches förvaltningsrätten (FL 46 §). The courts take e-filings through their e-tjänst and by
 * e-mail; a municipality's integration (or its e-arkiv's export) implements this. The built-in implementation is a
 * simulator, {@link FileOutboxCourt}: it writes the bundle to a folder.
 */
public interface CourtForwarding {

  /** One appeal with its documents; answers the court's (or the simulator's) reference. */
  Future<String> forward(Submission submission);

  /** No personnummer and no name: the court reads those in the bundle. */
  record Submission(UUID appealId, String tenantId, String caseReference, boolean late, byte[] bundle) {
  }
}
