package io.releve.gateway.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.clock.GatewayClock;
import io.releve.gateway.clock.SyncSource;
import io.releve.gateway.daemon.ClockWatch;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.ClockBases;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.SiteCode;
import io.releve.gateway.store.StoredEvent;
import io.releve.gateway.testing.ManualBoot;
import io.releve.gateway.testing.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §3.5 with the leak detector, on a real SQLite file: the Pi boots with the time
 * fake-hwclock restored, 8 days behind, and no network; a WC starts leaking; two days later NTP
 * sets the clock. The leak's alert, its event and the detector's state all get their true times,
 * and the detection goes on as if the clock had always been right.
 */
class ClockSwitchTest {

  private static final Instant RESTORED = Instant.parse("2026-11-20T00:00:00Z");
  private static final Duration BEHIND = Duration.ofDays(8);
  private static final DeviceIdentity COLD = new DeviceIdentity("LUG", "12345678", 0x0A, 0x16);

  @TempDir Path folder;

  /** A gateway on its own database file: its clock, its detector and its clock watch. */
  private static final class Gateway implements AutoCloseable {
    final ManualClock system;
    final ManualBoot boot = new ManualBoot("boot-a", 0);
    final AtomicReference<SyncSource.Answer> ntp;
    final GatewayClock clock;
    final Database database;
    final ReadingStore readings;
    final MeterHealth health;
    final ClockWatch watch;
    double litres = 1_234_000;

    /**
     * @param at the system's time at boot
     * @param synchronised whether NTP has set it
     */
    Gateway(Path file, Instant at, boolean synchronised) {
      system = new ManualClock(at);
      ntp =
          new AtomicReference<>(
              synchronised ? SyncSource.Answer.SYNCHRONISED : SyncSource.Answer.UNSYNCHRONISED);
      clock = GatewayClock.start(system, boot, ntp::get);
      database = Database.open(file, clock);
      readings = new ReadingStore(database);
      health = new MeterHealth(ZoneId.of("Europe/Paris"), clock);
      watch = ClockWatch.open(clock, new ClockBases(database)).guardedBy(health::switchClock);
      new Inventory(database)
          .add(
              new InstalledDevice(
                  COLD,
                  Medium.COLD_WATER,
                  null,
                  new Dwelling(SiteCode.of("RL042"), "A03", null),
                  null));
      store(reading());
    }

    /** Stores one reading of the cold water meter per hour at a constant flow. */
    void hours(int count, double litresPerHour) {
      for (int i = 0; i < count; i++) {
        pass(Duration.ofHours(1));
        litres += litresPerHour;
        store(reading());
      }
    }

    void pass(Duration time) {
      boot.advance(time.toSeconds());
      system.advance(time);
    }

    /** NTP sets the clock {@code after} now: the true time is {@link #BEHIND} ahead. */
    void synchronise(Duration after) {
      pass(after);
      system.set(clock.instant().plus(BEHIND));
      ntp.set(SyncSource.Answer.SYNCHRONISED);
      assertTrue(watch.checkNow());
    }

    void store(Reading reading) {
      health.store(readings, List.of(reading), List.of(), List.of());
    }

    /** The meter's index now, stamped by the gateway's clock. */
    Reading reading() {
      long whole = (long) Math.floor(litres) % 100_000_000L;
      return new Reading(
          COLD,
          Medium.COLD_WATER,
          Quantity.VOLUME,
          Value.of(BigDecimal.valueOf(whole, 3)),
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

    AlertRow alert() {
      return only(Alerts.list(database, false)).alert();
    }

    List<String> events() {
      return Alerts.events(database).stream().map(e -> e.type() + " " + e.at()).toList();
    }

    @Override
    public void close() {
      watch.close();
      database.close();
    }
  }

  @Test
  void aLeakSeenBeforeTheClockIsSet_keepsGoingAfterIt_atItsTrueTimes() {
    try (Gateway pi = new Gateway(folder.resolve("pi.db"), RESTORED, false);
        Gateway right = new Gateway(folder.resolve("right.db"), RESTORED.plus(BEHIND), true)) {
      for (Gateway each : List.of(pi, right)) {
        each.hours(24, 0);
        each.hours(30, 6);
      }
      AlertRow anchored = pi.alert();
      assertEquals(RESTORED.plus(Duration.ofHours(24)), anchored.startedAt());

      pi.synchronise(Duration.ofMinutes(30));
      right.pass(Duration.ofMinutes(30));
      AlertRow retimed = pi.alert();
      assertEquals(right.alert(), withId(retimed, right.alert().id()));
      assertEquals(anchored.startedAt().plus(BEHIND), retimed.startedAt());
      assertEquals(right.events(), pi.events());
      StoredEvent opened = only(Alerts.events(pi.database));
      assertTrue(
          opened.detail().contains("since " + retimed.startedAt()),
          "the event's text quotes the true start: " + opened.detail());

      for (Gateway each : List.of(pi, right)) {
        each.hours(10, 6);
      }
      assertEquals(right.alert(), withId(pi.alert(), right.alert().id()));
      assertEquals(retimed.startedAt(), pi.alert().startedAt());
      assertEquals(right.events(), pi.events());
      assertEquals(List.of("leak_opened " + retimed.detectedAt()), pi.events());
    }
  }

  @Test
  void aFrameStampedBeforeTheSwitch_andStoredAfterIt_reachesTheDetectorAtItsTrueTime() {
    try (Gateway pi = new Gateway(folder.resolve("pi.db"), RESTORED, false);
        Gateway right = new Gateway(folder.resolve("right.db"), RESTORED.plus(BEHIND), true)) {
      for (Gateway each : List.of(pi, right)) {
        each.hours(24, 0);
        each.hours(30, 6);
        each.pass(Duration.ofHours(1));
        each.litres += 6;
      }
      Reading late = pi.reading(); // a poll cycle stamps its frame...
      pi.synchronise(Duration.ofMinutes(1)); // ...NTP lands while it runs...
      pi.store(late); // ...and it is stored after the switch
      right.store(right.reading());
      right.pass(Duration.ofMinutes(1));
      for (Gateway each : List.of(pi, right)) {
        each.hours(3, 6);
      }

      assertEquals(right.events(), pi.events()); // no backdated reading
      assertEquals(right.alert(), withId(pi.alert(), right.alert().id()));
      assertEquals(RESTORED.plus(Duration.ofHours(24)).plus(BEHIND), pi.alert().startedAt());
    }
  }

  private static AlertRow withId(AlertRow row, long id) {
    return new AlertRow(
        id,
        row.deviceId(),
        row.type(),
        row.condition(),
        row.level(),
        row.startedAt(),
        row.detectedAt(),
        row.endedAt(),
        row.totalLossM3(),
        row.averageFlowLph(),
        row.source());
  }

  private static <T> T only(List<T> list) {
    assertEquals(1, list.size(), () -> "expected one: " + list);
    return list.get(0);
  }
}
