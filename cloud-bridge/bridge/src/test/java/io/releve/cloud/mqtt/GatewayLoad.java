package io.releve.cloud.mqtt;

import static io.releve.cloud.Batches.EPOCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.Batches;
import io.releve.cloud.ingest.FleetStatus;
import io.releve.cloud.store.Database;
import io.releve.contract.Ack;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.ReadingEntry;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.Topics;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.PahoPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * A small fleet at once: 8 gateways, each on its own MQTT client and thread, publish 25 batches of
 * 8 readings as fast as they can, then wait until their highest ack covers their last seq (acks may
 * overtake each other when several workers store them).
 */
final class GatewayLoad {

  static final int GATEWAYS = 8;
  static final int BATCHES = 25;
  static final int PER_BATCH = 8;
  static final long LAST_SEQ = (long) BATCHES * PER_BATCH;

  private GatewayLoad() {}

  /** Publishes every gateway's batches and returns once each has the ack of its last seq. */
  static void publishAndAwaitAcks(MosquittoBroker broker) throws Exception {
    List<PahoPeer> peers = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(GATEWAYS);
    try {
      for (int g = 1; g <= GATEWAYS; g++) {
        PahoPeer peer = PahoPeer.connect(broker, "gw-load-" + g, options -> {});
        peer.client().subscribe(Topics.downAck(gateway(g)), 1);
        peers.add(peer);
      }
      List<Future<?>> sent = new ArrayList<>();
      for (int g = 1; g <= GATEWAYS; g++) {
        GatewayId id = gateway(g);
        PahoPeer peer = peers.get(g - 1);
        sent.add(
            senders.submit(
                () -> {
                  for (int b = 0; b < BATCHES; b++) {
                    long first = (long) b * PER_BATCH + 1;
                    peer.client()
                        .publish(
                            Topics.upReadings(id),
                            readings(id, LongStream.range(first, first + PER_BATCH)),
                            1,
                            false);
                  }
                  return null;
                }));
      }
      for (Future<?> done : sent) {
        done.get(30, TimeUnit.SECONDS);
      }
      for (int g = 1; g <= GATEWAYS; g++) {
        awaitHighestAck(peers.get(g - 1), gateway(g), LAST_SEQ);
      }
    } finally {
      senders.shutdownNow();
      for (PahoPeer peer : peers) {
        peer.close();
      }
    }
  }

  /** Every gateway's readings are stored once and acknowledged, and the counters agree. */
  static void assertStoredOnce(Database database, Counters counters) {
    for (FleetStatus.Line line : FleetStatus.read(database).lines()) {
      assertEquals(LAST_SEQ, line.ackedSeq(), line.gateway());
      assertEquals(LAST_SEQ, line.readings(), line.gateway());
    }
    assertEquals(GATEWAYS, FleetStatus.read(database).lines().size());
    assertEquals((long) GATEWAYS * BATCHES, counters.messages());
    assertEquals((long) GATEWAYS * LAST_SEQ, counters.rowsAdded());
    assertEquals(0, counters.duplicates());
    assertEquals(0, counters.failures());
  }

  /** Reads acks until the highest reaches {@code last}: acks may overtake each other. */
  static void awaitHighestAck(PahoPeer peer, GatewayId id, long last) throws InterruptedException {
    long highest = 0;
    while (highest < last) {
      PahoPeer.Received ack = peer.next();
      assertEquals(Topics.downAck(id), ack.topic());
      Ack read = Json.read(ack.payload().getBytes(), Ack.class);
      assertEquals(EPOCH, read.epoch());
      highest = Math.max(highest, read.ackedSeq());
    }
    assertEquals(last, highest);
  }

  private static GatewayId gateway(int g) {
    return GatewayId.of("rl042-load" + g);
  }

  private static byte[] readings(GatewayId gateway, LongStream seqs) {
    List<ReadingEntry> entries = seqs.mapToObj(Batches::reading).toList();
    return Json.write(new ReadingsMessage(gateway, EPOCH, entries));
  }
}
