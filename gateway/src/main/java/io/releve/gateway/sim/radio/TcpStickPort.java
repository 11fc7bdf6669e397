package io.releve.gateway.sim.radio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A stick behind a TCP port on 127.0.0.1, as a serial-to-network server exposes one. One host at a
 * time; unplugged, it drops the connection and closes every new one at once.
 */
final class TcpStickPort implements StickPort {
  private final ServerSocket server;
  private volatile boolean unplugged;
  private volatile Socket current;

  TcpStickPort() throws IOException {
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public Line await() throws IOException {
    while (true) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (server.isClosed()) {
          return null;
        }
        throw e;
      }
      if (unplugged) {
        socket.close();
        continue;
      }
      socket.setTcpNoDelay(true);
      current = socket;
      return new Line(socket.getInputStream(), socket.getOutputStream(), socket);
    }
  }

  @Override
  public void unplug() throws IOException {
    unplugged = true;
    Socket socket = current;
    if (socket != null) {
      socket.close();
    }
  }

  @Override
  public void replug() {
    unplugged = false;
  }

  @Override
  public String describe() {
    return "tcp://127.0.0.1:" + port();
  }

  @Override
  public void close() throws IOException {
    server.close();
    Socket socket = current;
    if (socket != null) {
      socket.close();
    }
  }
}
