package io.releve.gateway.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * A bidirectional byte stream to a wired M-Bus: a level converter on a serial port, or a
 * transparent serial server over TCP. The link layer sees only this, so it does not care which.
 *
 * <p>One thread uses a stream at a time (one thread per bus). Closing it releases the port or
 * socket; any later call throws {@link IOException}.
 */
public interface ByteStream extends AutoCloseable {

  /** Sends all of {@code bytes}; returns once they are handed to the driver or the socket. */
  void write(byte[] bytes) throws IOException;

  /**
   * Reads what has arrived, waiting at most {@code timeout} for the first byte.
   *
   * @return the number of bytes read, 0 when nothing came within {@code timeout}
   * @throws IOException when the port or the connection is gone (never on a mere timeout)
   */
  int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

  /** Drops whatever input has arrived and not been read: stale replies, echoes, noise. */
  void purge() throws IOException;

  /** The line speed in bit/s; timeouts derive from it. */
  int baud();

  /**
   * What the stream adds to the bus's own delays before a byte reaches us: USB latency of a level
   * converter, or the round trip to a serial server.
   */
  Duration latency();

  /** Where it goes, for logs and errors: the port path or {@code host:port}. */
  String describe();

  @Override
  void close() throws IOException;
}
