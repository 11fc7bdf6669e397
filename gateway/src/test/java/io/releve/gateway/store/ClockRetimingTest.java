package io.releve.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.contract.EventEntry;
import io.releve.contract.ReadingEntry;
import io.releve.gateway.clock.BootClock;
import io.releve.gateway.clock.GatewayClock;
import io.releve.gateway.clock.SyncSource;
import io.releve.gateway.daemon.ClockWatch;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.testing.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
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

  static final long SECOND = 1_000_000_000L;
  static final Instant RESTORED = Instant.parse("2026-11-20T08:00:00Z");
  static final Instant TRUE_AT_SYNC = Instant.parse("2026-11-28T09:00:00Z");

  @TempDir Path folder;

  private final ManualClock system = new ManualClock(RESTORED);
  private final AtomicReference<SyncSource.Answer> ntp =
      new AtomicReference<>(SyncSource.Answer.UNSYNCHRONISED);

  /** A boot whose monotonic time the test moves. */
  static final class Boot implements BootClock {
    private final String id;
    private volatile long nanos;

    Boot(String id, long seconds) {
      this.id = id;
      this.nanos = seconds * SECOND;
    }

    void at(long seconds) {
      nanos = seconds * SECOND;
    }

    @Override
    public String bootId() {
      return id;
    }

    @Override
    public long sinceBootNanos() {
      return nanos;
    }
  }

  private static Reading volume(String cubicMetres, GatewayClock clock) {
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
        clock.instant(),
        clock.state(),
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
      Boot boot = new Boot("boot-a", 30); // the daemon starts 30 s after boot
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
      Boot boot = new Boot("boot-a", 30);
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      ReadingStore store = new ReadingStore(database);
      boot.at(90);
      store.storeBatch(List.of(volume("12.345", clock)), List.of());
      boot.at(120);
      new GatewayEvents(database).record(clock.instant(), "health", "{}");
      boot.at(150);
      store.storeBatch(List.of(volume("12.346", clock)), List.of());

      boot.at(200);
      system.set(TRUE_AT_SYNC);
      ntp.set(SyncSource.Answer.SYNCHRONISED);
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
      Boot boot = new Boot("boot-a", 12);
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
      Boot boot = new Boot("boot-a", 30);
      GatewayClock first = GatewayClock.start(system, boot, ntp::get);
      ClockWatch firstWatch = ClockWatch.open(first, new ClockBases(database));
      boot.at(90);
      new ReadingStore(database).storeBatch(List.of(volume("12.345", first)), List.of());
      firstWatch.close();

      boot.at(120); // the daemon restarts; fake-hwclock's time has moved on 2 minutes since
      system.set(RESTORED.plusSeconds(120));
      GatewayClock second = GatewayClock.start(system, boot, ntp::get);
      ClockWatch secondWatch = ClockWatch.open(second, new ClockBases(database));
      boot.at(150);
      new ReadingStore(database).storeBatch(List.of(volume("12.346", second)), List.of());
      boot.at(200);
      system.set(TRUE_AT_SYNC);
      ntp.set(SyncSource.Answer.SYNCHRONISED);
      secondWatch.checkNow();
      secondWatch.close();

      assertEquals(
          List.of("2026-11-28T08:58:10Z RETIMED", "2026-11-28T08:59:10Z RETIMED"),
          stored(database).stream()
              .map(s -> s.reading().receivedAt() + " " + s.reading().clockState())
              .toList());
    }
  }

  @Test
  void aBootThatEndedUnsynchronised_keepsItsReadingsFlagged_andOnlyAnEventWithoutTheirTimeLeaves() {
    try (Database database = open()) {
      Boot bootA = new Boot("boot-a", 30);
      GatewayClock before = GatewayClock.start(system, bootA, ntp::get);
      ClockWatch watchA = ClockWatch.open(before, new ClockBases(database));
      bootA.at(90);
      new ReadingStore(database).storeBatch(List.of(volume("12.345", before)), List.of());
      watchA.close(); // power cut before NTP came

      Boot bootB = new Boot("boot-b", 25);
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
      Boot boot = new Boot("boot-a", 30);
      GatewayClock clock = GatewayClock.start(system, boot, ntp::get);
      ClockWatch watch = ClockWatch.open(clock, new ClockBases(database));
      boot.at(190);
      Instant stamped = clock.instant(); // a poll cycle stamps its frames

      boot.at(200);
      system.set(TRUE_AT_SYNC);
      ntp.set(SyncSource.Answer.SYNCHRONISED);
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
