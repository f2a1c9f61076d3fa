package se.socialportal.testing;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import se.socialportal.identity.session.SessionCookies;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The live dashboard's event stream as a browser's EventSource reads it: every `figures` event, parsed, in a queue. */
public final class LiveStream {

  private LiveStream() {
  }

  /**
   * Opens {@code GET /api/v1/admin/live} on the server as the staff member (their session, which any server honours);
   * {@code head} receives the status and the content type.
   */
  public static BlockingQueue<JsonObject> open(HttpClient http, TestApp server, StaffLogins.Staff staff,
                                               StringBuilder head) {
    BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    StringBuilder buffer = new StringBuilder();
    // The handler is set in the callback that receives the response, on its event loop: set later from this thread,
    // the first event (the full set, sent at once) could arrive before it and be lost.
    HttpClientResponse response = Futures.await(http.request(new RequestOptions().setMethod(HttpMethod.GET)
        .setHost("127.0.0.1").setPort(server.port()).setURI("/api/v1/admin/live")
        .putHeader("Cookie", SessionCookies.NAME + "=" + staff.browser().cookie(SessionCookies.NAME)))
      .compose(request -> request.send())
      .map(answer -> answer.handler(chunk -> {
        synchronized (buffer) {
          buffer.append(chunk.toString());
          int end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            String event = buffer.substring(0, end);
            buffer.delete(0, end + 2);
            if (event.startsWith("event: figures\n")) {
              events.add(new JsonObject(event.substring(event.indexOf("data: ") + "data: ".length())));
            }
          }
        }
      })));
    head.append(response.statusCode()).append(' ').append(response.getHeader("Content-Type"));
    return events;
  }
}
