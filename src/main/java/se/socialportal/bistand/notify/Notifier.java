package se.socialportal.bistand.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.UUID;

/**
 * Tells a resident that something needs them or has happened (asked to co-sign, a reminder, a komplettering, a
 * message). Called inside the transaction that caused it, so a notification exists exactly when its cause does.
 * Delivery (SMS, e-mail, in demo mode a file) happens later through a {@link NotificationChannel}.
 */
public interface Notifier {

  /** Kinds of notification; the channel renders each in words. */
  String COSIGN_REQUESTED = "cosign_requested";
  String COSIGN_REMINDER = "cosign_reminder";
  String COSIGN_EXPIRED = "cosign_expired";
  String COSIGN_DECLINED = "cosign_declined";
  String SUBMITTED = "submitted";
  String WITHDRAWN = "withdrawn";
  String KOMPLETTERING_REQUESTED = "komplettering_requested";
  String MESSAGE_FROM_STAFF = "message_from_staff";

  /** {@code data} never holds personal details: ids, dates and amounts only. */
  Future<Void> notify(SqlClient tx, String tenantId, UUID personId, String kind, UUID applicationId, JsonObject data);
}
