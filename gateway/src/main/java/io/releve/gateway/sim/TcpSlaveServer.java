package io.releve.gateway.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated bus behind a transparent serial server: the gateway connects with {@code
 * TcpByteStream} to {@link #host()}:{@link #port()} and talks to the virtual slaves as over a real
 * M-Bus, replies paced at the bus's baud rate after the slaves' reply delay.
 *
 * <p>Listens on 127.0.0.1 only, on a port the system picks. One master at a time, as a serial
 * server allows: the next connection is accepted once the current one closes. The serving thread is
 * a daemon; {@link #close()} stops it and closes the sockets. Failures of a connection are logged
 * and counted in {@link #failures()}; the server then waits for the next master.
 */
public final class TcpSlaveServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpSlaveServer.class);

  /** How long {@link #close()} waits for the serving thread. */
  private static final long JOIN_MILLIS = 2_000;

  private final SimulatedBus bus;
  private final BusTiming timing;
  private final ServerSocket server;
  private final Thread thread;
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile Socket current;
  private volatile boolean closed;

  private TcpSlaveServer(SimulatedBus bus, BusTiming timing, ServerSocket server) {
    this.bus = bus;
    this.timing = timing;
    this.server = server;
    this.thread = new Thread(this::acceptLoop, "sim-tcp-" + bus.name());
    thread.setDaemon(true);
  }

  /** Serves {@code bus} at its own timing. */
  public static TcpSlaveServer start(SimulatedBus bus) throws IOException {
    return start(bus, bus.timing());
  }

  /**
   * Binds 127.0.0.1 on an ephemeral port and starts serving {@code bus}.
   *
   * @param timing the pace of the line: baud rate and reply delay (usually {@code bus.timing()})
   * @throws IOException when the port cannot be bound
   */
  public static TcpSlaveServer start(SimulatedBus bus, BusTiming timing) throws IOException {
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(timing, "timing");
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      server.close();
      throw new IOException("Cannot bind the simulated bus " + bus.name() + " to 127.0.0.1", e);
    }
    TcpSlaveServer slaveServer = new TcpSlaveServer(bus, timing, server);
    slaveServer.thread.start();
    return slaveServer;
  }

  /** The address to connect to: always the loopback address. */
  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  public int port() {
    return server.getLocalPort();
  }

  public SimulatedBus bus() {
    return bus;
  }

  /** Masters that connected so far. */
  public long connections() {
    return connections.get();
  }

  /** Connections that ended in an error other than the master closing. */
  public long failures() {
    return failures.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try (Socket socket = server.accept()) {
        current = socket;
        if (closed) {
          return; // closed between accept and here: close() could not see this socket
        }
        connections.incrementAndGet();
        socket.setTcpNoDelay(true); // each paced character leaves at once
        new SlaveLine(bus, timing).serve(socket.getInputStream(), socket.getOutputStream());
      } catch (SocketException e) {
        // a reset or a broken pipe while replying: the master hung up mid-reply (a daemon that
        // stops during a cycle), which is the master closing, not the slave failing
        LOG.debug("Simulated bus {} on port {}: the master hung up: {}", bus.name(), port(), e);
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          failures.incrementAndGet();
          LOG.warn("Simulated bus {} on port {}: {}", bus.name(), port(), e.toString(), e);
        }
      } finally {
        current = null;
      }
    }
  }

  /** Stops accepting, closes the master's connection and waits for the serving thread. */
  @Override
  public void close() throws IOException {
    closed = true;
    IOException failure = null;
    try {
      server.close();
    } catch (IOException e) {
      failure = e;
    }
    Socket socket = current;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    thread.interrupt();
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return bus + " on " + host() + ":" + port();
  }
}
