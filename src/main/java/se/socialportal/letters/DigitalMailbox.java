package se.socialportal.letters;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands a decision letter to the household's digital mailbox (Kivra, Min myndighetspost and the like, through the
 * municipality's mailbox operator). What a real operator needs travels inside its secured channel: each recipient's
 * personnummer and the sender's organisation number. The personnummer never reaches a log line or a file name.
 * A letter is "delivered" only when the operator says so; until then it is "handed over", and a recipient the operator
 * cannot reach gets the letter on paper instead.
 */
public interface DigitalMailbox {

  /** A recipient: {@code toString} masks the personnummer so it cannot slip into a log line. */
  record Recipient(UUID personId, String personnummer) {
    @Override
    public String toString() {
      return "Recipient[" + personId + "]";
    }
  }

  /** One letter for delivery. {@code letterId} names it everywhere (files, references). */
  record Delivery(UUID letterId, String tenantId, String senderOrganisationNumber, List<Recipient> recipients,
                  String subject, byte[] pdf) {
  }

  /** What the operator said: it has the letter, it delivered it, or it cannot reach a recipient. */
  enum Status { HANDED_OVER, DELIVERED, NOT_REACHABLE }

  record Receipt(Status status, String reference) {
  }

  /** Hands the letter over; a failure is retried later. */
  Future<Receipt> deliver(Delivery delivery);

  /** The operator's later answer about a letter handed over; empty while it has given none. */
  Future<Optional<Receipt>> confirmation(UUID letterId);
}
