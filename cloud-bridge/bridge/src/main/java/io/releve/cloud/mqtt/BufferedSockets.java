package io.releve.cloud.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets whose input stream is buffered, for Paho's {@code tcp://} connections.
 *
 * <p>Paho 1.2.5 reads from the socket's own stream: the fixed header and the remaining length of
 * every packet one byte at a time ({@code DataInputStream.readByte}), the rest in reads of whatever
 * the kernel holds. With a buffer, one read from the socket serves many packets. Paho's {@code
 * TCPNetworkModule} makes its socket with {@link #createSocket()} and connects it itself; it takes
 * any {@link SocketFactory} that is not an {@code SSLSocketFactory}. The output side is left alone:
 * Paho already wraps it in a {@code BufferedOutputStream} and flushes after every packet.
 *
 * <p>A read that times out (Paho sets a 1 s {@code SO_TIMEOUT} and reads again) loses nothing:
 * {@link BufferedInputStream} only hands out bytes that a read returned.
 */
final class BufferedSockets extends SocketFactory {

  /** Enough for many acks and batches of readings per read from the socket. */
  static final int BUFFER_BYTES = 64 * 1024;

  @Override
  public Socket createSocket() {
    return new BufferedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
  }

  /** A buffered socket bound to {@code local} (when not null) and connected to {@code remote}. */
  private static Socket connected(InetSocketAddress remote, InetSocketAddress local)
      throws IOException {
    Socket socket = new BufferedSocket();
    try {
      if (local != null) {
        socket.bind(local);
      }
      socket.connect(remote);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** A socket that returns one and the same buffered input stream every time. */
  static final class BufferedSocket extends Socket {
    private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
      }
      return input;
    }
  }
}
