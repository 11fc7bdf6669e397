package io.releve.cloud.mqtt;

import static io.releve.cloud.Batches.EPOCH;
import static io.releve.cloud.Batches.GATEWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.Batches;
import io.releve.cloud.Poll;
import io.releve.cloud.TestStores;
import io.releve.cloud.ingest.FleetStatus;
import io.releve.cloud.store.SqliteDatabase;
import io.releve.contract.Ack;
import io.releve.contract.Golden;
import io.releve.contract.Json;
import io.releve.contract.Topics;
import io.releve.testkit.PahoPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BridgeTest extends BridgeOnBroker {

  private void startBridge(Duration busyTimeout) throws Exception {
    startBridge(busyTimeout, 4);
  }

  private void startBridge(Duration busyTimeout, int workers) throws Exception {
    startBridge(busyTimeout, workers, 1);
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
    // the workers take the two messages in parallel: the good one may be acked first
    Poll.until(() -> bridge.counters().refused() == 1, () -> "the refusal counted");
    Poll.until(
        () -> FleetStatus.read(database).lines().get(0).refused() == 1,
        () -> "the refusal recorded");
  }

  @Test
  void whenTheCommitFails_noAckIsSent_andTheResentBatchIsAckedLater() throws Exception {
    aFailedCommit_dropsTheConnection_andTheResentBatchIsStored(4);
  }

  @Test
  void withOneWorker_aFailedCommit_dropsTheConnection_andTheResentBatchIsStored() throws Exception {
    aFailedCommit_dropsTheConnection_andTheResentBatchIsStored(1);
  }

  private void aFailedCommit_dropsTheConnection_andTheResentBatchIsStored(int workers)
      throws Exception {
    startBridge(Duration.ofMillis(200), workers);
    try (AutoCloseable broken = TestStores.breakWrites(store)) {
      publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1, 2));
      Poll.until(() -> bridge.counters().failures() == 1, () -> "the database failure");
      // the failed message's connection is dropped, not left to carry more messages
      Poll.until(() -> !bridge.isSubscribed(), () -> "the dropped connection; " + broker.log());
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
    assertEquals(3, FleetStatus.read(database).lines().get(0).readings());
    assertEquals(1, bridge.counters().failures());
  }

  @Test
  void aLargeBatch_arrivesIntact_throughTheBufferedSocket() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);
    long[] seqs = LongStream.rangeClosed(1, 2000).toArray();
    byte[] payload = Batches.readings(EPOCH, seqs);
    assertTrue(payload.length > 500_000, payload.length + " bytes");

    publish(Topics.upReadings(GATEWAY), payload);

    assertAck(2000);
    assertEquals(2000, FleetStatus.read(database).lines().get(0).readings());
    assertEquals(2000, bridge.counters().rowsAdded());
  }

  @Test
  void manyGatewaysAtOnce_areStoredExactlyOnce_andAckedUpToTheirLastSeq() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT, 4);
    GatewayLoad.publishAndAwaitAcks(broker);

    GatewayLoad.assertStoredOnce(database, bridge.counters());
  }

  @Test
  void oneWorker_storesAndAcksEveryBatch_inArrivalOrder() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT, 1);
    for (long seq = 1; seq <= 9; seq += 2) {
      publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, seq, seq + 1));
    }
    for (long seq = 2; seq <= 10; seq += 2) {
      assertAck(seq);
    }
    assertEquals(10, FleetStatus.read(database).lines().get(0).readings());
  }

  @Test
  void close_stopsTheWorkers() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT, 3);
    publish(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1));
    assertAck(1);
    List<Thread> workers = workerThreads();
    assertEquals(3, workers.size(), "the workers run while the bridge does");

    bridge.close();
    bridge = null;

    for (Thread worker : workers) {
      assertFalse(worker.isAlive(), worker.getName());
    }
  }

  private static List<Thread> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("bridge-worker-") && t.isAlive())
        .toList();
  }

  @Test
  void statuses_birthAndWillAreRecorded() throws Exception {
    startBridge(SqliteDatabase.BUSY_TIMEOUT);

    birthThenWill();

    assertEquals("offline", state(GATEWAY));
    // the store commits before the counter moves: wait for the counter rather than race it
    Poll.until(() -> bridge.counters().statuses() == 2, () -> "the will counted");
    assertEquals(2, bridge.counters().statuses());
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
