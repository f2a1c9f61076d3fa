package se.socialportal.bistand;

import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.multipart.MultipartForm;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.SessionCookies;
import se.socialportal.testing.TestApp;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static se.socialportal.testing.Futures.await;

/** Logged-in residents for tests: a person with a generated, valid personnummer and a session cookie. */
final class Residents {

  private static final AtomicInteger SERIAL = new AtomicInteger(100);

  private Residents() {
  }

  /** A valid personnummer born on the given date (yyyyMMdd), with a fresh serial number. */
  static Personnummer personnummer(String birthDate) {
    String nine = birthDate.substring(2) + String.format("%03d", SERIAL.incrementAndGet() % 1000);
    return Personnummer.of(birthDate + nine.substring(6) + Personnummer.checkDigit(nine));
  }

  static Resident login(TestApp app, String birthDate, String givenName, String surname) {
    return login(app, personnummer(birthDate), givenName, surname);
  }

  static Resident login(TestApp app, Personnummer personnummer, String givenName, String surname) {
    var pool = app.services().pool();
    var person = await(new PersonRepository(pool).upsertFromLogin(personnummer, givenName, surname));
    var created = await(app.services().identity().sessions().store().createResident(pool, "demo", person.id(),
      givenName + " " + surname));
    WebClientSession client = WebClientSession.create(app.client());
    DefaultCookie cookie = new DefaultCookie(SessionCookies.NAME, created.token());
    cookie.setDomain("127.0.0.1");
    cookie.setPath("/");
    client.cookieStore().put(cookie);
    return new Resident(app, client, person.id(), personnummer, created.session().csrfToken());
  }

  /** One logged-in resident's browser. */
  static final class Resident {
    final TestApp app;
    final WebClientSession client;
    final UUID id;
    final Personnummer personnummer;
    final String csrf;

    Resident(TestApp app, WebClientSession client, UUID id, Personnummer personnummer, String csrf) {
      this.app = app;
      this.client = client;
      this.id = id;
      this.personnummer = personnummer;
      this.csrf = csrf;
    }

    HttpResponse<Buffer> get(String path) {
      return send(request(HttpMethod.GET, path), null);
    }

    HttpResponse<Buffer> post(String path, JsonObject body) {
      return send(request(HttpMethod.POST, path), body);
    }

    HttpResponse<Buffer> post(String path, JsonObject body, String idempotencyKey) {
      return send(request(HttpMethod.POST, path).putHeader("Idempotency-Key", idempotencyKey), body);
    }

    HttpResponse<Buffer> put(String path, JsonObject body) {
      return send(request(HttpMethod.PUT, path), body);
    }

    HttpResponse<Buffer> delete(String path) {
      return send(request(HttpMethod.DELETE, path), null);
    }

    /** A POST without the CSRF header, as a forged cross-site request would be. */
    HttpResponse<Buffer> postWithoutCsrf(String path, JsonObject body) {
      return send(client.requestAbs(HttpMethod.POST, app.baseUrl() + path).followRedirects(false), body);
    }

    HttpResponse<Buffer> upload(String path, String purpose, String category, String fileName, Buffer content) {
      MultipartForm form = MultipartForm.create().attribute("purpose", purpose);
      if (category != null) {
        form.attribute("category", category);
      }
      form.binaryFileUpload("file", fileName, content, "application/octet-stream");
      try {
        return request(HttpMethod.POST, path).sendMultipartForm(form).await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    HttpRequest<Buffer> request(HttpMethod method, String path) {
      HttpRequest<Buffer> request = client.requestAbs(method, app.baseUrl() + path).followRedirects(false);
      if (method != HttpMethod.GET) {
        request.putHeader("X-CSRF-Token", csrf);
      }
      return request;
    }

    static HttpResponse<Buffer> send(HttpRequest<Buffer> request, JsonObject body) {
      try {
        if (body == null) {
          return request.send().await(20, TimeUnit.SECONDS);
        }
        return request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer())
          .await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

  }
}
