package se.socialportal.bistand.attachment;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import se.socialportal.identity.Tokens;
import se.socialportal.platform.http.ApiException;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Receives a multipart upload of one file (form field {@code file}) plus small form fields, streaming the file to a
 * temporary file under the store's incoming directory with the async file system while counting its size, keeping its
 * first bytes (to tell its type) and hashing it (SHA-256). Nothing blocks; nothing beyond the size limit is written.
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

  private final Vertx vertx;
  private final Path incoming;

  public MultipartReceiver(Vertx vertx, Path incoming) {
    this.vertx = vertx;
    this.incoming = incoming;
  }

  public Future<Received> receive(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
      request.resume();
      return Future.failedFuture(ApiException.of(415, "unsupported_media_type"));
    }
    Promise<Received> done = Promise.promise();
    Upload state = new Upload();
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
        .compose(v -> vertx.fileSystem().open(state.path.toString(), new OpenOptions().setCreateNew(true).setWrite(true)))
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
    request.exceptionHandler(failure -> done.tryFail(failure));
    request.endHandler(v -> {
      Future<Void> file = state.fileDone == null ? Future.succeededFuture() : state.fileDone.future();
      file.onComplete(result -> {
        if (result.failed()) {
          done.tryFail(result.cause());
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

  private static void stream(HttpServerFileUpload upload, AsyncFile file, Upload state) {
    upload.handler(buffer -> {
      state.size += buffer.length();
      if (state.size > AttachmentStore.MAX_BYTES) {
        return; // keep counting so the answer can say "too large", write no more
      }
      state.keepHead(buffer);
      state.digest.update(buffer.getBytes());
      file.write(buffer);
      if (file.writeQueueFull()) {
        upload.pause();
        file.drainHandler(v -> upload.resume());
      }
    });
    upload.exceptionHandler(failure -> file.close().onComplete(v -> state.fileDone.tryFail(failure)));
    upload.endHandler(v -> file.close().onComplete(closed -> {
      if (closed.succeeded()) {
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
    final MessageDigest digest = sha256();

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
