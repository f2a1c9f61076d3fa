package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.bankid.SignCompletion;
import se.socialportal.platform.http.ApiException;

import java.util.Optional;
import java.util.UUID;

/**
 * This room's signing over the identity room's BankID order service: starts sign orders and hands completed
 * application signatures to {@link SigningService}.
 */
public final class BankIdSigning implements SignatureOrders {

  private final BankIdOrders orders;

  public BankIdSigning(BankIdOrders orders) {
    this.orders = orders;
  }

  @Override
  public Future<Started> startSign(BankIdOrders.Caller caller, boolean sameDevice, String tenantId, UUID signer,
                                   ApplicationSignature subject, String userVisibleMarkdown) {
    return orders.startSign(caller, sameDevice, tenantId, signer, subject.subject(), userVisibleMarkdown)
      .map(started -> new Started(started.orderId(), started.autoStartUrl(), started.simulatorUrl(),
        Optional.of(started.binding())))
      .recover(failure -> Future.failedFuture(translate(failure)));
  }

  /** Registers the completion of every signature on an application ({@value ApplicationSignature#KIND} subjects). */
  public void register(SigningService signing) {
    orders.onSignComplete(ApplicationSignature.KIND, completion(signing));
  }

  static SignCompletion completion(SigningService signing) {
    return (tx, signature) -> {
      ApplicationSignature signed = ApplicationSignature.of(signature.subject()).orElseThrow(() ->
        new IllegalArgumentException("not an application signature subject: " + signature.subject().kind()));
      return signing.complete(tx, new SignedOrder(signature.orderId(), signature.tenantId(), signed,
          signature.personId(), signature.orderRef(), signature.signature(), signature.ocspResponse(),
          signature.userVisibleData(), signature.completedAt()))
        .map(outcome -> new SignCompletion.Result(Optional.of(outcome.redirect()), outcome.details()));
    };
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
