package se.socialportal.bistand.signing;

import java.time.Instant;
import java.util.UUID;

/** A completed BankID signature, as the order service hands it over: the evidence we keep with the application. */
public record SignedOrder(UUID orderId, String tenantId, ApplicationSignature signed, UUID personId, String orderRef,
                          String signature, String ocspResponse, String userVisibleData, Instant completedAt) {
}
