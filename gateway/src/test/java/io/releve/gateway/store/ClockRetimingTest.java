package io.releve.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.contract.EventEntry;
import io.releve.contract.ReadingEntry;
import io.releve.gateway.clock.GatewayClock;
import io.releve.gateway.clock.SyncSource;
import io.releve.gateway.daemon.ClockWatch;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.testing.ManualBoot;
import io.releve.gateway.testing.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §3.5 on a real SQLite file: the Pi boots with the time fake-hwclock restored (8 days
 * behind), reads meters, then NTP sets the clock.
 */
class ClockRetimingTest {

  static final Instant RESTORED = Instant.parse("2026-11-20T08:00:00Z");
  static final Instant TRUE_AT_SYNC = Instant.parse("2026-11-28T09:00:00Z");

  @TempDir Path folder;

  private final ManualClock system = new ManualClock(RESTORED);
  private final AtomicReference<SyncSource.Answer> ntp =
      new AtomicReference<>(SyncSource.Answer.UNSYNCHRONISED);

  /** NTP sets the clock 200 s after boot, to {@link #TRUE_AT_SYNC}. */
  private void ntpAt200(ManualBoot boot) {
    boot.at(200);
    system.set(TRUE_AT_SYNC);
    ntp.set(SyncSource.Answer.SYNCHRONISED);
  }

  private static Reading volume(String cubicMetres, GatewayClock clock) {
    return volume(cubicMetres, clock.instant(), clock.state());
  }

  private static Reading volume(String cubicMetres, Instant at, ClockState state) {
    return new Reading(
        TestReadings.WATER,
        TestReadings.WATER.medium(),
        Quantity.VOLUME,
        Value.of(new BigDecimal(cubicMetres)),
        Unit.CUBIC_METRE,
        0,
        0,
        0,
        RecordFunction.INSTANTANEOUS,
        null,
        at,
        state,
        "bus0",
        null,
        0);
  }

  private Database open() {
    return Database.open(folder.resolve("releve.db"), system);
  }

  private static List<StoredReading> stored(Database database) {
    return new ReadingStore(database).find(ReadingFilter.all());
  }

  @Test
  void readingsBeforeSynchronisation_areStoredFlagged_andHeldBackWithEverythingAfterThem() {
    try (Database database = open()) {
      ManualBoot boot = new ManualBoot("boot-a", 30); // the daemon starts 30 s after boot
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      ReadingStore store = new ReadingStore(database);

      boot.at(90);
      store.storeBatch(List.of(volume("12.345", clock)), List.of());
      new GatewayEvents(database).record(clock.instant(), "health", "{}");
      OutboxBatch batch = new Outbox(database).after(0, 10);
      watch.close();

      StoredReading reading = stored(database).get(0);
      assertEquals(Instant.parse("2026-11-20T08:01:00Z"), reading.reading().receivedAt());
      assertEquals(ClockState.UNSYNCHRONISED, reading.reading().clockState());
      assertEquals("boot-a 90000000000", bootAndMono(database, reading.seq()));
      assertTrue(batch.isEmpty());
    }
  }

