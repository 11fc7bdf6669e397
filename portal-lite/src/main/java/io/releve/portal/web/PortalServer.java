package io.releve.portal.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server answering with a handler on a bounded pool of threads. Closing it stops
 * accepting at once and gives running requests up to a second to finish.
 */
public final class PortalServer implements AutoCloseable {
  // a Pi-class machine: password hashing (2 at once) dominates, more threads would only queue
  static final int THREADS = 16;
  // beyond this many waiting requests the accepting thread answers itself, which slows accepting
  // rather than dropping connections or growing memory
  static final int QUEUE = 256;
  private static final int BACKLOG = 64;

  /**
   * The JDK server's switch for TCP_NODELAY on accepted sockets, read once when its first server is
   * made. Off by default, and then a response written as headers and body in two segments waits for
   * the client's delayed ACK: about 40 ms on every page, measured by {@code bench dashboard}.
   */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor pool;

  private PortalServer(HttpServer server, ThreadPoolExecutor pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Binds {@code address} and starts answering with {@code handler}.
   *
   * @throws IOException when the address cannot be bound (in use, not local)
   */
  static PortalServer start(InetSocketAddress address, HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(address, BACKLOG);
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "portal-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(QUEUE),
            threads,
            new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    server.setExecutor(pool);
    server.createContext("/", handler);
    server.start();
    return new PortalServer(server, pool);
  }

  /** The base address, such as {@code http://127.0.0.1:41234} (no trailing slash). */
  public URI uri() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }

  /** Stops accepting, then waits up to a second for running requests before interrupting them. */
  @Override
  public void close() {
    server.stop(0);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
