package io.releve.gateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * M-Bus through a transparent serial server (a level converter with an Ethernet port): the bytes of
 * the bus over a plain TCP connection. The server sets the bus's line speed; {@link #baud()} is
 * what it was configured with, for the link layer's timeouts.
 */
public final class TcpByteStream implements ByteStream {

  /**
   * What the network adds to a reply: 50 ms. A LAN round trip is about a millisecond, but serial
   * servers gather received bytes and forward them after a character timeout or a packing delay,
   * typically configured between 10 and 50 ms.
   */
  public static final Duration LATENCY = Duration.ofMillis(50);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String where;
  private final int baud;

  private TcpByteStream(Socket socket, String where, int baud) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.where = where;
    this.baud = baud;
  }

  /**
   * Connects to the serial server at {@code host:port} (TCP_NODELAY, so each request leaves at
   * once).
   *
   * @param baud the bus's line speed behind the server: 300, 2400 or 9600
   * @throws IOException when the connection cannot be made within {@code connectTimeout}; the
   *     message names {@code host:port}
   */
  public static TcpByteStream open(String host, int port, int baud, Duration connectTimeout)
      throws IOException {
    String where = host + ":" + port;
    BusSpeeds.check(baud, where);
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
      return new TcpByteStream(socket, where, baud);
    } catch (IOException e) {
      socket.close();
      throw new IOException(
          "Cannot connect to the M-Bus serial server "
              + where
              + " within "
              + connectTimeout.toMillis()
              + " ms: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new IOException("Writing to " + where + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    try {
      long millis = timeout.toMillis();
      if (millis < 1) {
        // SO_TIMEOUT 0 would wait forever: take only what is there
        int available = in.available();
        return available == 0 ? 0 : readOrFail(buffer, offset, Math.min(available, length));
      }
      socket.setSoTimeout(Math.toIntExact(Math.min(millis, Integer.MAX_VALUE)));
      return readOrFail(buffer, offset, length);
    } catch (SocketTimeoutException e) {
      return 0;
    } catch (IOException e) {
      throw new IOException("Reading from " + where + " failed: " + e.getMessage(), e);
    }
  }

  private int readOrFail(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      throw new IOException("The serial server closed the connection");
    }
    return n;
  }

  @Override
  public void purge() throws IOException {
    byte[] sink = new byte[256];
    int available;
    while ((available = in.available()) > 0) {
      readOrFail(sink, 0, Math.min(available, sink.length));
    }
  }

  @Override
  public int baud() {
    return baud;
  }

  @Override
  public Duration latency() {
    return LATENCY;
  }

  @Override
  public String describe() {
    return where;
  }

  /** Closes the connection. */
  @Override
  public void close() throws IOException {
    socket.close();
  }
}
