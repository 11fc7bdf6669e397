package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is killed by its process id (SIGKILL) and started again, six times in a row, while the
 * gateway publishes a 2-day backlog of 40 meters (7 680 readings) and keeps storing new readings
 * (20 every 50 ms): every reading ends up in the cloud store exactly once.
 *
 * <p>Each kill comes once the gateway has 500 more rows acknowledged than before the previous one,
 * so the kills come a few seconds apart. Both sides make their connection again about a second
 * after each loss: a connection lost to the broker does not add to the backoff kept for a database
 * that keeps failing (this test found it did: six kills took 160 s, the bridge waiting up to 60 s
 * for a broker that was back in under one).
 */
@Timeout(300)
class BrokerRestartFaultTest {

  static final String GATEWAY = "rl042-gw1";

  private static final int KILLS = 6;

  @TempDir Path folder;

  @Test
  void everyReadingReachesTheCloudExactlyOnceThroughSixBrokerKills() throws Exception {
    Path gatewayDb = folder.resolve("gateway.db");
    StoreSettings cloudStore = TestStores.fresh(folder);
    try (MosquittoBroker broker = MosquittoBroker.start();
        Database gateway = Database.open(gatewayDb, Clock.systemUTC());
        RunningBridge bridge = RunningBridge.start(broker, cloudStore)) {
      DrainBacklog.store(gateway, 40, 2, Instant.parse("2026-11-20T00:00:00Z"));
      Outbox outbox = new Outbox(gateway);
      UplinkConfig config =
          TestUplinks.config(broker.uri(), "gw-faults", 100, 4, Duration.ofSeconds(3));
      try (Uplink uplink = TestUplinks.start(config, gateway);
          Poller poller = Poller.start(gateway, 20, Duration.ofMillis(50))) {
        for (int kill = 1; kill <= KILLS; kill++) {
          long before = outbox.ackedSeq();
          Await.until("acks after restart " + kill, () -> outbox.ackedSeq() > before + 500);
          long pid = broker.pid();
          broker.kill();
          broker.restart();
          assertTrue(broker.pid() != pid, "a new broker process");
        }
        poller.close();
        long last = poller.lastSeq();
        Await.until("the ack of every row", () -> outbox.ackedSeq() >= last);
        assertTrue(
            uplink.report().counters().connects() >= KILLS + 1, "reconnected after each kill");
      }
      CloudStore.assertExactlyOnce(gatewayDb, cloudStore, GATEWAY);
    }
  }

  /** Stores a cycle of readings of {@code meters} meters every {@code every}, like the daemon. */
  static final class Poller implements AutoCloseable {
    private final Thread thread;
    private final AtomicLong last = new AtomicLong();
    private volatile boolean running = true;

    private Poller(Database database, int meters, Duration every) {
      thread =
          new Thread(
              () -> {
                Instant at = Instant.parse("2026-11-20T00:00:00Z");
                while (running) {
                  at = at.plus(DrainBacklog.INTERVAL);
                  last.set(PollCycles.store(database, meters, at));
                  try {
                    Thread.sleep(every.toMillis());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "poller");
    }

    static Poller start(Database database, int meters, Duration every) {
      Poller poller = new Poller(database, meters, every);
      poller.thread.start();
      return poller;
    }

    long lastSeq() {
      return last.get();
    }

    @Override
    public void close() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
