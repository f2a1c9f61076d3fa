package se.socialportal.familjeratt.notify;

import io.vertx.core.Future;

/** Sends e-mail: over SMTP ({@link SmtpMailTransport}), or into a file when no SMTP server is configured. */
public interface MailTransport {
  Future<Void> send(Mail mail);
}
