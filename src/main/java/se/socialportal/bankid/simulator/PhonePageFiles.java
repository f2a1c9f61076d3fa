package se.socialportal.bankid.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;

/**
 * The phone page's three files, read once from the classpath ({@code bankid/simulator/web/}). They travel with the
 * simulator rather than in the app's webroot, so a production installation does not even carry the page.
 */
record PhonePageFiles(Buffer html, Buffer script, Buffer stylesheet) {

  private static final String DIRECTORY = "/bankid/simulator/web/";

  static Future<PhonePageFiles> load(Vertx vertx) {
    return vertx.executeBlocking(() -> new PhonePageFiles(read("index.html"), read("phone.js"), read("phone.css")),
      false);
  }

  private static Buffer read(String name) throws IOException {
    try (InputStream in = PhonePageFiles.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IOException("classpath resource " + DIRECTORY + name + " is missing");
      }
      return Buffer.buffer(in.readAllBytes());
    }
  }
}
