package io.releve.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Plain sockets that a test can close under Paho's feet, as when the client's process dies: no
 * DISCONNECT, so the broker publishes the will. Give it to {@code
 * MqttConnectOptions.setSocketFactory}.
 */
public final class BreakableSockets extends SocketFactory {
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** Closes every socket made so far: the broker sees the connection end without DISCONNECT. */
  public void breakAll() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Override
  public Socket createSocket() {
    Socket socket = new Socket();
    sockets.add(socket);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new Socket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return connected(new Socket(host, port, local, localPort));
  }

  private Socket connected(Socket socket) {
    sockets.add(socket);
    return socket;
  }
}
