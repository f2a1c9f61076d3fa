package se.socialportal.letters;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/**
 * Hands a decision letter to the household's digital mailbox (Kivra, Min myndighetspost and the like, through the
 * municipality's mailbox operator). The adapter looks up whatever address the operator needs from the person ids; the
 * personnummer never travels through this interface, a log or a file name.
 */
public interface DigitalMailbox {

  /** One letter for delivery. {@code letterId} names it everywhere (files, references). */
  record Delivery(UUID letterId, String tenantId, List<UUID> recipientIds, String subject, byte[] pdf) {
  }

  /** Delivers the letter and answers the operator's reference; a failure is retried later. */
  Future<String> deliver(Delivery delivery);
}
