package io.releve.gateway.radio;

import java.io.IOException;
import java.time.Duration;

/**
 * The byte line to a radio stick: a USB serial port (8N1), or a TCP socket to a simulated stick.
 * The stick drivers see only this, so tests run them over a pseudo-terminal or a socket.
 *
 * <p>One thread uses a line at a time, except {@link #close()}, which any thread may call to
 * unblock a pending read. Any call after {@link #close()} throws {@link IOException}.
 */
public interface StickLine extends AutoCloseable {

  /**
   * Reads what has arrived, waiting at most {@code timeout} for the first byte.
   *
   * @return the number of bytes read, 0 when nothing came within {@code timeout}
   * @throws IOException when the port or the connection is gone (never on a mere timeout)
   */
  int read(byte[] buffer, Duration timeout) throws IOException;

  /** Sends all of {@code bytes}. */
  void write(byte[] bytes) throws IOException;

  /** Where it goes, for logs and events: the port path or {@code host:port}. */
  String describe();

  @Override
  void close() throws IOException;

  /** Opens a fresh line to the same stick: called once at start and again after each loss. */
  @FunctionalInterface
  interface Opener {
    StickLine open() throws IOException;
  }
}
