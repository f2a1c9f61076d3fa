package se.socialportal.bistand.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Where notifications go. The built-in channel is a simulator ({@link FileNotificationChannel}); an SMS or e-mail
 * gateway is another implementation of this interface (the municipality's own provider), chosen in
 * {@code BistandModule}.
 */
public interface NotificationChannel {

  /** Delivers every notification or fails; a failed batch is retried on the next check. */
  Future<Void> deliver(List<JsonObject> notifications);
}
