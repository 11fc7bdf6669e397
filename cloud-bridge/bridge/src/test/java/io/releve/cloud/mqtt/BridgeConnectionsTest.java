package io.releve.cloud.mqtt;

import static io.releve.cloud.Batches.EPOCH;
import static io.releve.cloud.Batches.GATEWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.Batches;
import io.releve.cloud.Poll;
import io.releve.cloud.TestStores;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.FleetStatus;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqliteDatabase;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.Status;
import io.releve.contract.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bridge with several MQTT connections ({@code bridge.connections}) on a real Mosquitto. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BridgeConnectionsTest extends BridgeOnBroker {

  private static final int CONNECTIONS = 3;

  private void startBridge(Duration busyTimeout) throws Exception {
    startBridge(busyTimeout, 4, CONNECTIONS);
  }

  @Test
  void withSeveralConnections_theUpTopicsAreSharedInAGroupOfTheInstancesOwn() {
    assertEquals(Topics.UP_ALL, Bridge.upFilterFor(Topics.UP_ALL, "bridge-a", 1));
    assertEquals(
        "$share/releve-bridge-a/releve/v1/+/up/#",
        Bridge.upFilterFor(Topics.UP_ALL, "bridge-a", 3));
    assertEquals(
        Topics.sharedUp("bridges"), Bridge.upFilterFor(Topics.sharedUp("bridges"), "bridge-a", 3));
    assertEquals(
        Topics.sharedUp("bridges"), Bridge.upFilterFor(Topics.sharedUp("bridges"), "bridge-a", 1));
  }

  @Test
  void aPlainFilterOtherThanEveryUpTopic_isRefused_withSeveralConnections() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> Bridge.upFilterFor("releve/v1/+/up/readings", "bridge-a", 2));
    assertTrue(
        refused.getMessage().contains("every message to every connection"), refused::toString);
  }

  @Test
  void aConnectionCountOutOfRange_isRefused() {
    try (Database db = TestStores.open(folder, Clock.systemUTC())) {
      MqttSettings settings = MqttSettings.plain(broker.uri(), "bridge-test");
      for (int connections : new int[] {0, 17}) {
        assertThrows(
            IllegalArgumentException.class,
            () -> new Bridge(settings, Topics.UP_ALL, new Ingest(db), 4, connections));
      }
    }
  }

  @Test
  void threeConnections_storeManyGatewaysBatchesExactlyOnce_andEachReceivesSome() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    assertEquals(CONNECTIONS, bridge.connections());
    assertEquals("$share/releve-bridge-test/releve/v1/+/up/#", bridge.upFilter());
    String log = broker.log();
    for (String id : List.of("bridge-test ", "bridge-test-2 ", "bridge-test-3 ")) {
      assertTrue(log.contains(" as " + id), () -> id + "in " + log);
    }
    GatewayLoad.publishAndAwaitAcks(broker);

    GatewayLoad.assertStoredOnce(database, bridge.counters());
    List<Long> split = bridge.messagesPerConnection();
    assertEquals(
        (long) GatewayLoad.GATEWAYS * GatewayLoad.BATCHES,
        split.stream().mapToLong(Long::longValue).sum(),
        "" + split);
    for (long received : split) {
      assertTrue(received > 0, "every connection received some: " + split);
    }
    assertEquals(List.of(1L, 1L, 1L), bridge.sessionsPerConnection());
  }

  @Test
  void aDatabaseFailure_dropsOnlyTheConnectionThatDeliveredTheMessage_andItComesBack()
      throws Exception {
    startBridge(Duration.ofMillis(200));
    int failed;
    try (AutoCloseable broken = TestStores.breakWrites(store)) {
      publish(Batches.readings(EPOCH, 1, 2));
      Poll.until(() -> bridge.counters().failures() == 1, () -> "the database failure");
      Poll.until(() -> !bridge.isSubscribed(), () -> "the dropped connection; " + broker.log());
      failed = bridge.messagesPerConnection().indexOf(1L);
      assertTrue(failed >= 0, "one connection got the batch: " + bridge.messagesPerConnection());
    }
    assertEquals(0, bridge.counters().acks());
    // the gateway resends after its ack timeout, with a row more since; any connection may get it
    Poll.until(
        () -> {
          publishQuietly(Batches.readings(EPOCH, 1, 2, 3));
          return bridge.counters().acks() > 0;
        },
        () -> "an ack after the failure; " + broker.log());
    GatewayLoad.awaitHighestAck(gateway, GATEWAY, 3);
    // the dropped connection comes back on a fresh client; the others were never dropped
    Poll.until(
        () -> bridge.isSubscribed() && bridge.sessionsPerConnection().get(failed) == 2,
        () -> "the dropped connection's return; " + broker.log());
    List<Long> sessions = bridge.sessionsPerConnection();
    for (int i = 0; i < CONNECTIONS; i++) {
      assertEquals(i == failed ? 2 : 1, sessions.get(i), "sessions per connection " + sessions);
    }
    // every connection, the one that came back included, carries batches again
    List<Long> before = bridge.messagesPerConnection();
    for (long seq = 4; seq <= 33; seq++) {
      publish(Batches.readings(EPOCH, seq));
    }
    GatewayLoad.awaitHighestAck(gateway, GATEWAY, 33);
    List<Long> after = bridge.messagesPerConnection();
    for (int i = 0; i < CONNECTIONS; i++) {
      assertTrue(after.get(i) > before.get(i), "messages per connection " + before + " " + after);
    }
    assertEquals(33, FleetStatus.read(database).lines().get(0).readings());
    assertEquals(1, bridge.counters().failures());
  }

  @Test
  void statuses_areRecordedOncePerChange_throughTheFirstConnectionOnly() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    birthThenWill();
    Instant session = Instant.parse("2026-11-24T06:12:09.481Z");
    // a later status of another gateway: once it is recorded, a copy of the first two on another
    // connection would have been too
    GatewayId other = GatewayId.of("rl042-gw2");
    gateway
        .client()
        .publish(
            Topics.status(other),
            Json.write(new Status(other, Status.State.ONLINE, EPOCH, session, "0.1.0")),
            1,
            true);
    Poll.until(() -> "online".equals(state(other)), () -> "the other gateway's birth");

    // the store commits before the counter moves: wait for the counter rather than race it
    Poll.until(() -> bridge.counters().statuses() == 3, () -> "the third status counted");
    assertEquals(List.of(3L, 0L, 0L), bridge.messagesPerConnection());
  }

  private void publish(byte[] payload) throws Exception {
    gateway.client().publish(Topics.upReadings(GATEWAY), payload, 1, false);
  }

  private void publishQuietly(byte[] payload) {
    try {
      publish(payload);
      Thread.sleep(200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
