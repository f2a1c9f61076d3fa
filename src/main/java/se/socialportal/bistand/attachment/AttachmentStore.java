package se.socialportal.bistand.attachment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import se.socialportal.identity.Tokens;
import se.socialportal.platform.http.ApiException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The bytes of attachments, on disk under one directory, each file named by a random 256-bit key (never by anything
 * the resident chose). A file is taken in only when its content is PDF, JPEG or PNG, it is not empty and not larger
 * than {@link #MAX_BYTES}; its SHA-256 was computed while it arrived ({@link MultipartReceiver}). All file work uses
 * the async file system.
 */
public final class AttachmentStore {

  public static final long MAX_BYTES = 10L * 1024 * 1024;
  public static final int MAX_PER_APPLICATION = 20;
  /**
   * An upload is not started on a disk with less room than this: the largest file plus what the database, logs and
   * letters sharing the disk still need. Refusing early beats a disk that fills up halfway through a file.
   */
  public static final long MIN_FREE_BYTES = MAX_BYTES + 64L * 1024 * 1024;

  /** A file taken into the store. */
  public record Stored(String storageKey, FileType type, long size, String sha256) {
  }

  private final Vertx vertx;
  private final Path root;
  private volatile AttachmentDisk disk;

  public AttachmentStore(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root;
    this.disk = AttachmentDisk.local(vertx);
  }

  /** The disk new uploads are written to. */
  public AttachmentDisk disk() {
    return disk;
  }

  /** Writes new uploads through another disk: a fault drill's, whose disk is full. */
  public void useDisk(AttachmentDisk other) {
    this.disk = java.util.Objects.requireNonNull(other);
  }

  /**
   * The answer when a file could not be written (the disk is full or failing): nothing was kept and the resident may
   * try again later; a field problem on {@code file} so the form shows it beside the upload.
   */
  public static ApiException notSaved() {
    return new ApiException(503, "attachment_not_saved", java.util.List.of(),
      java.util.List.of(new ApiException.FieldProblem("file", "attachment_not_saved")));
  }

  public Path root() {
    return root;
  }

  /** Where uploads in flight are written (same file system as the store, so taking a file in is a rename). */
  public Path incoming() {
    return root.resolve("incoming");
  }

  public Future<Void> prepare() {
    return vertx.fileSystem().mkdirs(incoming().toString());
  }

  /** The checks every file must pass, as a field problem on {@code file}; empty when it may be taken in. */
  public static Optional<ApiException> refusal(MultipartReceiver.Received received) {
    if (received.files() != 1 || received.file() == null) {
      return Optional.of(ApiException.invalid("file", "attachment_one_file"));
    }
    if (received.size() == 0) {
      return Optional.of(ApiException.invalid("file", "attachment_empty"));
    }
    if (received.tooLarge()) {
      return Optional.of(ApiException.invalid("file", "attachment_too_large", MAX_BYTES / (1024 * 1024)));
    }
    if (FileType.sniff(received.head()).isEmpty()) {
      return Optional.of(ApiException.invalid("file", "attachment_type"));
    }
    return Optional.empty();
  }

  /** Moves a received file into the store under a new random key, or deletes it and fails when it is refused. */
  public Future<Stored> takeIn(MultipartReceiver.Received received) {
    Optional<ApiException> refused = refusal(received);
    if (refused.isPresent()) {
      return discard(received).compose(v -> Future.failedFuture(refused.get()));
    }
    FileType type = FileType.sniff(received.head()).orElseThrow();
    String key = Tokens.random();
    return vertx.fileSystem().move(received.file().toString(), path(key).toString())
      .map(new Stored(key, type, received.size(), received.sha256()));
  }

  /** Deletes a received file that will not be taken in (only ever a file under {@link #incoming()}). */
  public Future<Void> discard(MultipartReceiver.Received received) {
    if (received == null || received.file() == null) {
      return Future.succeededFuture();
    }
    Path normalized = received.file().toAbsolutePath().normalize();
    if (!normalized.startsWith(incoming())) {
      return Future.succeededFuture();
    }
    return vertx.fileSystem().delete(normalized.toString()).recover(failure -> Future.succeededFuture());
  }

  /** The file for a stored key; the key comes from our own table, and is checked again so no path can escape. */
  public Path path(String storageKey) {
    if (!storageKey.matches("[A-Za-z0-9_-]{43}")) {
      throw new IllegalArgumentException("not a storage key");
    }
    return root.resolve(storageKey);
  }

  public Future<Void> delete(String storageKey) {
    return vertx.fileSystem().delete(path(storageKey).toString()).recover(failure -> Future.succeededFuture());
  }
}
