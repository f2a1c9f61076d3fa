package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.bankid.SignCompletion;
import se.socialportal.platform.http.ApiException;

import java.util.UUID;

/**
 * This room's signing over the identity room's BankID order service: starts sign orders (the browser chooses the
 * device with {@code ?device=qr|same}) and hands completed application signatures to {@link SigningService}.
 */
public final class BankIdSigning implements SignatureOrders {

  private final BankIdOrders orders;

  public BankIdSigning(BankIdOrders orders) {
    this.orders = orders;
  }

  @Override
  public Future<Started> startSign(RoutingContext ctx, String tenantId, UUID signer, String subject,
                                   String userVisibleMarkdown) {
    return orders.startSign(ctx, tenantId, signer, subject, userVisibleMarkdown)
      .map(started -> new Started(started.orderId(), started.autoStartUrl(), started.simulatorUrl()))
      .recover(failure -> Future.failedFuture(translate(failure)));
  }

  /** Registers the completion of every signature whose subject starts with {@value SigningService#SUBJECT_PREFIX}. */
  public void register(SigningService signing) {
    orders.onSignComplete(SigningService.SUBJECT_PREFIX, completion(signing));
  }

  static SignCompletion completion(SigningService signing) {
    return (tx, signature) -> signing.complete(tx, new SignedOrder(signature.orderId(), signature.tenantId(),
      signature.subject(), signature.personId(), signature.orderRef(), signature.signature(),
      signature.ocspResponse(), signature.userVisibleData(), signature.completedAt()));
  }

  /** BankID's refusals as this API's errors: one order at a time per person; anything else "try again later". */
  private static Throwable translate(Throwable failure) {
    if (!(failure instanceof BankIdException)) {
      return failure;
    }
    return ((BankIdException) failure).errorCode() == ErrorCode.ALREADY_IN_PROGRESS
      ? ApiException.conflict("bankid_already_in_progress")
      : ApiException.of(503, "bankid_unavailable");
  }
}
