package io.releve.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * TEMPORARY PLACEHOLDER, to be replaced by the web core ({@code io.releve.portal.web}): a JDK HTTP
 * server that answers {@code GET /} with one French line, so that the portal's start, its
 * configuration and its shutdown can be tested before the pages exist. Nothing else belongs here.
 */
final class PortalHttp implements AutoCloseable {

  private static final byte[] PAGE =
      ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Relevé</title></head>"
              + "<body><p>Portail Relevé : bientôt disponible.</p></body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  private PortalHttp(HttpServer server) {
    this.server = server;
  }

  /**
   * Binds {@code listen} and starts serving.
   *
   * @throws IOException when the address cannot be bound (in use, or not an address of this host)
   */
  static PortalHttp start(InetSocketAddress listen) throws IOException {
    InetSocketAddress resolved = new InetSocketAddress(listen.getHostString(), listen.getPort());
    if (resolved.isUnresolved()) {
      throw new IOException(
          "cannot resolve the host of portal.listen [" + listen.getHostString() + "]");
    }
    HttpServer server;
    try {
      server = HttpServer.create(resolved, 0);
    } catch (IOException e) {
      throw new IOException(
          "cannot listen on "
              + listen.getHostString()
              + ":"
              + listen.getPort()
              + ": "
              + e.getMessage(),
          e);
    }
    server.createContext("/", PortalHttp::handle);
    server.start();
    return new PortalHttp(server);
  }

  /** The bound address (the port is the real one). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      boolean home = exchange.getRequestURI().getPath().equals("/");
      if (!home) {
        exchange.sendResponseHeaders(404, -1);
      } else if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, PAGE.length);
        try (OutputStream body = exchange.getResponseBody()) {
          body.write(PAGE);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    // no grace period: the placeholder's answers are instant
    server.stop(0);
  }
}
