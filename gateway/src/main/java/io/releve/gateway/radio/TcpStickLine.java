package io.releve.gateway.radio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A radio stick behind a TCP socket: a simulated stick, or a stick on a transparent serial server.
 * The stream carries the stick's own bytes, unchanged.
 */
public final class TcpStickLine implements StickLine {

  /** How long a connection attempt may take, in milliseconds. */
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String where;

  private TcpStickLine(Socket socket, String where) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.where = where;
  }

  /** Connects to {@code host:port}; throws {@link IOException} naming them when it cannot. */
  public static TcpStickLine connect(String host, int port) throws IOException {
    String where = host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      return new TcpStickLine(socket, where);
    } catch (IOException e) {
      socket.close();
      throw new IOException("Cannot connect to stick at " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws IOException {
    socket.setSoTimeout(Math.toIntExact(Math.max(1, Math.min(timeout.toMillis(), 60_000))));
    try {
      int n = in.read(buffer);
      if (n < 0) {
        throw new IOException("Stick at " + where + " closed the connection");
      }
      return n;
    } catch (SocketTimeoutException e) {
      return 0;
    }
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public String describe() {
    return where;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