  @Test
  void onSynchronisation_theyAreRetimedFromTheMonotonicClock_beforeTheyLeave() {
    try (Database database = open()) {
      ManualBoot boot = new ManualBoot("boot-a", 30);
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      ReadingStore store = new ReadingStore(database);
      boot.at(90);
      store.storeBatch(List.of(volume("12.345", clock)), List.of());
      boot.at(120);
      new GatewayEvents(database).record(clock.instant(), "health", "{}");
      boot.at(150);
      store.storeBatch(List.of(volume("12.346", clock)), List.of());

      ntpAt200(boot);
      boolean synced = watch.checkNow();
      boot.at(260);
      system.set(TRUE_AT_SYNC.plusSeconds(60));
      store.storeBatch(List.of(volume("12.347", clock)), List.of());
      OutboxBatch batch = new Outbox(database).after(0, 10);
      watch.close();

      assertTrue(synced);
      // true time = 09:00:00 at mono 200 s, minus (200 − 90) s and (200 − 150) s
      assertEquals(
          List.of(
              "2026-11-28T08:58:10Z RETIMED",
              "2026-11-28T08:59:10Z RETIMED",
              "2026-11-28T09:01:00Z SYNCHRONISED"),
          batch.readings().stream().map(r -> r.receivedAt() + " " + r.clockState()).toList());
      assertEquals(
          Instant.parse("2026-11-28T08:58:10Z"), stored(database).get(0).reading().receivedAt());
      // the health report stamped at mono 120 s: 09:00:00 − 80 s
      assertEquals(List.of(2L), batch.events().stream().map(EventEntry::seq).toList());
      assertEquals(Instant.parse("2026-11-28T08:58:40Z"), batch.events().get(0).at());
    }
  }

  @Test
  void aClockAt1970_neverPutsAPreFloorTimeInTheStore() {
    system.set(Instant.parse("1970-01-01T00:00:12Z")); // no fake-hwclock at all
    try (Database database = open()) {
      ManualBoot boot = new ManualBoot("boot-a", 12);
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));

      boot.at(72);
      new ReadingStore(database).storeBatch(List.of(volume("1.000", clock)), List.of());
      watch.close();

