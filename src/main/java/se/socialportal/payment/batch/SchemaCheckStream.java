package se.socialportal.payment.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The bytes of a file on their way to disk, handed in chunks to a schema check reading them on another thread: the
 * file is checked while it is written (the two halves of the work share the two cores), and what is checked is exactly
 * what is written. The writer closes (or {@link #abandon()}s) it; the reader side ({@link #input()}) always reads to
 * the end, even after the check has failed, so the writer never waits for a reader that has gone.
 */
final class SchemaCheckStream extends OutputStream {

  private static final int CHUNK = 1 << 16;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
  private byte[] chunk = new byte[CHUNK];
  private int used;
  private boolean closed;

  @Override
  public void write(int b) throws IOException {
    if (used == CHUNK) {
      handOver();
    }
    chunk[used++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (used == CHUNK) {
        handOver();
      }
      int n = Math.min(length, CHUNK - used);
      System.arraycopy(bytes, offset, chunk, used, n);
      used += n;
      offset += n;
      length -= n;
    }
  }

  /** The end of the file: the check reads what is left and sees the end. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      handOver();
      closed = true;
      put(END);
    }
  }

  /** The file is given up: the check sees it end where it is (and fails, being incomplete). */
  void abandon() {
    if (!closed) {
      closed = true;
      try {
        put(END);
      } catch (InterruptedIOException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void handOver() throws InterruptedIOException {
    if (used > 0) {
      put(used == CHUNK ? chunk : Arrays.copyOf(chunk, used));
      chunk = new byte[CHUNK];
      used = 0;
    }
  }

  private void put(byte[] bytes) throws InterruptedIOException {
    try {
      chunks.put(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the schema check's stream was interrupted");
    }
  }

  /** The reading side, for one reader on one thread; {@link InputStream#close()} drains what the writer still sends. */
  InputStream input() {
    return new InputStream() {
      private byte[] current = new byte[0];
      private int position;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        while (position == current.length) {
          if (ended) {
            return -1;
          }
          current = take();
          position = 0;
          ended = current == END;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        while (!ended) {
          ended = take() == END;
        }
        current = END;
        position = 0;
      }

      private byte[] take() throws InterruptedIOException {
        try {
          return chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("the schema check was interrupted");
        }
      }
    };
  }
}
