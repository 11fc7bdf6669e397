package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings;
import io.releve.gateway.bench.DrainBacklog;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.uplink.Uplink;
import io.releve.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bridge instances share the gateways' batches through one shared subscription ({@code
 * bridge.share-group}) and one PostgreSQL database, each a {@code releve cloud} process of its own.
 * A gateway delivers a 2-day backlog of 40 meters (7 680 readings) while it keeps storing a poll
 * cycle of 20 meters every 50 ms.
 *
 * <ol>
 *   <li>One instance is killed with SIGKILL mid-stream: the batches it held and had not committed,
 *       or committed without acking, are sent again by the gateway after its 3 s ack timeout; the
 *       broker gives everything to the survivor, which takes the whole load.
 *   <li>The killed instance is started again: the broker gives it a share of the new batches again
 *       (its summary, logged when it is stopped with SIGTERM, counts rows it stored).
 *   <li>Every reading is in the cloud exactly once, and the rows the three processes stored add up:
 *       the killed one stored some before it died.
 * </ol>
 *
 * <p>PostgreSQL only (the shared subscription needs it): skipped in the SQLite run of the suite.
 */
@Timeout(300)
class TwoBridgesOneKilledFaultTest {

  private static final String GROUP = "bridges";

  @TempDir Path folder;

  @Test
  void theSurvivorTakesTheKilledBridgesShareAndTheRestartedOneTakesItsShareAgain()
      throws Exception {
    assumeTrue(
        TestStores.engine() == StoreSettings.Engine.POSTGRESQL,
        "two bridge instances share a PostgreSQL store: run with -Dreleve.test.store=postgresql");
    Path gatewayDb = folder.resolve("gateway.db");
    StoreSettings cloudStore = TestStores.fresh(folder);
    try (MosquittoBroker broker = MosquittoBroker.start();
        Database gateway = Database.open(gatewayDb, Clock.systemUTC());
        ChildBridge first = ChildBridge.start(folder, "bridge-a", broker, GROUP, cloudStore);
        ChildBridge survivor = ChildBridge.start(folder, "bridge-b", broker, GROUP, cloudStore)) {
      DrainBacklog.store(gateway, 40, 2, Instant.parse("2026-11-20T00:00:00Z"));
      Outbox outbox = new Outbox(gateway);
      UplinkConfig config =
          TestUplinks.config(broker.uri(), "gw-two-bridges", 100, 4, Duration.ofSeconds(3));
      ChildBridge restarted = null;
      try (Uplink uplink = TestUplinks.start(config, gateway);
          BrokerRestartFaultTest.Poller poller =
              BrokerRestartFaultTest.Poller.start(gateway, 20, Duration.ofMillis(50))) {
        long beforeKill = outbox.ackedSeq();
        Await.until("both bridges at work", () -> outbox.ackedSeq() > beforeKill + 3_000);
        first.kill();

        long afterKill = outbox.ackedSeq();
        Await.until("the survivor alone at work", () -> outbox.ackedSeq() > afterKill + 3_000);

        restarted = ChildBridge.start(folder, "bridge-a", broker, GROUP, cloudStore);
        long afterRestart = outbox.ackedSeq();
        Await.until("both bridges at work again", () -> outbox.ackedSeq() > afterRestart + 3_000);

        poller.close();
        long last = poller.lastSeq();
        Await.until("the ack of every row", () -> outbox.ackedSeq() >= last);
        restarted.stop();
        survivor.stop();
      } finally {
        if (restarted != null) {
          restarted.close();
        }
      }
      CloudStore.assertExactlyOnce(gatewayDb, cloudStore, BrokerRestartFaultTest.GATEWAY);

      long total = CloudStore.gatewayRows(gatewayDb).size();
      long byRestarted = restarted.rowsStored();
      long bySurvivor = survivor.rowsStored();
      assertTrue(byRestarted > 0, "the restarted bridge stored a share of the new rows");
      assertTrue(bySurvivor > 0, "the survivor stored rows");
      assertTrue(
          byRestarted + bySurvivor < total,
          "the killed bridge had stored rows before it died: "
              + byRestarted
              + " + "
              + bySurvivor
              + " of "
              + total);
    }
  }
}
