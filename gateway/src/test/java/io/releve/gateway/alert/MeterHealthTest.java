package io.releve.gateway.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.health.MeterAlarm;
import io.releve.gateway.health.MeterCondition;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.SiteCode;
import io.releve.gateway.store.StoredAlert;
import io.releve.gateway.store.StoredEvent;
import io.releve.gateway.testing.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leak detection and meter health on a real SQLite file, batch by batch as the daemon stores. */
class MeterHealthTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant START = Instant.parse("2025-03-09T00:00:00Z");
  private static final DeviceIdentity COLD = new DeviceIdentity("LUG", "12345678", 0x0A, 0x16);
  private static final DeviceIdentity KAMSTRUP = new DeviceIdentity("KAM", "76348799", 0x1B, 0x16);

  @TempDir Path folder;
  private final ManualClock clock = new ManualClock(START);
  private Database database;
  private ReadingStore readings;
  private MeterHealth health;
  private double litres = 1_234_000;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("releve.db"), clock);
    readings = new ReadingStore(database);
    health = new MeterHealth(PARIS, clock);
    new Inventory(database)
        .add(
            new InstalledDevice(
                COLD,
                Medium.COLD_WATER,
                PrintedSerial.of("21-123456"),
                new Dwelling(SiteCode.of("RL042"), "A03", "3"),
                null));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void leakingMeter_opensALeakAlertWithTheReadingsThatShowItAndClosesItWhenRepaired() {
    hours(24, 0);
    hours(30, 6);
    StoredAlert active = only(Alerts.list(database, false));
    assertEquals("leak", active.alert().type());
    assertEquals(1, active.alert().level());
    assertEquals(START.plus(Duration.ofHours(24)), active.alert().startedAt());
    assertEquals(new BigDecimal("0.180"), active.alert().totalLossM3()); // 30 h × 6 L
    assertEquals(new BigDecimal("6.00"), active.alert().averageFlowLph());
    assertEquals("21123456", active.printedSerial());
    assertEquals("RL042", active.site());

    hours(3, 0);
    AlertRow closed = only(Alerts.list(database, false)).alert();
    assertEquals(START.plus(Duration.ofHours(54)), closed.endedAt());
    assertEquals(new BigDecimal("0.180"), closed.totalLossM3());
    List<String> events = Alerts.events(database).stream().map(StoredEvent::type).toList();
    assertEquals(List.of("leak_opened", "leak_closed"), events);
  }

  @Test
  void eventsAreNumberedInTheOutboxAfterTheReadingsOfTheirBatch() {
    hours(24, 0);
    hours(30, 6);
    StoredEvent opened = Alerts.events(database).get(0);
    // 1 is the meter's installation; readings 2 to 50 run from 0:00 to hour 48, whose reading
    // decides the day that opens the alert: its event is numbered in the same transaction, right
    // after it
    assertEquals(51, opened.seq());
    assertEquals(58, readings.nextSeq());
    assertEquals(START.plus(Duration.ofHours(48)), opened.at());
  }

  @Test
  void restartedGateway_goesOnFromTheSavedTrackerAndTheReadingsStoredSince() {
    hours(24, 0);
    hours(20, 6);
    health = new MeterHealth(PARIS, clock); // a new daemon: nothing in memory
    hours(20, 6);
    AlertRow alert = only(Alerts.list(database, false)).alert();
    assertEquals(START.plus(Duration.ofHours(24)), alert.startedAt());
    assertEquals(new BigDecimal("0.240"), alert.totalLossM3()); // 40 h × 6 L
    assertEquals(
        List.of("leak_opened"), Alerts.events(database).stream().map(StoredEvent::type).toList());
  }

  @Test
  void rolloverSeenByTheTracker_isStoredAsAnEvent() {
    litres = 99_999_990;
    hours(3, 6);
    List<StoredEvent> events = Alerts.events(database);
    assertEquals(List.of("rollover"), events.stream().map(StoredEvent::type).toList());
    assertEquals(COLD, events.get(0).device());
  }

  @Test
  void meterAlarm_opensWithItsSourceAndClosesAtTheFirstFrameWithoutIt() {
    MeterAlarm leak = new MeterAlarm(MeterCondition.LEAK, "Kamstrup info code 0x0004, bit 2");
    Set<MeterCondition> kamstrup =
        Set.of(
            MeterCondition.DRY,
            MeterCondition.BACKFLOW,
            MeterCondition.LEAK,
            MeterCondition.BURST,
            MeterCondition.ALARM);
    Instant first = START.plus(Duration.ofMinutes(10));
    store(
        volume(KAMSTRUP, "6.408", first),
        new FrameAlarms(KAMSTRUP, first, List.of(leak), kamstrup));
    AlertRow open = only(Alerts.list(database, true)).alert();
    assertEquals("meter_alarm", open.type());
    assertEquals("leak", open.condition());
    assertEquals(leak.source(), open.source());

    // a compact frame without the info code says nothing about the leak
    Instant second = first.plus(Duration.ofMinutes(16));
    store(
        volume(KAMSTRUP, "6.409", second), new FrameAlarms(KAMSTRUP, second, List.of(), Set.of()));
    assertTrue(only(Alerts.list(database, false)).alert().active());

    Instant third = second.plus(Duration.ofMinutes(16));
    store(volume(KAMSTRUP, "6.410", third), new FrameAlarms(KAMSTRUP, third, List.of(), kamstrup));
    AlertRow closed = only(Alerts.list(database, false)).alert();
    assertEquals(third, closed.endedAt());
  }

  @Test
  void installedMeterSilentBeyondItsPattern_isNotHeardUntilHeardAgain() {
    hours(8 * 24, 0); // heard every hour for 8 days: a 24/7 pattern
    Instant lastHeard = clock.instant();
    clock.set(lastHeard.plus(Duration.ofHours(5)));
    health.checkSilence(database);
    assertEquals(List.of(), Alerts.list(database, false));

    clock.set(lastHeard.plus(Duration.ofHours(7)));
    health.checkSilence(database);
    AlertRow notHeard = only(Alerts.list(database, true)).alert();
    assertEquals("not_heard", notHeard.type());
    assertEquals(lastHeard, notHeard.startedAt());

    store(volume(COLD, "1234.000", clock.instant()), null);
    AlertRow cleared = only(Alerts.list(database, false)).alert();
    assertEquals(clock.instant(), cleared.endedAt());
  }

  @Test
  void neighboursMeterHeardOnTheRadio_isNeverReportedNotHeard() {
    DeviceIdentity neighbour = new DeviceIdentity("DME", "55555555", 0x1B, 0x07);
    for (int hour = 0; hour < 8 * 24; hour++) {
      Instant at = START.plus(Duration.ofHours(hour));
      clock.set(at);
      store(volume(neighbour, "12.000", at), null);
    }
    clock.set(clock.instant().plus(Duration.ofDays(3)));
    health.checkSilence(database);
    assertEquals(
        List.of(),
        Alerts.list(database, false).stream().filter(a -> a.device().equals(neighbour)).toList());
  }

  @Test
  void installedMeterNeverHeard_isNotHeardTwoDaysAfterItWasAdded() {
    clock.set(START.plus(Duration.ofHours(47)));
    health.checkSilence(database);
    assertEquals(List.of(), Alerts.list(database, false));
    clock.set(START.plus(Duration.ofHours(48)));
    health.checkSilence(database);
    StoredAlert alert = only(Alerts.list(database, true));
    assertEquals("not_heard", alert.alert().type());
    assertEquals(START, alert.alert().startedAt());
    assertEquals("silence: never heard since added", alert.alert().source());
  }

  @Test
  void uninstalledMeter_hasItsNotHeardAlertClosed() {
    clock.set(START.plus(Duration.ofDays(3)));
    health.checkSilence(database);
    assertTrue(only(Alerts.list(database, true)).alert().active());
    new Inventory(database).remove(COLD);
    health.checkSilence(database);
    assertEquals(List.of(), Alerts.list(database, true));
    assertEquals(1, Alerts.list(database, false).size());
  }

  @Test
  void restartBetweenReadingsOfTheSameHour_recordsNoEventTwice() {
    // readings every 15 minutes with water flowing back once, then a restart inside the hour
    hours(24, 0);
    Instant at = clock.instant();
    String[] indexes = {"1234.000", "1233.990", "1233.990"};
    for (String index : indexes) {
      at = at.plus(Duration.ofMinutes(15));
      clock.set(at);
      store(volume(COLD, index, at), null);
    }
    health = new MeterHealth(PARIS, clock);
    at = at.plus(Duration.ofMinutes(10));
    clock.set(at);
    store(volume(COLD, "1233.990", at), null);
    health = new MeterHealth(PARIS, clock);
    at = at.plus(Duration.ofMinutes(10));
    clock.set(at);
    store(volume(COLD, "1233.990", at), null);
    assertEquals(
        List.of("backward_flow"), Alerts.events(database).stream().map(StoredEvent::type).toList());
  }

  @Test
  void restartBeforeTheMetersFirstHourIsDecided_recordsNoEventTwice() {
    Instant at = START;
    for (String index : new String[] {"1234.000", "1233.990", "1233.990"}) {
      at = at.plus(Duration.ofMinutes(15));
      clock.set(at);
      store(volume(COLD, index, at), null);
    }
    health = new MeterHealth(PARIS, clock);
    at = at.plus(Duration.ofMinutes(5));
    clock.set(at);
    store(volume(COLD, "1233.990", at), null);
    assertEquals(
        List.of("backward_flow"), Alerts.events(database).stream().map(StoredEvent::type).toList());
  }

  @Test
  void restartAfterAnAlertClosedWithinTheHour_doesNotRecordItAgain() {
    // 15-minute readings: a leak that stops, then two restarts before any hour is saved again
    for (int quarter = 0; quarter < 4 * 24; quarter++) {
      quarter(0);
    }
    for (int quarter = 0; quarter < 4 * 30; quarter++) {
      quarter(1.5);
    }
    for (int quarter = 0; quarter < 5; quarter++) {
      quarter(0);
    }
    health = new MeterHealth(PARIS, clock);
    quarter(0);
    health = new MeterHealth(PARIS, clock);
    quarter(0);
    assertEquals(1, Alerts.list(database, false).size());
    assertEquals(
        List.of("leak_opened", "leak_closed"),
        Alerts.events(database).stream().map(StoredEvent::type).toList());
  }

  @Test
  void trackerSavedByAnotherVersion_isRebuiltAndTheReadingsAreStoredAllTheSame() {
    hours(24, 0);
    hours(30, 6);
    spoil("UPDATE leak_trackers SET state = '{\"version\":1}'");
    health = new MeterHealth(PARIS, clock);
    long before = readings.nextSeq();
    hours(2, 6);
    assertTrue(readings.nextSeq() >= before + 2, "the readings are stored");
    AlertRow alert = only(Alerts.list(database, true)).alert();
    assertEquals(new BigDecimal("0.192"), alert.totalLossM3()); // 32 h × 6 L, as if never lost
  }

  @Test
  void unreadableTrackerState_isRebuiltWithoutRecordingTheHistoryAgain() {
    hours(24, 0);
    hours(30, 6);
    hours(2, 0); // the leak opened and closed
    List<String> before = eventTypes();
    spoil(
        "UPDATE leak_trackers SET state = '{\"version\":"
            + io.releve.gateway.leak.LeakTracker.STATE_VERSION
            + "}'");
    health = new MeterHealth(PARIS, clock);
    hours(1, 0);
    assertEquals(before, eventTypes());
    assertEquals(1, Alerts.list(database, false).size());
  }

  @Test
  void rebuiltTracker_keepsTheOnsetAndLossOfALongActiveLeak() {
    hours(24, 0);
    hours(20 * 24, 6);
    AlertRow before = only(Alerts.list(database, true)).alert();
    spoil("UPDATE leak_trackers SET state = '{\"version\":1}'");
    health = new MeterHealth(PARIS, clock);
    hours(2, 6);
    AlertRow after = only(Alerts.list(database, true)).alert();
    assertEquals(before.startedAt(), after.startedAt());
    assertEquals(new BigDecimal("2.892"), after.totalLossM3()); // 482 h × 6 L
  }

  @Test
  void unreadableTransmitPattern_isLearntAgainAndTheReadingsAreStored() {
    hours(3, 0);
    spoil("UPDATE transmit_patterns SET state = '{}'");
    health = new MeterHealth(PARIS, clock);
    long before = readings.nextSeq();
    hours(1, 0);
    assertEquals(before + 1, readings.nextSeq());
  }

  @Test
  void meterHeardBeforeItWasInstalled_isNotReportedNeverHeard() {
    DeviceIdentity later = new DeviceIdentity("LUG", "87654321", 0x0A, 0x16);
    health.checkSilence(database); // patterns loaded before the meter is first heard
    Instant at = START;
    for (int hour = 0; hour < 5 * 24; hour++) {
      at = START.plus(Duration.ofHours(hour));
      clock.set(at);
      store(volume(later, "12.000", at), null);
    }
    new Inventory(database)
        .add(
            new InstalledDevice(
                later,
                Medium.COLD_WATER,
                null,
                new Dwelling(SiteCode.of("RL042"), "A04", null),
                null));
    clock.set(at.plus(Duration.ofMinutes(30)));
    health.checkSilence(database);
    assertEquals(
        List.of(),
        Alerts.list(database, false).stream().filter(a -> a.device().equals(later)).toList());
  }

  @Test
  void batchWithAnOlderReadingAfterARestart_isTakenAsWithoutTheRestart() {
    hours(24, 0);
    Instant ten = clock.instant();
    store(volume(COLD, "1234.001", ten.plus(Duration.ofMinutes(20))), null);
    store(volume(COLD, "1234.002", ten.plus(Duration.ofMinutes(40))), null);
    health = new MeterHealth(PARIS, clock);
    health.store(
        readings,
        List.of(
            volume(COLD, "1234.001", ten.plus(Duration.ofMinutes(10))),
            volume(COLD, "1234.003", ten.plus(Duration.ofMinutes(90)))),
        List.of(),
        List.of());
    assertEquals(List.of("backdated"), eventTypes());
  }

  private List<String> eventTypes() {
    return Alerts.events(database).stream().map(StoredEvent::type).toList();
  }

  private void spoil(String sql) {
    database.write(
        "spoil a saved state",
        io.releve.gateway.store.Durability.FULL,
        c -> c.createStatement().executeUpdate(sql));
  }

  /** One reading 15 minutes after the last, the flow having been {@code litresPerQuarter}. */
  private void quarter(double litresPerQuarter) {
    Instant at = clock.instant().plus(Duration.ofMinutes(15));
    litres += litresPerQuarter;
    clock.set(at);
    store(volume(COLD, index(), at), null);
  }

  /** Stores one reading of the cold water meter per hour at a constant flow. */
  private void hours(int count, double litresPerHour) {
    for (int i = 0; i < count; i++) {
      Instant at = clock.instant().plus(Duration.ofHours(1));
      if (i == 0 && litres == 1_234_000 && at.equals(START.plus(Duration.ofHours(1)))) {
        clock.set(START);
        store(volume(COLD, index(), START), null);
      }
      litres += litresPerHour;
      clock.set(at);
      store(volume(COLD, index(), at), null);
    }
  }

  private String index() {
    long whole = (long) Math.floor(litres) % 100_000_000L;
    return BigDecimal.valueOf(whole, 3).toPlainString();
  }

  private void store(Reading reading, FrameAlarms alarms) {
    health.store(
        readings, List.of(reading), List.of(), alarms == null ? List.of() : List.of(alarms));
  }

  private static Reading volume(DeviceIdentity device, String cubicMetres, Instant at) {
    return new Reading(
        device,
        Medium.COLD_WATER,
        Quantity.VOLUME,
        Value.of(new BigDecimal(cubicMetres)),
        Unit.CUBIC_METRE,
        0,
        0,
        0,
        RecordFunction.INSTANTANEOUS,
        null,
        at,
        ClockState.SYNCHRONISED,
        "bus0",
        null,
        0);
  }

  private static <T> T only(List<T> list) {
    assertEquals(1, list.size(), () -> "expected one: " + list);
    return list.get(0);
  }
}
