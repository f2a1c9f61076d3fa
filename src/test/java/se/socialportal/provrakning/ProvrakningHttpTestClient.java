package se.socialportal.provrakning;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import se.socialportal.testing.TestApp;

import java.util.concurrent.TimeUnit;

/** Posts a provräkning to a test server. */
final class ProvrakningHttpTestClient {

  private ProvrakningHttpTestClient() {
  }

  static HttpResponse<Buffer> post(TestApp app, JsonObject body) throws Exception {
    return app.client().post("/api/v1/provrakning").putHeader("Content-Type", "application/json")
      .sendBuffer(body.toBuffer()).await(10, TimeUnit.SECONDS);
  }
}
