package se.socialportal.admin.live;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The text/event-stream format (HTML Living Standard, server-sent events) for the dashboard's stream: the headers,
 * the browser's reconnect delay, a {@code figures} event per push and comment lines to keep the connection alive.
 */
final class ServerSentEvents {

  /** How long the browser's EventSource waits before it reconnects after the stream broke. */
  static final int RETRY_MILLIS = 3_000;

  private ServerSentEvents() {
  }

  /** Starts the stream: nothing is compressed or buffered on the way (each event must arrive as it is written). */
  static Future<Void> start(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
      .putHeader("Cache-Control", "no-store").putHeader("Content-Encoding", "identity")
      .putHeader("X-Accel-Buffering", "no");
    return response.write("retry: " + RETRY_MILLIS + "\n\n");
  }

  /** One event: the whole figure set as JSON on one data line (JSON encodes line breaks, so one line suffices). */
  static Future<Void> figures(HttpServerResponse response, JsonObject figures) {
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    return response.write("event: figures\ndata: " + figures.encode() + "\n\n");
  }

  static void comment(HttpServerResponse response) {
    if (!response.ended() && !response.closed()) {
      response.write(": keep-alive\n\n");
    }
  }
}
