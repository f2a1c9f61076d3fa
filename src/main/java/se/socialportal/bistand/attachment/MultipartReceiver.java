package se.socialportal.bistand.attachment;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.WriteStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.identity.Tokens;
import se.socialportal.platform.http.ApiException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Receives a multipart upload of one file (form field {@code file}) plus small form fields, streaming the file to a
 * temporary file under the store's incoming directory with the async file system while counting its size, keeping its
 * first bytes (to tell its type) and hashing it (SHA-256). Nothing blocks; nothing beyond the size limit is written;
 * before writing, the disk must have {@link AttachmentStore#MIN_FREE_BYTES} left.
 * The route must pause the request before any asynchronous step and call {@link #receive} with it still paused.
 */
public final class MultipartReceiver {

  /** What arrived. {@code file} is null when no file came; the caller deletes it unless the store takes it in. */
  public record Received(Path file, String fileName, long size, byte[] head, String sha256, int files,
                         MultiMap attributes) {
    public boolean tooLarge() {
      return size > AttachmentStore.MAX_BYTES;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(MultipartReceiver.class);

  private final Vertx vertx;
  private final AttachmentStore store;
  private final Path incoming;

  public MultipartReceiver(Vertx vertx, AttachmentStore store) {
    this.vertx = vertx;
    this.store = store;
    this.incoming = store.incoming();
  }

  /**
   * The upload, or a failed future: {@link AttachmentStore#notSaved()} when the file could not be written (the disk
   * is full or failing) — then no part of it is left on disk.
   */
  public Future<Received> receive(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
      request.resume();
      return Future.failedFuture(ApiException.of(415, "unsupported_media_type"));
    }
    Promise<Received> done = Promise.promise();
    Upload state = new Upload();
    AttachmentDisk disk = store.disk();
    request.setExpectMultipart(true);
    request.uploadHandler(upload -> {
      state.files++;
      if (state.files > 1 || !"file".equals(upload.name())) {
        upload.handler(ignored -> { });
        return;
      }
      state.fileName = upload.filename();
      state.path = incoming.resolve(Tokens.random() + ".part");
      state.fileDone = Promise.promise();
      upload.pause();
      vertx.fileSystem().mkdirs(incoming.toString())
        .compose(v -> disk.usableSpace(incoming))
        .compose(space -> space < AttachmentStore.MIN_FREE_BYTES
          ? Future.failedFuture(new IOException("only " + space + " bytes left on the attachment disk"))
          : disk.create(state.path))
        .onComplete(opened -> {
          if (opened.failed()) {
            state.fileDone.tryFail(opened.cause());
            upload.handler(ignored -> { });
            upload.resume();
            return;
          }
          stream(upload, opened.result(), state);
        });
    });
    request.exceptionHandler(failure -> {
      // Only before the answer: once received, the file is the store's to take in.
      if (!done.future().isComplete()) {
        forget(state).onComplete(v -> done.tryFail(failure));
      }
    });
    request.endHandler(v -> {
      Future<Void> file = state.fileDone == null ? Future.succeededFuture() : state.fileDone.future();
      file.onComplete(result -> {
        if (result.failed()) {
          LOG.error("An attachment could not be written to {}: {}", incoming, result.cause().toString());
          forget(state).onComplete(deleted -> done.tryFail(AttachmentStore.notSaved()));
          return;
        }
        done.tryComplete(new Received(state.path, state.fileName, state.size,
          java.util.Arrays.copyOf(state.head, state.headLength), HexFormat.of().formatHex(state.digest.digest()),
          state.files, request.formAttributes()));
      });
    });
    request.resume();
    return done.future();
  }

  /** Deletes what was written of a file that will not be received (a full disk may have taken half of it). */
  private Future<Void> forget(Upload state) {
    if (state.path == null) {
      return Future.succeededFuture();
    }
    return vertx.fileSystem().delete(state.path.toString()).recover(failure -> Future.succeededFuture());
  }

  private static void stream(HttpServerFileUpload upload, WriteStream<Buffer> file, Upload state) {
    file.exceptionHandler(failure -> state.writeFailed(failure, upload));
    upload.handler(buffer -> {
      state.size += buffer.length();
      if (state.size > AttachmentStore.MAX_BYTES || state.writeFailure != null) {
        return; // keep counting (and reading) so the answer can be given, write no more
      }
      state.keepHead(buffer);
      state.digest.update(buffer.getBytes());
      file.write(buffer).onFailure(failure -> state.writeFailed(failure, upload));
      if (file.writeQueueFull()) {
        upload.pause();
        file.drainHandler(v -> upload.resume());
      }
    });
    upload.exceptionHandler(failure -> file.end().onComplete(v -> state.fileDone.tryFail(failure)));
    upload.endHandler(v -> file.end().onComplete(closed -> {
      if (state.writeFailure != null) {
        state.fileDone.tryFail(state.writeFailure);
      } else if (closed.succeeded()) {
        state.fileDone.tryComplete();
      } else {
        state.fileDone.tryFail(closed.cause());
      }
    }));
    upload.resume();
  }

  private static final class Upload {
    int files;
    String fileName;
    Path path;
    long size;
    final byte[] head = new byte[8];
    int headLength;
    Promise<Void> fileDone;
    Throwable writeFailure;
    final MessageDigest digest = sha256();

    /** The first failed write ends the writing; the rest of the request is still read so an answer can be given. */
    void writeFailed(Throwable failure, HttpServerFileUpload upload) {
      if (writeFailure == null) {
        writeFailure = failure;
        upload.resume();
      }
    }

    void keepHead(Buffer buffer) {
      for (int i = 0; i < buffer.length() && headLength < head.length; i++) {
        head[headLength++] = buffer.getByte(i);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
