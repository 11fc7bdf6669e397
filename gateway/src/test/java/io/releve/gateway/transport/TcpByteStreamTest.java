package io.releve.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TCP byte stream against a real listener on 127.0.0.1. */
@Timeout(30)
class TcpByteStreamTest {
  private ServerSocket server;
  private Socket peer;
  private TcpByteStream stream;

  private void connect() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    stream = TcpByteStream.open("127.0.0.1", server.getLocalPort(), 2400, Duration.ofSeconds(5));
    peer = server.accept();
  }

  @AfterEach
  void close() throws IOException {
    if (stream != null) {
      stream.close();
    }
    if (peer != null) {
      peer.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void open_nothingListening_throwsNamingHostAndPort() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }

    IOException e =
        assertThrows(
            IOException.class,
            () -> TcpByteStream.open("127.0.0.1", port, 2400, Duration.ofSeconds(2)));

    assertTrue(
        e.getMessage()
            .startsWith(
                "Cannot connect to the M-Bus serial server 127.0.0.1:" + port + " within 2000 ms"),
        e::getMessage);
  }

  @Test
  void open_unsupportedBaud_isRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TcpByteStream.open("127.0.0.1", 1, 19200, Duration.ofSeconds(1)));

    assertEquals("Baud rate [19200] for 127.0.0.1:1 must be 300, 2400 or 9600.", e.getMessage());
  }

  @Test
  void describeBaudAndLatency_sayWhatTheLinkLayerNeeds() throws IOException {
    connect();

    assertEquals("127.0.0.1:" + server.getLocalPort(), stream.describe());
    assertEquals(2400, stream.baud());
    assertEquals(Duration.ofMillis(50), stream.latency());
  }

  @Test
  void write_bytesReachThePeer() throws IOException {
    connect();

    stream.write(new byte[] {0x10, 0x40, 0x05, 0x45, 0x16});

    byte[] got = peer.getInputStream().readNBytes(5);
    assertEquals("1040054516", java.util.HexFormat.of().formatHex(got));
  }

  @Test
  void read_nothingArrives_returnsZeroAfterTheTimeout() throws IOException {
    connect();
    long start = System.nanoTime();

    int n = stream.read(new byte[8], 0, 8, Duration.ofMillis(100));

    assertEquals(0, n);
    assertTrue(System.nanoTime() - start >= 80_000_000L, "waited for the timeout");
  }

  @Test
  void read_zeroTimeout_takesOnlyWhatIsThereWithoutWaiting() throws IOException {
    connect();

    assertEquals(0, stream.read(new byte[8], 0, 8, Duration.ZERO));
  }

  @Test
  void read_bytesArrive_returnsThemAtTheOffset() throws IOException {
    connect();
    OutputStream out = peer.getOutputStream();
    out.write(new byte[] {(byte) 0xE5});
    out.flush();
    byte[] buffer = new byte[4];

    int n = stream.read(buffer, 2, 2, Duration.ofSeconds(5));

    assertEquals(1, n);
    assertEquals((byte) 0xE5, buffer[2]);
  }

  @Test
  void purge_dropsWhatHasArrived() throws IOException {
    connect();
    OutputStream out = peer.getOutputStream();
    out.write(new byte[] {1, 2, 3, 4});
    out.flush();
    byte[] buffer = new byte[1];
    assertEquals(1, stream.read(buffer, 0, 1, Duration.ofSeconds(5))); // the rest is here too

    stream.purge();

    assertEquals(0, stream.read(new byte[8], 0, 8, Duration.ofMillis(100)));
  }

  @Test
  void read_serverHungUp_throwsNamingTheServer() throws IOException {
    connect();
    peer.close();

    IOException e =
        assertThrows(
            IOException.class, () -> stream.read(new byte[8], 0, 8, Duration.ofSeconds(5)));

    assertEquals(
        "Reading from 127.0.0.1:"
            + server.getLocalPort()
            + " failed: The serial server closed the connection",
        e.getMessage());
  }

  @Test
  void write_afterClose_throwsNamingTheServer() throws IOException {
    connect();
    stream.close();

    IOException e = assertThrows(IOException.class, () -> stream.write(new byte[] {1}));

    assertTrue(
        e.getMessage().startsWith("Writing to 127.0.0.1:" + server.getLocalPort() + " failed"),
        e::getMessage);
  }
}
