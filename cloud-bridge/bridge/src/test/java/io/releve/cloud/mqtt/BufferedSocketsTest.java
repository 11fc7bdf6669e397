package io.releve.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.releve.cloud.config.MqttSettings;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class BufferedSocketsTest {

  @Test
  void aPlainUri_connectsThroughBufferedSockets() throws Exception {
    var options = Connections.options(MqttSettings.plain("tcp://127.0.0.1:1883", "bridge"));
    assertInstanceOf(BufferedSockets.class, options.getSocketFactory());
  }

  @Test
  void aSocketMadeAsPahoMakesIt_readsThroughOneBuffer() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new BufferedSockets().createSocket()) {
      // Paho's TCPNetworkModule: createSocket(), then connect with its timeout
      socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 5_000);
      try (Socket peer = server.accept()) {
        OutputStream out = peer.getOutputStream();
        out.write(new byte[] {1, 2, 3, 4});
        out.flush();

        InputStream in = socket.getInputStream();
        assertInstanceOf(BufferedInputStream.class, in);
        assertSame(in, socket.getInputStream(), "one stream, or buffered bytes would be lost");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, in.readNBytes(4));
      }
    }
  }
}
