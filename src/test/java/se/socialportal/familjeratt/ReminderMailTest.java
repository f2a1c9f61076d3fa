package se.socialportal.familjeratt;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("E-mail and SMS: the confirmation with its .ics file and the reminder the day before, over real SMTP")
class ReminderMailTest {

  private static GreenMail smtp;
  private static TestApp app;
  private static Path sms;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(TestApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    sms = Files.createTempDirectory("sms").resolve("sms.jsonl");
    app = Familjeratt.start("frmail", new JsonObject().put("SMTP_HOST", "127.0.0.1")
      .put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort())).put("SMTP_STARTTLS", "disabled")
      .put("MAIL_FROM", "familjeratt@demo.example").put("SMS_FILE", sms.toString()));
    Familjeratt.hours(Familjeratt.secretary(app, "frida"), DayOfWeek.THURSDAY, "09:00", "12:00", app.clock().today());
  }

  @AfterAll
  static void stop() {
    app.close();
    smtp.stop();
  }

  private static MimeMessage[] to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toArray(MimeMessage[]::new);
  }

  @Test
  @DisplayName("confirmation by e-mail with the meeting as .ics; the day before, a reminder by e-mail and SMS; once")
  void confirmationAndReminder() throws Exception {
    Browser tolvan = Familjeratt.resident(app, "tolvan");
    Instant start = Familjeratt.next(app, DayOfWeek.THURSDAY, "10:00").plus(Duration.ofDays(7));
    assertEquals(201, Familjeratt.book(tolvan, new JsonObject().put("service", "informationssamtal")
      .put("start", start.toString()).put("place", "office").put("email", "tolvan@example.se")
      .put("phone", "070 123 45 67")).statusCode());
    assertTrue(Familjeratt.round(app).sent() >= 1);
    assertTrue(smtp.waitForIncomingEmail(10_000, 1));
    MimeMessage confirmation = to("tolvan@example.se")[0];
    assertEquals("Bokningen är bekräftad: Informationssamtal", confirmation.getSubject());
    assertEquals("familjeratt@demo.example", confirmation.getFrom()[0].toString());
    MimeMultipart parts = (MimeMultipart) confirmation.getContent();
    String text = GreenMailUtil.getBody(parts.getBodyPart(0));
    assertTrue(text.contains("/familjeratt/bokning/?id="), text);
    assertFalse(text.contains("Storgatan"), "no address in a message: " + text);
    BodyPart calendar = parts.getBodyPart(1);
    assertTrue(calendar.getContentType().startsWith("text/calendar"), calendar.getContentType());
    String ics = new String(calendar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(ics.contains("DTSTART:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(java.time.ZoneOffset.UTC).format(start)), ics);

    // The day before the meeting: a reminder, by e-mail and by SMS — and only one, however many rounds run.
    app.clock().advance(Duration.between(app.clock().instant(), start.minus(Duration.ofHours(20))));
    Familjeratt.round(app);
    Familjeratt.round(app);
    assertTrue(smtp.waitForIncomingEmail(10_000, 2));
    MimeMessage[] received = to("tolvan@example.se");
    assertEquals(2, received.length);
    assertEquals("Påminnelse: Informationssamtal", received[1].getSubject());
    String texts = Files.readString(sms);
    assertTrue(texts.contains("\"to\":\"0701234567\""), texts);
    assertTrue(texts.contains("Påminnelse om ditt möte om Informationssamtal"), texts);
    assertEquals(2, texts.lines().count(), texts);
  }
}
