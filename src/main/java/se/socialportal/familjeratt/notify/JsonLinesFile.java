package se.socialportal.familjeratt.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/** Appends JSON lines to a file through Vert.x's asynchronous file system (the simulators' output). */
final class JsonLinesFile {

  private final Vertx vertx;
  private final Path file;

  JsonLinesFile(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  Path path() {
    return file;
  }

  Future<Void> append(JsonObject line) {
    return vertx.fileSystem().mkdirs(file.toAbsolutePath().getParent().toString())
      .compose(v -> vertx.fileSystem().open(file.toString(), new OpenOptions().setAppend(true).setCreate(true)))
      .compose(handle -> handle.write(Buffer.buffer(line.encode() + "\n")).eventually(handle::close));
  }
}
