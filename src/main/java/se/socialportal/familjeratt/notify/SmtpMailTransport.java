package se.socialportal.familjeratt.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;

import java.util.List;

/** E-mail through the municipality's SMTP server with Vert.x's mail client (non-blocking, pooled connections). */
public final class SmtpMailTransport implements MailTransport {

  private final MailClient client;
  private final String from;

  public SmtpMailTransport(Vertx vertx, MailConfig config, String from) {
    this.client = MailClient.createShared(vertx, config, "familjeratt");
    this.from = from;
  }

  @Override
  public Future<Void> send(Mail mail) {
    MailMessage message = new MailMessage().setFrom(from).setTo(mail.to()).setSubject(mail.subject())
      .setText(mail.text());
    mail.calendar().ifPresent(calendar -> message.setAttachment(List.of(MailAttachment.create()
      .setName("bokning.ics")
      .setContentType("text/calendar; charset=utf-8; method=PUBLISH")
      .setData(Buffer.buffer(calendar)))));
    return client.sendMail(message).mapEmpty();
  }
}
