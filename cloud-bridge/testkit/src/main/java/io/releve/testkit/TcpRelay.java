package io.releve.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network link a test can cut: a TCP relay on a free loopback port that forwards every connection
 * to a server (a broker), byte for byte, both ways. Only the clients given {@link #uri()} go
 * through it: the others still reach the server directly.
 *
 * <p>{@link #cut()} closes the connections that are through (the client sees its connection end, as
 * when a modem drops its session); while the link is cut, a new connection is accepted but nothing
 * goes through it, in either direction: the client waits for an answer as on a dead link, until it
 * gives up and closes it. {@link #restore()} lets everything through again, what the waiting
 * clients already sent included, so a client that is still waiting gets its answer at once.
 *
 * <pre>{@code
 * try (TcpRelay link = TcpRelay.start(broker.port())) {
 *   Uplink uplink = Uplink.start(config(link.uri()), ...);
 *   link.cut();      // the gateway's network is down
 *   link.restore();  // and back
 * }
 * }</pre>
 */
public final class TcpRelay implements AutoCloseable {

  private static final int BUFFER_BYTES = 64 * 1024;

  private final int targetPort;
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private volatile boolean cut;
  private volatile boolean closed;

  private TcpRelay(int targetPort, ServerSocket server) {
    this.targetPort = targetPort;
    this.server = server;
    this.acceptor = new Thread(this::accept, "tcp-relay-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /** A relay to {@code 127.0.0.1:targetPort}, letting connections through. */
  public static TcpRelay start(int targetPort) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TcpRelay relay = new TcpRelay(targetPort, server);
      relay.acceptor.start();
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on a loopback port", e);
    }
  }

  /** {@code tcp://127.0.0.1:PORT}: the relay's end, for Paho. */
  public String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Closes every connection through the relay; new ones wait, silent, until {@link #restore()}. */
  public synchronized void cut() {
    cut = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Lets the waiting connections and the new ones through. */
  public synchronized void restore() {
    cut = false;
    for (Socket client : held) {
      byte[] sent = sentSoFar(client);
      if (sent == null) {
        // it gave up waiting: a late connection of a client that has moved on would only confuse
        // the server
        closeQuietly(client);
      } else {
        forward(client, sent);
      }
    }
    held.clear();
  }

  /** What a waiting client sent while the link was cut, or null when it has closed since. */
  private static byte[] sentSoFar(Socket client) {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      client.setSoTimeout(50);
      InputStream in = client.getInputStream();
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          return null;
        }
        sent.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // nothing more for now: it is still there, waiting
      try {
        client.setSoTimeout(0);
      } catch (SocketException closed) {
        return null;
      }
      return sent.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The connections made while the link is cut, waiting for it (or given up by their client since):
   * a client that keeps trying to reach the server makes them.
   */
  public int waitingConnections() {
    return held.size();
  }

  /** Whether the link is cut. */
  public boolean isCut() {
    return cut;
  }

  /** Closes the relay and every connection it holds. */
  @Override
  public synchronized void close() {
    closed = true;
    cut();
    for (Socket socket : held) {
      closeQuietly(socket);
    }
    held.clear();
    closeQuietly(server);
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      synchronized (this) {
        if (closed) {
          closeQuietly(client);
        } else if (cut) {
          held.add(client);
        } else {
          forward(client, new byte[0]);
        }
      }
    }
  }

  /** Connects {@code client} to the server, {@code sent} (what it sent while held) first. */
  private void forward(Socket client, byte[] sent) {
    Socket upstream = new Socket();
    try {
      upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
      upstream.getOutputStream().write(sent);
    } catch (IOException e) {
      // the server is down: the client sees its connection end, as it would see it refused
      closeQuietly(upstream);
      closeQuietly(client);
      return;
    }
    open.add(client);
    open.add(upstream);
    pump(client, upstream);
    pump(upstream, client);
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[BUFFER_BYTES];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (SocketException e) {
                // closed by cut() or by the other side
              } catch (IOException e) {
                // the same: the connection is over
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
