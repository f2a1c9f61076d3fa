package se.socialportal.bistand.attachment;

import java.util.Optional;

/** What a file is, told by its first bytes (magic numbers), never by its name or the browser's claim. */
public enum FileType {
  PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final String mediaType;
  private final String extension;

  FileType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The type of content starting with {@code head} (at least 8 bytes when the file has them). */
  public static Optional<FileType> sniff(byte[] head) {
    if (startsWith(head, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(head, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    return Optional.empty();
  }

  public static Optional<FileType> ofMediaType(String mediaType) {
    for (FileType type : values()) {
      if (type.mediaType.equals(mediaType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
