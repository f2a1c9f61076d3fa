package se.socialportal.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;

import java.util.concurrent.TimeUnit;

/**
 * A cookie-keeping HTTP client that behaves like one browser: redirects are not followed automatically (tests look at
 * each hop), and state-changing calls send the CSRF token once {@link #csrf(String)} has been given.
 */
public final class Browser {

  private final WebClientSession session;
  private String baseUrl;
  private String csrfToken;

  public Browser(TestApp app) {
    this.session = WebClientSession.create(app.client());
    this.baseUrl = app.baseUrl();
  }

  /** Points relative paths at another server (e.g. a test's own router beside the app). */
  public Browser baseUrl(String otherBaseUrl) {
    this.baseUrl = otherBaseUrl;
    return this;
  }

  public Browser csrf(String token) {
    this.csrfToken = token;
    return this;
  }

  public HttpResponse<Buffer> get(String pathOrUrl) {
    return send(request(HttpMethod.GET, pathOrUrl), null);
  }

  public HttpResponse<Buffer> post(String pathOrUrl, JsonObject body) {
    return send(request(HttpMethod.POST, pathOrUrl), body == null ? null : body.toBuffer());
  }

  public HttpResponse<Buffer> postForm(String url, MultiMap form) {
    try {
      return request(HttpMethod.POST, url).sendForm(form).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Follows one redirect from a response: GET its Location. */
  public HttpResponse<Buffer> follow(HttpResponse<Buffer> redirect) {
    String location = redirect.getHeader("Location");
    if (location == null) {
      throw new AssertionError("expected a redirect, got " + redirect.statusCode() + ": " + redirect.bodyAsString());
    }
    return get(location);
  }

  public String cookie(String name) {
    for (var cookie : session.cookieStore().get(false, "127.0.0.1", "/")) {
      if (cookie.name().equals(name)) {
        return cookie.value();
      }
    }
    return null;
  }

  private HttpRequest<Buffer> request(HttpMethod method, String pathOrUrl) {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
    HttpRequest<Buffer> request = session.requestAbs(method, url).followRedirects(false);
    if (csrfToken != null && method != HttpMethod.GET) {
      request.putHeader("X-CSRF-Token", csrfToken);
    }
    return request;
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, Buffer body) {
    try {
      if (body == null) {
        return request.send().await(20, TimeUnit.SECONDS);
      }
      return request.putHeader("Content-Type", "application/json").sendBuffer(body).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Direct access for what this class does not cover. */
  public WebClient client() {
    return session;
  }
}