      assertEquals(
          Instant.parse("2026-11-01T00:01:00Z"), stored(database).get(0).reading().receivedAt());
    }
  }

  @Test
  void aRestartBeforeSynchronisation_inTheSameBoot_isRetimedToo() {
    try (Database database = open()) {
      ManualBoot boot = new ManualBoot("boot-a", 30);
      GatewayClock first = GatewayClock.start(system, boot, ntp::get);
      ClockWatch firstWatch = ClockWatch.open(first, new ClockBases(database));
      boot.at(90);
      new ReadingStore(database).storeBatch(List.of(volume("12.345", first)), List.of());
      new GatewayEvents(database).record(first.instant(), "health", "{}");
      firstWatch.close();

      boot.at(120); // the daemon restarts; fake-hwclock's time has moved on 2 minutes since
      system.set(RESTORED.plusSeconds(120));
      GatewayClock second = GatewayClock.start(system, boot, ntp::get);
      ClockWatch secondWatch = ClockWatch.open(second, new ClockBases(database));
      boot.at(150);
      new ReadingStore(database).storeBatch(List.of(volume("12.346", second)), List.of());
      ntpAt200(boot);
      secondWatch.checkNow();
      secondWatch.close();

      assertEquals(
          List.of("2026-11-28T08:58:10Z RETIMED", "2026-11-28T08:59:10Z RETIMED"),
          stored(database).stream()
              .map(s -> s.reading().receivedAt() + " " + s.reading().clockState())
              .toList());
      // the first run's event moves with the first run's reading
      assertEquals(
          Instant.parse("2026-11-28T08:58:10Z").toEpochMilli(),
          read(database, "SELECT at FROM gateway_events"));
    }
  }

  @Test
  void aBootThatEndedUnsynchronised_keepsItsReadingsFlagged_andOnlyAnEventWithoutTheirTimeLeaves() {
    try (Database database = open()) {
      ManualBoot bootA = new ManualBoot("boot-a", 30);
      GatewayClock before = GatewayClock.start(system, bootA, ntp::get);
      ClockWatch watchA = ClockWatch.open(before, new ClockBases(database));
      bootA.at(90);
      new ReadingStore(database).storeBatch(List.of(volume("12.345", before)), List.of());
      watchA.close(); // power cut before NTP came

      ManualBoot bootB = new ManualBoot("boot-b", 25);
      system.set(TRUE_AT_SYNC);
      ntp.set(SyncSource.Answer.SYNCHRONISED); // the network is up at once this time
      GatewayClock after = GatewayClock.start(system, bootB, ntp::get);
      ClockWatch watchB = ClockWatch.open(after, new ClockBases(database));
      new ReadingStore(database).storeBatch(List.of(volume("12.400", after)), List.of());
      OutboxBatch batch = new Outbox(database).after(0, 10);
      watchB.close();

      Reading kept = stored(database).get(0).reading();
      assertEquals(ClockState.UNSYNCHRONISED, kept.clockState());
      assertEquals(Instant.parse("2026-11-20T08:01:00Z"), kept.receivedAt());
      EventEntry untimed = batch.events().get(0);
      assertEquals(1, untimed.seq());
      assertEquals(Outbox.UNTIMED, untimed.type());
      assertEquals(TRUE_AT_SYNC, untimed.at());
      assertFalse(untimed.detail().contains("2026-11-20"), untimed.detail());
      List<ReadingEntry> readings = batch.readings();
      assertEquals(1, readings.size());
      assertEquals(2, readings.get(0).seq());
      assertEquals(TRUE_AT_SYNC, readings.get(0).receivedAt());
    }
  }

  @Test
  void aBatchStampedJustBeforeTheSwitch_andStoredJustAfter_isRetimed() {
    try (Database database = open()) {
      ManualBoot boot = new ManualBoot("boot-a", 30);
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      boot.at(190);
      Instant stamped = clock.instant(); // a poll cycle stamps its frames

      ntpAt200(boot);
      watch.checkNow(); // NTP lands while the cycle is still running
      Reading late =
          new Reading(
              TestReadings.WATER,
              TestReadings.WATER.medium(),
              Quantity.VOLUME,
              Value.of(new BigDecimal("12.345")),
              Unit.CUBIC_METRE,
              0,
              0,
              0,
              RecordFunction.INSTANTANEOUS,
              null,
              stamped,
              clock.state(), // read after the switch
              "bus0",
              null,
              0);
      new ReadingStore(database).storeBatch(List.of(late), List.of());
      watch.close();

      Reading stored = stored(database).get(0).reading();
      assertEquals(Instant.parse("2026-11-20T08:02:40Z"), stamped);
      assertEquals(ClockState.SYNCHRONISED, late.clockState());
      assertEquals(Instant.parse("2026-11-28T08:59:50Z"), stored.receivedAt());
      assertEquals(ClockState.RETIMED, stored.clockState());
    }
  }

  @Test
  void aClockRestoredBeforeTheLatestTimeStored_anchorsJustAfterIt() {
    // the last boot stored a reading at 08:30; fake-hwclock had saved 08:00 before the power cut
    Instant last = RESTORED.plus(Duration.ofMinutes(30));
    try (Database database = open()) {
      new ReadingStore(database)
          .storeBatch(List.of(volume("12.300", last, ClockState.SYNCHRONISED)), List.of());
      ManualBoot boot = new ManualBoot("boot-b", 30);
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      boot.at(90);
      new ReadingStore(database).storeBatch(List.of(volume("12.345", clock)), List.of());
      ntpAt200(boot);
      List<String> before =
          stored(database).stream().map(r -> r.reading().receivedAt().toString()).toList();
      watch.checkNow();
      watch.close();

      assertEquals(List.of("2026-11-20T08:30:00Z", "2026-11-20T08:31:00.001Z"), before);
      assertEquals(
          List.of("2026-11-20T08:30:00Z SYNCHRONISED", "2026-11-28T08:58:10Z RETIMED"),
          stored(database).stream()
              .map(r -> r.reading().receivedAt() + " " + r.reading().clockState())
              .toList());
    }
  }

  @Test
  void theOtherTimesTheRunWroteBeforeTheSynchronisation_moveAsItsReadingsDo() {
    // a leak that began in an earlier boot, whose clock was synchronised, ends in this one
    Instant leakStart = Instant.parse("2026-11-18T10:00:00Z");
    ManualBoot boot = new ManualBoot("boot-a", 30);
    GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
    try (Database database = Database.open(folder.resolve("releve.db"), clock)) {
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      boot.at(90);
      new Inventory(database)
          .add(
              new InstalledDevice(
                  TestReadings.WATER,
                  TestReadings.WATER.medium(),
                  null,
                  new Dwelling(SiteCode.of("RL042"), "A03", null),
                  null));
      boot.at(150);
      Instant ended = clock.instant();
      database.write(
          "close a leak and save its tracker",
          Durability.FULL,
          c -> {
            long device = single(c, "SELECT id FROM devices");
            AlertRow alert =
                Alerts.insert(
                    c,
                    new AlertRow(
                        0,
                        device,
                        "leak",
                        "",
                        1,
                        leakStart,
                        leakStart.plus(Duration.ofHours(24)),
                        ended,
                        new BigDecimal("0.120"),
                        new BigDecimal("5.00"),
                        "flow"),
                    ended);
            Alerts.addEvent(
                c,
                device,
                ended,
                "leak_closed",
                "level 1, since " + leakStart + " until " + ended + " (flow)",
                alert.id());
            HealthStates.saveTracker(c, device, "{}", ended);
            return null;
          });
      ntpAt200(boot);
      watch.checkNow();
      watch.close();

      // anchored 08:00:00 at 30 s, 08:02:50 at 200 s = 09:00:00 true: every stamp moves the same
      assertEquals(
          Instant.parse("2026-11-28T08:58:10Z").toEpochMilli(),
          read(database, "SELECT added_at FROM devices"));
      assertEquals(
          Instant.parse("2026-11-28T08:58:10Z").toEpochMilli(),
          read(database, "SELECT at FROM inventory_changes"));
      AlertRow alert = Alerts.list(database, false).get(0).alert();
      assertEquals(leakStart, alert.startedAt());
      assertEquals(leakStart.plus(Duration.ofHours(24)), alert.detectedAt());
      assertEquals(Instant.parse("2026-11-28T08:59:10Z"), alert.endedAt());
      StoredEvent closed = Alerts.events(database).get(0);
      assertEquals(Instant.parse("2026-11-28T08:59:10Z"), closed.at());
      assertEquals(
          "level 1, since 2026-11-18T10:00:00Z until 2026-11-28T08:59:10Z (flow)", closed.detail());
      HealthStates.SavedTracker tracker =
          database.read("read the tracker", c -> HealthStates.tracker(c, 1).orElseThrow());
      assertTrue(tracker.toRebuild(), "the tracker is rebuilt from the re-timed readings");
      assertEquals(Instant.parse("2026-11-28T08:59:10Z"), tracker.lastReadingAt());
    }
  }

  @Test
  void aQuotedTimeOfTheRun_movesInAText_andAnEarlierOneStays() {
    long low = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
    long high = Instant.parse("2026-11-20T09:00:00Z").toEpochMilli();
    assertEquals(
        "since 2026-11-18T10:00:00Z until 2026-11-20T08:31:00.250Z (flow)",
        ClockBases.moveQuotes(
            "since 2026-11-18T10:00:00Z until 2026-11-20T08:30:00.250Z (flow)",
            List.of(new ClockBases.Shift(low, high, 60_000))));
  }

  private static long single(java.sql.Connection c, String sql) throws java.sql.SQLException {
    try (var query = c.prepareStatement(sql);
        var row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static long read(Database database, String sql) {
    return database.read(sql, c -> single(c, sql));
  }

  private static String bootAndMono(Database database, long seq) {
    return database.read(
        "read the boot and monotonic time",
        c -> {
          try (var query =
              c.prepareStatement("SELECT boot_id, mono_ns FROM readings WHERE outbox_seq = ?")) {
            query.setLong(1, seq);
            try (var row = query.executeQuery()) {
              row.next();
              return row.getString(1) + " " + row.getLong(2);
            }
          }
        });
  }
}
