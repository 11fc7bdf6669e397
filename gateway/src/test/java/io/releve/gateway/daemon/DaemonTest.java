package io.releve.gateway.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.RetentionConfig;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.sim.building.SimulationClock;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredReading;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon against simulated buses served over TCP by the real link layer, storing into a real
 * SQLite file: parallel buses, silent meters, lost replies, a serial server that reboots, an
 * orderly stop in the middle of a cycle and a store that fails for a while.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaemonTest {

  private static final Duration POLL = Duration.ofSeconds(10);

  @TempDir Path folder;

  private Database database;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<CycleReport> reports = new CopyOnWriteArrayList<>();
  private final Map<CycleReport, Long> arrivedNanos = new ConcurrentHashMap<>();

  @BeforeEach
  void openDatabase() {
    database = Database.open(folder.resolve("releve.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    database.close();
  }

  private SimulatedWiredBus bus(String name, Clock clock, int idBase, int meters) throws Exception {
    SimulatedWiredBus bus = SimulatedWiredBus.ofWaterMeters(name, clock, idBase, meters);
    open.add(bus);
    return bus;
  }

  /** Records the bus's meters as a scan would, to be polled by {@code addressing}. */
  private void save(SimulatedWiredBus bus, BusMeter.Addressing addressing) {
    List<BusMeter> meters = new ArrayList<>();
    for (VirtualSlave slave : bus.bus().slaves()) {
      meters.add(
          new BusMeter(
              bus.name(),
              slave.secondaryAddress().identity(),
              addressing,
              slave.primaryAddress(),
              Instant.now()));
    }
    new BusMeters(database).save(meters);
  }

  private GatewayConfig config(BusConfig... buses) {
    return new GatewayConfig(
        folder.resolve("releve.conf"),
        "test-gateway",
        database.file(),
        SimulatedWiredBus.ZONE,
        new RetentionConfig(30, 800, 90),
        List.of(buses));
  }

  private Daemon start(GatewayConfig config, BusConnector connector, Clock clock) {
    Daemon daemon =
        Daemon.start(
            config,
            database,
            connector,
            clock,
            () -> ClockState.SYNCHRONISED,
            report -> {
              arrivedNanos.put(report, System.nanoTime());
              reports.add(report);
            });
    open.add(daemon);
    return daemon;
  }

  private BusPoller poller(BusConfig bus, BusConnector connector) {
    FrameIngest ingest =
        new FrameIngest(
            new WiredFrameDecoder(),
            new ReadingStore(database),
            new Quarantine(database),
            SimulatedWiredBus.ZONE);
    BusPoller poller =
        new BusPoller(
            bus,
            connector,
            new BusMeters(database),
            ingest,
            Clock.systemUTC(),
            () -> ClockState.SYNCHRONISED,
            reports::add);
    // Running a stopped poller returns at once and closes its port.
    open.add(
        () -> {
          poller.stop();
          poller.run();
        });
    return poller;
  }

  private List<StoredReading> stored() {
    return new ReadingStore(database).find(ReadingFilter.all());
  }

  private List<CycleReport> reportsOf(String bus) {
    return reports.stream().filter(r -> r.bus().equals(bus)).toList();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  private static long readingsOf(List<StoredReading> readings, DeviceIdentity device) {
    return readings.stream().filter(r -> r.reading().device().equals(device)).count();
  }

  @Test
  void start_twoBuses_pollsThemInParallelAndStoresEachCycleOfEachBusInOneTransaction()
      throws Exception {
    // Ten simulated seconds per real second: a cycle every half second.
    Clock clock = SimulationClock.startingAt(Instant.now(), 20);
    SimulatedWiredBus north = bus("north", clock, 10_000_000, 2);
    SimulatedWiredBus south = bus("south", clock, 20_000_000, 3);
    save(north, BusMeter.Addressing.SECONDARY);
    save(south, BusMeter.Addressing.PRIMARY);

    Daemon daemon = start(config(north.config(POLL), south.config(POLL)), BusConnector.REAL, clock);
    await(
        "two cycles of each bus",
        () -> reportsOf("north").size() >= 2 && reportsOf("south").size() >= 2);
    daemon.close();

    assertTrue(daemon.allStopped());
    List<StoredReading> readings = stored();
    for (String bus : List.of("north", "south")) {
      List<CycleReport> cycles = reportsOf(bus);
      List<Long> seqs =
          readings.stream()
              .filter(r -> r.reading().source().equals(bus))
              .map(StoredReading::seq)
              .sorted()
              .toList();
      int from = 0;
      for (int i = 0; i < cycles.size(); i++) {
        CycleReport cycle = cycles.get(i);
        assertEquals(i + 1, cycle.number());
        assertEquals(List.of(), cycle.silent(), bus + " cycle " + cycle.number());
        assertNull(cycle.failure());
        assertTrue(cycle.readings() > 0);
        // One transaction: the cycle's readings got consecutive numbers, no other bus's between.
        List<Long> ofCycle = seqs.subList(from, from + cycle.readings());
        assertEquals(
            ofCycle.get(0) + cycle.readings() - 1,
            ofCycle.get(ofCycle.size() - 1),
            bus + " cycle " + cycle.number() + " is not one block of numbers: " + ofCycle);
        from += cycle.readings();
      }
      assertEquals(seqs.size(), from, "readings of " + bus + " outside its cycles");
      assertEquals(cycles.get(0).readings(), cycles.get(1).readings());
    }
    assertEquals(
        readings.size(),
        readings.stream().map(StoredReading::seq).distinct().count(),
        "seq reused");

    // In parallel: the first cycles of both buses overlapped in real time.
    CycleReport first = reportsOf("north").get(0);
    CycleReport other = reportsOf("south").get(0);
    long firstEnd = arrivedNanos.get(first);
    long otherEnd = arrivedNanos.get(other);
    long firstStart = firstEnd - first.elapsed().toNanos();
    long otherStart = otherEnd - other.elapsed().toNanos();
    assertTrue(
        firstStart < otherEnd && otherStart < firstEnd,
        "the first cycles ran one after the other: " + first.summary() + " / " + other.summary());
  }

  @Test
  void cycle_silentMeter_isReportedWithTheReasonAndTheOthersAreStored() throws Exception {
    SimulatedWiredBus bus = bus("east", Clock.systemUTC(), 30_000_000, 3);
    save(bus, BusMeter.Addressing.SECONDARY);
    bus.slave(2).faults().silent(true);
    BusPoller poller = poller(bus.config(POLL), BusConnector.REAL);

    CycleReport report = poller.cycle();

    assertEquals(3, report.meters());
    assertEquals(2, report.answered());
    assertEquals(1, report.silent().size());
    String silent = report.silent().get(0);
    assertTrue(silent.startsWith("LUG-30000002-0A-16: "), silent);
    assertNull(report.failure());
    List<StoredReading> readings = stored();
    assertEquals(report.readings(), readings.size());
    assertEquals(0, readingsOf(readings, SimulatedWiredBus.identity("30000002")));
    long first = readingsOf(readings, SimulatedWiredBus.identity("30000001"));
    assertTrue(first > 0);
    assertEquals(first, readingsOf(readings, SimulatedWiredBus.identity("30000003")));
    assertTrue(report.summary().startsWith("bus east cycle 1: 2/3 meters answered, 2 telegrams"));
  }

  @Test
  void cycle_droppedReply_isAskedAgainAndStoredOnce() throws Exception {
    SimulatedWiredBus bus = bus("west", Clock.systemUTC(), 40_000_000, 2);
    save(bus, BusMeter.Addressing.PRIMARY);
    bus.slave(1).faults().dropNext(1);
    BusPoller poller = poller(bus.config(POLL), BusConnector.REAL);

    CycleReport report = poller.cycle();

    assertEquals(List.of(), report.silent());
    assertEquals(2, report.frames());
    assertEquals(0, bus.slave(1).faults().pendingDrops(), "the reply was not dropped");
    List<StoredReading> readings = stored();
    long dropped = readingsOf(readings, SimulatedWiredBus.identity("40000001"));
    assertEquals(readingsOf(readings, SimulatedWiredBus.identity("40000002")), dropped);
    assertEquals(report.readings(), 2 * dropped);
  }

  @Test
  void start_serialServerGoesAwayAndComesBack_reconnectsWithoutWaitingForTheNextPoll()
      throws Exception {
    // 300 simulated seconds per real second: a 15-minute poll interval is 3 s of real time, the
    // 10-second reconnect delay a few tens of milliseconds.
    Clock clock = SimulationClock.startingAt(Instant.now(), 300);
    Duration poll = Duration.ofMinutes(15);
    SimulatedWiredBus bus = bus("cellar", clock, 50_000_000, 2);
    save(bus, BusMeter.Addressing.SECONDARY);
    // The serial server comes back on another port: connect to wherever it is now.
    BusConnector connector = config -> BusConnector.REAL.connect(bus.config(poll));

    Daemon daemon = start(config(bus.config(poll)), connector, clock);
    await("the first cycle", () -> reports.size() >= 1);
    bus.stopServer();
    await(
        "a cycle that finds the connection lost and one that cannot reconnect",
        () -> reports.stream().filter(r -> r.failure() != null).count() >= 2);
    bus.restartServer();
    await(
        "a cycle after the server came back",
        () -> reports.get(reports.size() - 1).failure() == null && reports.size() > 3);
    daemon.close();

    List<CycleReport> cycles = List.copyOf(reports);
    assertNull(cycles.get(0).failure());
    assertTrue(cycles.get(0).readings() > 0);
    CycleReport lost = cycles.get(1);
    assertEquals(0, lost.answered(), lost.summary());
    assertTrue(lost.silent().get(0).startsWith("LUG-50000001-0A-16: "), lost.silent().get(0));
    CycleReport refused = cycles.get(2);
    assertTrue(refused.failure() != null, refused.summary());
    assertTrue(
        refused.silent().get(0).contains(": not read, "), "every meter is listed as not read");
    CycleReport back =
        cycles.stream().skip(3).filter(r -> r.failure() == null).findFirst().orElseThrow();
    assertEquals(2, back.answered(), back.summary());
    assertTrue(back.readings() > 0);
    CycleReport lastFailed = cycles.get(cycles.indexOf(back) - 1);
    Duration gap = Duration.between(lastFailed.started(), back.started());
    assertTrue(
        gap.compareTo(BusPoller.RECONNECT_DELAY) >= 0 && gap.compareTo(poll) < 0,
        "reconnected after " + gap);
    assertEquals(cycles.get(0).readings() + back.readings(), stored().size());
  }

  @Test
  void close_inTheMiddleOfACycle_stopsAfterTheCurrentMeterAndStoresWhatWasRead() throws Exception {
    List<VirtualSlave> slaves = new ArrayList<>();
    List<SimulatedWiredBus.CountingMeter> meters = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      SimulatedWiredBus.CountingMeter meter =
          new SimulatedWiredBus.CountingMeter(
              SimulatedWiredBus.waterMeter(String.format("%08d", 60_000_000 + i)));
      meters.add(meter);
      slaves.add(new VirtualSlave(meter, i));
    }
    SimulatedWiredBus bus = SimulatedWiredBus.start("attic", Clock.systemUTC(), slaves);
    open.add(bus);
    save(bus, BusMeter.Addressing.PRIMARY);

    Daemon daemon =
        start(config(bus.config(Duration.ofHours(1))), BusConnector.REAL, Clock.systemUTC());
    await("the second meter read", () -> meters.get(1).readouts() > 0);
    long closing = System.nanoTime();
    daemon.close();
    Duration closeTook = Duration.ofNanos(System.nanoTime() - closing);

    assertTrue(daemon.allStopped());
    assertTrue(closeTook.compareTo(Duration.ofSeconds(5)) < 0, "close took " + closeTook);
    assertEquals(1, reports.size());
    CycleReport report = reports.get(0);
    assertEquals("the daemon is stopping", report.failure());
    assertTrue(report.answered() >= 2 && report.answered() < 10, report.summary());
    assertEquals(10 - report.answered(), report.silent().size());
    assertTrue(
        report
            .silent()
            .get(report.silent().size() - 1)
            .endsWith(": not read, the daemon is stopping"),
        report.silent().toString());
    assertEquals(report.readings(), stored().size());
    Map<DeviceIdentity, Long> perMeter =
        stored().stream()
            .collect(Collectors.groupingBy(r -> r.reading().device(), Collectors.counting()));
    assertEquals(report.answered(), perMeter.size());
  }

  @Test
  void cycle_storeFails_keepsTheTelegramsAndStoresThemWithTheNextCycle() throws Exception {
    SimulatedWiredBus bus = bus("garage", Clock.systemUTC(), 70_000_000, 2);
    save(bus, BusMeter.Addressing.SECONDARY);
    BusPoller poller = poller(bus.config(POLL), BusConnector.REAL);

    CycleReport failed;
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database.file());
        Statement statement = other.createStatement()) {
      // The disk refuses readings, as a full SD card would.
      statement.execute(
          "CREATE TRIGGER full_disk BEFORE INSERT ON readings"
              + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
      failed = poller.cycle();
      assertEquals(0, stored().size(), "readings stored through the failure");
      statement.execute("DROP TRIGGER full_disk");
    }
    CycleReport next = poller.cycle();

    assertEquals(2, failed.frames());
    assertEquals(0, failed.readings());
    assertTrue(failed.failure().startsWith("cannot store: "), failed.failure());
    assertTrue(failed.failure().contains("database or disk is full"), failed.failure());

    assertNull(next.failure());
    assertEquals(2, next.frames());
    List<StoredReading> readings = stored();
    assertEquals(next.readings(), readings.size());
    for (String id : List.of("70000001", "70000002")) {
      List<Instant> received =
          readings.stream()
              .filter(r -> r.reading().device().equals(SimulatedWiredBus.identity(id)))
              .map(r -> r.reading().receivedAt())
              .distinct()
              .toList();
      assertEquals(2, received.size(), "readouts of " + id + " stored: " + received);
    }
    List<Long> seqs = readings.stream().map(StoredReading::seq).sorted().toList();
    assertEquals(1L, seqs.get(0));
    assertEquals((long) seqs.size(), seqs.get(seqs.size() - 1), "one block from 1");
  }
}
