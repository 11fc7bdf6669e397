package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings;
import io.releve.gateway.bench.DrainBacklog;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.uplink.Uplink;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.TcpRelay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's network is down for a simulated week: its link to the broker (a {@link TcpRelay})
 * is cut, its connection ends and every connection it tries then goes unanswered, while 500 meters
 * read every 15 minutes for 7 days (336 000 readings, one transaction per poll cycle) accumulate in
 * its SQLite outbox. The broker and the bridge stay up and see nothing of it. When the link is
 * back, the gateway's pending connection goes through, and it delivers the week from its
 * acknowledged seq on, in batches of 500 rows; the bridge acks the contiguous seq after each
 * commit. Nothing is acknowledged during the outage, the bridge never fails, and at the end every
 * reading is in the cloud exactly once, row by row.
 *
 * <p>The full week runs in the SQLite run of the suite; the PostgreSQL run delivers 2 days of the
 * same 500 meters (96 000 readings) so that the suite's second run stays short.
 */
@Timeout(300)
class WeekOutageFaultTest {

  private static final int METERS = 500;

  @TempDir Path folder;

  @Test
  void aWeekStoredWhileTheNetworkIsDownReachesTheCloudExactlyOnceWhenItIsBack() throws Exception {
    int days = TestStores.engine() == StoreSettings.Engine.SQLITE ? 7 : 2;
    Path gatewayDb = folder.resolve("gateway.db");
    StoreSettings cloudStore = TestStores.fresh(folder);
    try (MosquittoBroker broker = MosquittoBroker.start();
        TcpRelay link = TcpRelay.start(broker.port());
        Database gateway = Database.open(gatewayDb, Clock.systemUTC());
        RunningBridge bridge = RunningBridge.start(broker, cloudStore)) {
      Outbox outbox = new Outbox(gateway);
      UplinkConfig config =
          TestUplinks.config(
              link.uri(),
              "gw-week",
              UplinkConfig.DEFAULT_BATCH_SIZE,
              UplinkConfig.DEFAULT_WINDOW,
              Duration.ofSeconds(20));
      Instant end = Instant.parse("2026-11-27T00:00:00Z");
      try (Uplink uplink = TestUplinks.start(config, gateway)) {
        // the last poll cycle before the outage is delivered
        long before = PollCycles.store(gateway, METERS, end.minus(Duration.ofDays(days)));
        Await.until("the cycle before the outage acknowledged", () -> outbox.ackedSeq() == before);

        link.cut();
        Await.until("the gateway offline", () -> !uplink.report().connected());
        long last = DrainBacklog.store(gateway, METERS, days, end);
        Await.until("the gateway trying to reconnect", () -> link.waitingConnections() > 0);
        assertFalse(uplink.report().connected(), "the gateway cannot reach the broker");
        assertEquals(before, outbox.ackedSeq(), "nothing is acknowledged while the link is down");
        assertEquals(
            DrainBacklog.readings(METERS, days),
            last - before,
            "the week waits in the gateway's outbox");

        link.restore();
        Await.until("the ack of the whole week", () -> outbox.ackedSeq() == last);
        assertEquals(0, bridge.counters().failures(), "the bridge never failed");
      }
      CloudStore.assertExactlyOnce(gatewayDb, cloudStore, BrokerRestartFaultTest.GATEWAY);
    }
  }
}
