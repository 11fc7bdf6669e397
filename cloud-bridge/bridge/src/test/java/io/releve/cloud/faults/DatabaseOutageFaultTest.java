package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings;
import io.releve.gateway.bench.DrainBacklog;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.uplink.Uplink;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's database is unavailable for at least 10 s while a gateway delivers a 1-day backlog
 * of 40 meters (3 840 readings) and keeps storing a poll cycle of 20 meters every 50 ms.
 *
 * <ul>
 *   <li>On PostgreSQL the bridge has a server of its own, which is stopped (a fast shutdown: its
 *       sessions are cut) and started again on the same data and port.
 *   <li>On SQLite another connection holds the file's write lock ({@code BEGIN EXCLUSIVE}) and the
 *       bridge waits at most 200 ms for a lock, so its writes fail.
 * </ul>
 *
 * <p>The bridge must count the failures, ack nothing it has not committed, keep running and
 * reconnect; the gateway sends again what was not acknowledged, and once the database is back every
 * reading is in the cloud exactly once, row by row.
 */
@Timeout(300)
class DatabaseOutageFaultTest {

  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @TempDir Path folder;

  @Test
  void everyReadingReachesTheCloudExactlyOnceThroughTenSecondsWithoutTheBridgesDatabase()
      throws Exception {
    Path gatewayDb = folder.resolve("gateway.db");
    try (StoreOutage outage = StoreOutage.of(folder);
        MosquittoBroker broker = MosquittoBroker.start();
        Database gateway = Database.open(gatewayDb, Clock.systemUTC());
        RunningBridge bridge = RunningBridge.start(broker, outage.open())) {
      DrainBacklog.store(gateway, 40, 1, Instant.parse("2026-11-20T00:00:00Z"));
      Outbox outbox = new Outbox(gateway);
      UplinkConfig config =
          TestUplinks.config(broker.uri(), "gw-db-outage", 100, 4, Duration.ofSeconds(3));
      try (Uplink uplink = TestUplinks.start(config, gateway);
          BrokerRestartFaultTest.Poller poller =
              BrokerRestartFaultTest.Poller.start(gateway, 20, Duration.ofMillis(50))) {
        long before = outbox.ackedSeq();
        Await.until("acks before the outage", () -> outbox.ackedSeq() > before + 1_000);

        long start = System.nanoTime();
        long resends = uplink.report().counters().resends();
        outage.begin();
        // once the bridge failed and the gateway waited a whole ack timeout, every ack of a batch
        // committed before the outage has arrived: from then on nothing more may be acknowledged
        Await.until(
            "a database failure and an ack timeout",
            () ->
                bridge.counters().failures() > 0 && uplink.report().counters().resends() > resends);
        long ackedAtFailure = outbox.ackedSeq();
        long left = OUTAGE.toNanos() - (System.nanoTime() - start);
        if (left > 0) {
          Thread.sleep(left / 1_000_000);
        }
        assertEquals(
            ackedAtFailure, outbox.ackedSeq(), "nothing is acknowledged while the store is down");
        outage.end();

        long after = outbox.ackedSeq();
        Await.until("acks after the outage", () -> outbox.ackedSeq() > after + 1_000);
        poller.close();
        long last = poller.lastSeq();
        Await.until("the ack of every row", () -> outbox.ackedSeq() >= last);
        assertTrue(bridge.isSubscribed(), "the bridge is still receiving");
        assertTrue(uplink.report().counters().resends() > 0, "the gateway sent again");
      }
      assertTrue(bridge.counters().failures() > 0, "the bridge counted its failures");
      CloudStore.assertExactlyOnce(gatewayDb, outage.settings(), BrokerRestartFaultTest.GATEWAY);
    }
  }

  /** The bridge's store, and how this run's engine takes it away. */
  private interface StoreOutage extends AutoCloseable {

    static StoreOutage of(Path folder) {
      return TestStores.engine() == StoreSettings.Engine.SQLITE
          ? new LockedFile(folder.resolve("cloud.db"))
          : new StoppedServer(folder.resolve("postgres"));
    }

    StoreSettings settings();

    /** The bridge's database, opened as the bridge opens it but for the SQLite busy timeout. */
    io.releve.cloud.store.Database open();

    void begin() throws Exception;

    void end() throws Exception;
  }

  /** A PostgreSQL server of the bridge's own: stopped, then started on the same data and port. */
  private static final class StoppedServer implements StoreOutage {
    private final TestPostgres server;
    private final StoreSettings.Postgres settings;

    StoppedServer(Path data) {
      server = TestPostgres.start(data, TestPostgres.FAST);
      TestPostgres.Database database = server.newDatabase();
      settings = new StoreSettings.Postgres(database.url(), database.user(), null, 8);
    }

    @Override
    public StoreSettings settings() {
      return settings;
    }

    @Override
    public io.releve.cloud.store.Database open() {
      return io.releve.cloud.store.Database.open(settings, Clock.systemUTC());
    }

    @Override
    public void begin() {
      server.stop();
    }

    @Override
    public void end() {
      server.restart();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** The SQLite file, its write lock held by another connection (see TestStores#breakWrites). */
  private static final class LockedFile implements StoreOutage {
    private static final Duration BUSY_TIMEOUT = Duration.ofMillis(200);
    private final StoreSettings settings;
    private AutoCloseable lock;

    LockedFile(Path file) {
      this.settings = new StoreSettings.Sqlite(file);
    }

    @Override
    public StoreSettings settings() {
      return settings;
    }

    @Override
    public io.releve.cloud.store.Database open() {
      return TestStores.open(settings, Clock.systemUTC(), BUSY_TIMEOUT);
    }

    @Override
    public void begin() throws Exception {
      lock = TestStores.breakWrites(settings);
    }

    @Override
    public void end() throws Exception {
      close();
    }

    @Override
    public void close() throws Exception {
      if (lock != null) {
        lock.close();
        lock = null;
      }
    }
  }
}
