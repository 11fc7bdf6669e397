package io.releve.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.releve.cloud.Batches;
import io.releve.cloud.Poll;
import io.releve.cloud.TestStores;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.store.Database;
import io.releve.contract.Ack;
import io.releve.contract.Json;
import io.releve.contract.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedBrokerTest {

  @TempDir Path folder;

  @Test
  void theEmbeddedBroker_carriesABatchAndItsAck_forPaho311Clients() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start(port);
        Database database = TestStores.open(folder, Clock.systemUTC());
        Bridge bridge =
            new Bridge(
                MqttSettings.plain(broker.uri(), "bridge"), Topics.UP_ALL, new Ingest(database))) {
      bridge.start();
      Poll.until(bridge::isSubscribed, () -> "the bridge's subscriptions");
      MqttClient gateway = new MqttClient(broker.uri(), "gw", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      gateway.connect(options);
      BlockingQueue<byte[]> acks = new ArrayBlockingQueue<>(4);
      gateway.subscribe(Topics.downAck(Batches.GATEWAY), 1, (t, m) -> acks.add(m.getPayload()));

      gateway.publish(
          Topics.upReadings(Batches.GATEWAY), Batches.readings(Batches.EPOCH, 1, 2), 1, false);

      byte[] ack = acks.poll(10, TimeUnit.SECONDS);
      assertArrayEquals(Json.write(new Ack(Batches.EPOCH, 2)), ack);
      // the ack can arrive before the bridge counts it
      Poll.until(() -> bridge.counters().acks() == 1, () -> "the ack counted");
      gateway.disconnect();
      gateway.close();
    }
  }
}
