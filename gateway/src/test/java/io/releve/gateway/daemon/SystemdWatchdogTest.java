package io.releve.gateway.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.common.systemd.SystemdNotifier;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.RetentionConfig;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.testing.NotifySocket;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's notifications to systemd, received on a real unix datagram socket, while it polls
 * simulated buses through the real link layer into a real SQLite file: READY=1 after start-up,
 * WATCHDOG=1 only while every bus loop moves on, none while one is stuck, STOPPING=1 at the end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SystemdWatchdogTest {

  /** Short enough for a test: a bus loop counts as stuck after twice this, 2 s. */
  private static final Duration POLL = Duration.ofSeconds(1);

  /** WatchdogSec=200ms: a ping every 100 ms. */
  private static final String WATCHDOG_USEC = "200000";

  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path folder;

  private Database database;
  private final List<AutoCloseable> open = new ArrayList<>();

  /** Released at the end, so that a bus stuck in opening its port can stop. */
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void openDatabase() {
    database = Database.open(folder.resolve("releve.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeAll() throws Exception {
    release.countDown();
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    database.close();
  }

  private SimulatedWiredBus bus(String name, int idBase) throws Exception {
    SimulatedWiredBus bus = SimulatedWiredBus.ofWaterMeters(name, Clock.systemUTC(), idBase, 2);
    open.add(bus);
    List<BusMeter> meters = new ArrayList<>();
    for (VirtualSlave slave : bus.bus().slaves()) {
      meters.add(
          new BusMeter(
              name,
              slave.secondaryAddress().identity(),
              BusMeter.Addressing.PRIMARY,
              slave.primaryAddress(),
              Instant.now()));
    }
    new BusMeters(database).save(meters);
    return bus;
  }

  private Daemon start(BusConnector connector, BusConfig... buses) {
    GatewayConfig config =
        new GatewayConfig(
            folder.resolve("releve.conf"),
            "test-gateway",
            database.file(),
            SimulatedWiredBus.ZONE,
            new RetentionConfig(30, 800, 90),
            List.of(buses));
    Daemon daemon =
        Daemon.start(
            config, database, connector, Clock.systemUTC(), () -> ClockState.SYNCHRONISED, r -> {});
    open.add(daemon);
    return daemon;
  }

  private SystemdWatchdog watchdog(NotifySocket socket, Daemon daemon) {
    SystemdNotifier notifier =
        SystemdNotifier.from(
            Map.of("NOTIFY_SOCKET", socket.name(), "WATCHDOG_USEC", WATCHDOG_USEC),
            ProcessHandle.current().pid());
    SystemdWatchdog watchdog = new SystemdWatchdog(notifier, daemon::health);
    open.add(watchdog);
    return watchdog;
  }

  /** The datagrams received until one matches {@code wanted}, that one last. */
  private static List<String> receiveUntil(NotifySocket socket, Predicate<String> wanted)
      throws IOException {
    List<String> received = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String datagram = socket.receive(Duration.ofMillis(200));
      if (datagram != null) {
        received.add(datagram);
        if (wanted.test(datagram)) {
          return received;
        }
      }
    }
    throw new AssertionError("timed out; received " + received);
  }

  /** Everything received during {@code time}. */
  private static List<String> receiveFor(NotifySocket socket, Duration time) throws IOException {
    List<String> received = new ArrayList<>();
    long deadline = System.nanoTime() + time.toNanos();
    while (System.nanoTime() < deadline) {
      String datagram = socket.receive(Duration.ofMillis(50));
      if (datagram != null) {
        received.add(datagram);
      }
    }
    return received;
  }

  private static boolean ping(String datagram) {
    return datagram.startsWith("WATCHDOG=1\n");
  }

  @Test
  void watchdog_busLoopStuck_stopsPingingUntilItMovesAgain_andStoppingIsSaid() throws Exception {
    SimulatedWiredBus north = bus("north", 10_000_000);
    SimulatedWiredBus cellar = bus("cellar", 20_000_000);
    AtomicBoolean hang = new AtomicBoolean();
    // opening cellar's port hangs while asked to: a driver call that never returns
    BusConnector connector =
        bus -> {
          if (bus.name().equals("cellar") && hang.get()) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return BusConnector.REAL.connect(bus);
        };
    try (NotifySocket socket = NotifySocket.bindAbstract()) {
      Daemon daemon = start(connector, north.config(POLL), cellar.config(POLL));
      SystemdWatchdog watchdog = watchdog(socket, daemon);
      watchdog.start();

      String ready = socket.receive(WAIT);
      assertNotNull(ready, "no READY=1");
      assertTrue(ready.startsWith("READY=1\nSTATUS=polling 2 buses"), ready);
      // healthy: pings with the status line
      List<String> healthy = receiveFor(socket, Duration.ofSeconds(1));
      assertTrue(healthy.stream().filter(SystemdWatchdogTest::ping).count() >= 3, "" + healthy);
      assertTrue(healthy.stream().allMatch(SystemdWatchdogTest::ping), "" + healthy);

      // the serial server of cellar goes away, and reopening its port hangs
      hang.set(true);
      cellar.stopServer();
      List<String> untilStuck =
          receiveUntil(socket, d -> d.startsWith("STATUS=bus cellar stuck for "));
      String stuck = untilStuck.get(untilStuck.size() - 1);
      assertTrue(stuck.endsWith("(limit 2 s)"), stuck);
      assertFalse(daemon.health().healthy());
      // no ping while it is stuck, the status says why every period
      List<String> whileStuck = receiveFor(socket, Duration.ofSeconds(1));
      assertTrue(whileStuck.size() >= 5, "" + whileStuck);
      assertTrue(
          whileStuck.stream().allMatch(d -> d.startsWith("STATUS=bus cellar stuck for ")),
          "" + whileStuck);

      // the port call returns (it fails: the server is still away): the loop moves, pings resume
      release.countDown();
      receiveUntil(socket, SystemdWatchdogTest::ping);

      watchdog.stopping();
      List<String> untilStopping = receiveUntil(socket, d -> d.startsWith("STOPPING=1\n"));
      assertEquals(
          "STOPPING=1\nSTATUS=stopping: storing the last cycles",
          untilStopping.get(untilStopping.size() - 1));
      daemon.close();
      assertEquals(List.of(), receiveFor(socket, Duration.ofMillis(500)), "sent after STOPPING=1");
    }
  }

  @Test
  void health_afterClose_namesEveryBusThatStoppedPolling() throws Exception {
    SimulatedWiredBus north = bus("north", 30_000_000);
    SimulatedWiredBus south = bus("south", 40_000_000);
    Daemon daemon = start(BusConnector.REAL, north.config(POLL), south.config(POLL));
    assertTrue(daemon.health().healthy(), daemon.health().status());

    daemon.close();

    assertEquals(
        new DaemonHealth(false, "bus north stopped polling; bus south stopped polling"),
        daemon.health());
  }

  @Test
  void start_withoutNotifySocket_sendsNothingAndStartsNoThread() throws Exception {
    SimulatedWiredBus north = bus("north", 50_000_000);
    Daemon daemon = start(BusConnector.REAL, north.config(POLL));
    SystemdWatchdog watchdog =
        new SystemdWatchdog(SystemdNotifier.from(Map.of(), 1), daemon::health);

    watchdog.start();
    watchdog.stopping();
    watchdog.close();

    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().equals("systemd-watchdog")));
  }
}
