package se.socialportal.familjeratt.notify;

import io.vertx.core.Future;

/**
 * Sends a text message. The built-in gateway is a simulator ({@link FileSmsGateway}); a municipality's SMS provider
 * is another implementation of this interface.
 */
public interface SmsGateway {

  /** @param phone the number as the resident gave it, digits with an optional leading + */
  Future<Void> send(String phone, String text);
}
