package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings;
import io.releve.gateway.alert.MeterHealth;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.sim.building.Backfill;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.uplink.Uplink;
import io.releve.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge is stopped while the simulated building (253 meters on 5 buses) is read for an hour,
 * every 15 minutes, then started again: the hour waits in the gateway's outbox, and every reading,
 * meter event and inventory change reaches the cloud exactly once.
 */
@Timeout(300)
class BridgeOutageFaultTest {

  private static final Path BUILDING = Path.of("..", "..", "config", "simulated-building.conf");
  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  @TempDir Path folder;

  @Test
  void anHourReadWhileTheBridgeIsDownReachesTheCloudExactlyOnceWhenItIsBack() throws Exception {
    Path gatewayDb = folder.resolve("gateway.db");
    StoreSettings cloudStore = TestStores.fresh(folder);
    Clock clock = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    Building building = Building.load(BUILDING, T0);
    try (MosquittoBroker broker = MosquittoBroker.start();
        Database gateway = Database.open(gatewayDb, clock)) {
      new Inventory(gateway).importAll(building.installation());
      FrameIngest ingest =
          new FrameIngest(
                  new WiredFrameDecoder(),
                  new ReadingStore(gateway),
                  new Quarantine(gateway),
                  building.meterZone())
              .withHealth(new MeterHealth(building.meterZone(), clock));
      Backfill backfill = new Backfill(building, ingest);
      Outbox outbox = new Outbox(gateway);
      UplinkConfig config =
          TestUplinks.config(broker.uri(), "gw-outage", 500, 8, Duration.ofSeconds(2));
      try (Uplink uplink = TestUplinks.start(config, gateway)) {
        try (RunningBridge bridge = RunningBridge.start(broker, cloudStore)) {
          backfill.run(T0, T0.plus(Duration.ofHours(1)), Duration.ofMinutes(15));
          long first = CloudStore.gatewayRows(gatewayDb).lastKey();
          Await.until("the first hour acknowledged", () -> outbox.ackedSeq() == first);
        }
        // the bridge is down: the next hour is read and waits in the outbox
        long acked = outbox.ackedSeq();
        backfill.run(
            T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), Duration.ofMinutes(15));
        long last = CloudStore.gatewayRows(gatewayDb).lastKey();
        assertTrue(last - acked > 3_000, "an hour of the building is thousands of rows");
        Await.until("an unanswered resend", () -> uplink.report().counters().resends() >= 1);
        assertTrue(outbox.ackedSeq() == acked, "nothing is acknowledged while the bridge is down");

        try (RunningBridge bridge = RunningBridge.start(broker, cloudStore)) {
          Await.until("the second hour acknowledged", () -> outbox.ackedSeq() == last);
        }
      }
      CloudStore.assertExactlyOnce(gatewayDb, cloudStore, BrokerRestartFaultTest.GATEWAY);
    }
  }
}
