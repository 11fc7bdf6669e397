package io.releve.cloud.mqtt;

import static io.releve.cloud.Batches.EPOCH;
import static io.releve.cloud.Batches.GATEWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.releve.cloud.Batches;
import io.releve.cloud.Poll;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.FleetStatus;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqliteDatabase;
import io.releve.contract.Ack;
import io.releve.contract.Golden;
import io.releve.contract.Json;
import io.releve.contract.Status;
import io.releve.contract.Topics;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.PahoPeer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeTest {

  @TempDir Path folder;
  private MosquittoBroker broker;
  private Database database;
  private Bridge bridge;
  private PahoPeer gateway;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    gateway = PahoPeer.connect(broker, "gw-rl042-gw1", options -> {});
    gateway.client().subscribe(Topics.downAck(GATEWAY), 1);
  }

  private void startBridge(Duration busyTimeout) throws Exception {
    database = SqliteDatabase.open(folder.resolve("cloud.db"), Clock.systemUTC(), busyTimeout);
    bridge =
        new Bridge(
            MqttSettings.plain(broker.uri(), "bridge-test"), Topics.UP_ALL, new Ingest(database));
    bridge.start();
    Poll.until(bridge::isSubscribed, () -> "the bridge's subscriptions; " + broker.log());
  }

  @AfterEach
  void stop() throws Exception {
    if (bridge != null) {
      bridge.close();
    }
    if (database != null) {
      database.close();
    }
    gateway.close();
    broker.close();
  }

  @Test
  void goldenBatches_areAckedAfterTheCommit_withQos1NotRetained() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    publish(Topics.upInventory(GATEWAY), Golden.INVENTORY.bytes());
    assertAck(40);
    publish(Topics.upReadings(GATEWAY), Golden.READINGS.bytes());
    assertAck(43);
    publish(Topics.upEvents(GATEWAY), Golden.EVENTS.bytes());
    PahoPeer.Received last = gateway.next();

    assertEquals(Topics.downAck(GATEWAY), last.topic());
    assertEquals(new Ack(EPOCH, 48), Json.read(last.payload().getBytes(), Ack.class));
    assertEquals(1, last.qos());
    assertFalse(last.retained());
    FleetStatus.Line line = FleetStatus.read(database).lines().get(0);
    assertEquals(48, line.ackedSeq());
    assertEquals(4, line.readings());
  }

  @Test
  void theSameBatchTwice_isAckedTwice() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1, 2));
    publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1, 2));

    assertAck(2);
    assertAck(2);
    assertEquals(2, FleetStatus.read(database).lines().get(0).readings());
  }

  @Test
  void aRefusedPayload_isCounted_andTheBridgeKeepsWorking() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    publish(Topics.upReadings(GATEWAY), "not json".getBytes());
    publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1));

    assertAck(1);
    assertEquals(1, bridge.counters().refused());
    assertEquals(1, FleetStatus.read(database).lines().get(0).refused());
  }

  @Test
  void whenTheCommitFails_noAckIsSent_andTheResentBatchIsAckedLater() throws Exception {
    startBridge(Duration.ofMillis(200));
    try (Connection other =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("cloud.db"));
        Statement lock = other.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1, 2));
      Poll.until(() -> bridge.counters().failures() == 1, () -> "the database failure");
      lock.execute("ROLLBACK");
    }
    assertEquals(0, bridge.counters().acks());
    // the gateway resends after its ack timeout, with a row more since
    Poll.until(
        () -> {
          if (bridge.isSubscribed()) {
            publishQuietly(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1, 2, 3));
          }
          return bridge.counters().acks() > 0;
        },
        () -> "an ack after the reconnection; " + broker.log());
    assertAck(3);
  }

  @Test
  void statuses_birthAndWillAreRecorded() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    Instant session = Instant.parse("2026-11-24T06:12:09.481Z");
    PahoPeer device =
        PahoPeer.connect(
            broker,
            "gw-with-will",
            options ->
                options.setWill(
                    Topics.status(GATEWAY),
                    Batches.status(Status.State.OFFLINE, session),
                    1,
                    true));
    MqttClient client = device.client();
    client.publish(Topics.status(GATEWAY), Batches.status(Status.State.ONLINE, session), 1, true);
    Poll.until(() -> "online".equals(state()), () -> "the birth");

    client.disconnectForcibly(0, 1000, false);
    Poll.until(() -> "offline".equals(state()), () -> "the will; " + broker.log());
    device.close();
  }

  private String state() {
    var lines = FleetStatus.read(database).lines();
    return lines.isEmpty() ? null : lines.get(0).state();
  }

  private void assertAck(long seq) throws InterruptedException {
    PahoPeer.Received ack = gateway.next();
    assertEquals(Topics.downAck(GATEWAY), ack.topic());
    assertEquals(new Ack(EPOCH, seq), Json.read(ack.payload().getBytes(), Ack.class));
  }

  private void publish(String topic, byte[] payload) throws Exception {
    gateway.client().publish(topic, payload, 1, false);
  }

  private void publishQuietly(String topic, byte[] payload) {
    try {
      publish(topic, payload);
      Thread.sleep(200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
