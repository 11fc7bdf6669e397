package io.releve.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.Poll;
import io.releve.cloud.TestStores;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.store.Database;
import io.releve.contract.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the bridge while its connection attempt still waits for the broker's CONNACK (a broker
 * that takes the connection and never answers) leaves no thread of its MQTT client that receives,
 * sends or calls back: Paho refuses to close such a client, and one left running could connect and
 * subscribe later.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeCloseTest {

  private static final String CLIENT_ID = "bridge-close-test";

  @TempDir Path folder;

  @Test
  void closingWhileTheConnectWaitsForItsAnswer_leavesNoMqttThreadBehind() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Database database = TestStores.open(folder, Clock.systemUTC())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (Exception closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Bridge bridge =
          new Bridge(
              MqttSettings.plain("tcp://127.0.0.1:" + silent.getLocalPort(), CLIENT_ID),
              Topics.UP_ALL,
              new Ingest(database),
              2,
              1);
      bridge.start();
      Poll.until(() -> !held.isEmpty(), () -> "the connection attempt");
      Poll.until(() -> !mqttThreads().isEmpty(), () -> "Paho's threads of the attempt");

      bridge.close();

      Poll.until(
          () -> mqttThreads().isEmpty(),
          () -> "no MQTT thread left that can act: " + mqttThreads());
      assertEquals(List.of(), mqttThreads());
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  /**
   * The client's threads that receive, send or call back: Paho names them {@code MQTT Rec: <client
   * id>}, {@code MQTT Snd: …} and {@code MQTT Call: …}. Its connecting thread ({@code MQTT Con}) is
   * left out: when the receiver it started is stopped first, Paho 1.2.5 leaves it polling for that
   * receiver to run, for good ({@code CommsReceiver.start}); it never gets to send a CONNECT.
   */
  private static List<String> mqttThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("MQTT") && !name.startsWith("MQTT Con"))
        .filter(name -> name.contains(CLIENT_ID))
        .sorted()
        .toList();
  }
}
