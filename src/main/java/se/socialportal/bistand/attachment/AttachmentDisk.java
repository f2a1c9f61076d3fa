package se.socialportal.bistand.attachment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemProps;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.WriteStream;

import java.nio.file.Path;

/**
 * The disk attachments are written to: how much room it has left and a new file to stream into. Production uses
 * {@link #local}; a fault drill hands the store one whose disk fills up ({@link AttachmentStore#useDisk}).
 */
public interface AttachmentDisk {

  /** Bytes an unprivileged process may still write on the file system holding {@code directory}. */
  Future<Long> usableSpace(Path directory);

  /** A new file (never an existing one), open for writing; {@code end()} closes it. */
  Future<WriteStream<Buffer>> create(Path file);

  /** The local file system through Vert.x's asynchronous file API. */
  static AttachmentDisk local(Vertx vertx) {
    return new AttachmentDisk() {
      @Override
      public Future<Long> usableSpace(Path directory) {
        return vertx.fileSystem().fsProps(directory.toString()).map(FileSystemProps::usableSpace);
      }

      @Override
      public Future<WriteStream<Buffer>> create(Path file) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
          .map(opened -> opened);
      }
    };
  }
}
