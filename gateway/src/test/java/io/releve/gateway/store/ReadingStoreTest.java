package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static io.releve.gateway.store.TestReadings.HCA;
import static io.releve.gateway.store.TestReadings.HEAT;
import static io.releve.gateway.store.TestReadings.T0;
import static io.releve.gateway.store.TestReadings.WATER;
import static io.releve.gateway.store.TestReadings.series;
import static io.releve.gateway.store.TestReadings.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingStoreTest {

  @TempDir Path folder;
  private Database database;
  private ReadingStore store;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    store = new ReadingStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void storeBatch_onNewDatabase_numbersReadingsFromOneInListOrder() {
    StoredBatch batch = store.storeBatch(series(WATER, 3, T0), List.of());

    assertEquals(new StoredBatch(1, 3, 3, 0), batch);
    assertEquals(List.of(1L, 2L, 3L), seqs(store.find(ReadingFilter.all())));
  }

  @Test
  void storeBatch_twice_continuesTheSequence() {
    store.storeBatch(series(WATER, 3, T0), List.of());
    StoredBatch second = store.storeBatch(series(HEAT, 2, T0), List.of());

    assertEquals(new StoredBatch(4, 5, 2, 0), second);
  }

  @Test
  void storeBatch_afterReopen_continuesSequenceWithoutReuse() {
    store.storeBatch(series(WATER, 4, T0), List.of());
    database.close();
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    store = new ReadingStore(database);

    assertEquals(5, store.storeBatch(series(WATER, 1, T0), List.of()).firstSeq());
  }

  @Test
  void storeBatch_afterRetentionDeletedEveryReading_doesNotReuseSequenceNumbers() {
    store.storeBatch(series(WATER, 5, T0), List.of());
    RetentionResult deleted =
        new Retention(database)
            .apply(T0.plus(Duration.ofDays(400)), RetentionPolicy.ofDays(30, 365, 90));
    assertEquals(5, deleted.readings());
    assertEquals(List.of(), store.find(ReadingFilter.all()));

    StoredBatch next = store.storeBatch(series(WATER, 2, T0.plus(Duration.ofDays(400))), List.of());

    assertEquals(new StoredBatch(6, 7, 2, 0), next);
    assertEquals(8, store.nextSeq());
  }

  @Test
  void storeBatch_whenOneReadingFails_storesNothingAndUsesNoNumber() {
    store.storeBatch(series(WATER, 3, T0), List.of());
    // A trigger makes the third insert fail, as a full disk or a broken constraint would.
    database.write(
        "sabotage",
        Durability.NORMAL,
        c ->
            c.createStatement()
                .executeUpdate(
                    "CREATE TRIGGER refuse_heat BEFORE INSERT ON readings"
                        + " WHEN NEW.medium = 'heat' BEGIN SELECT RAISE(ABORT, 'no heat'); END"));
    List<Reading> mixed = new ArrayList<>(series(WATER, 2, T0.plusSeconds(60)));
    mixed.add(volume(HEAT, "7", T0.plusSeconds(90)));

    StoreException failed =
        assertThrows(StoreException.class, () -> store.storeBatch(mixed, List.of()));

    assertEquals(true, failed.getMessage().contains("no heat"), failed.getMessage());
    assertEquals(3, store.find(ReadingFilter.all()).size());
    assertEquals(4, store.nextSeq());
  }

  @Test
  void find_returnsEveryFieldAsStored() {
    Reading full =
        new Reading(
            HEAT,
            Medium.HEAT_OUTLET,
            Quantity.ENERGY,
            Value.of(new BigDecimal("12345.678")),
            Unit.KILOWATT_HOUR,
            1,
            2,
            3,
            RecordFunction.MAXIMUM,
            Instant.parse("2025-12-31T23:00:00Z"),
            Instant.parse("2026-01-05T10:00:00.123Z"),
            ClockState.RETIMED,
            "stick-im871a",
            -87,
            0x04);
    Reading date =
        new Reading(
            HEAT,
            Medium.HEAT_OUTLET,
            Quantity.DATE,
            Value.of("2025-12-31"),
            Unit.DATE,
            1,
            0,
            0,
            RecordFunction.INSTANTANEOUS,
            null,
            Instant.parse("2026-01-05T10:00:00.123Z"),
            ClockState.UNSYNCHRONISED,
            "stick-im871a",
            null,
            0);
    store.storeBatch(List.of(full, date), List.of());

    assertEquals(
        List.of(new StoredReading(1, full), new StoredReading(2, date)),
        store.find(ReadingFilter.all()));
  }

  @Test
  void find_bigDecimalValues_roundTripExactly() {
    List<String> values =
        List.of("0", "0.000", "12.345", "-3.5", "123456789012345678901234567890.123456789", "1E+3");
    List<Reading> readings = new ArrayList<>();
    for (String value : values) {
      readings.add(volume(WATER, value, T0));
    }
    store.storeBatch(readings, List.of());

    List<BigDecimal> back = new ArrayList<>();
    for (StoredReading stored : store.find(ReadingFilter.all())) {
      back.add(((Value.Number) stored.reading().value()).amount());
    }
    // Equal as text, scale included: "0.000" stays "0.000"; 1E+3 is stored as plain "1000".
    assertEquals(
        List.of("0", "0.000", "12.345", "-3.5", "123456789012345678901234567890.123456789", "1000"),
        back.stream().map(BigDecimal::toPlainString).toList());
  }

  @Test
  void find_byDevice_returnsOnlyThatDevice() {
    store.storeBatch(List.of(volume(WATER, "1", T0), volume(HEAT, "2", T0)), List.of());

    List<StoredReading> found = store.find(ReadingFilter.all().device(HEAT));

    assertEquals(List.of(2L), seqs(found));
  }

  @Test
  void find_byTimeRange_includesFromAndExcludesTo() {
    store.storeBatch(series(WATER, 5, T0), List.of());

    List<StoredReading> found =
        store.find(ReadingFilter.all().between(T0.plusSeconds(1), T0.plusSeconds(3)));

    assertEquals(List.of(2L, 3L), seqs(found));
  }

  @Test
  void find_orderedByReceiveTimeThenSeq_withLimit() {
    store.storeBatch(
        List.of(
            volume(WATER, "1", T0.plusSeconds(10)), volume(HEAT, "2", T0), volume(HCA, "3", T0)),
        List.of());

    assertEquals(List.of(2L, 3L, 1L), seqs(store.find(ReadingFilter.all())));
    assertEquals(List.of(2L, 3L), seqs(store.find(ReadingFilter.all().limit(2))));
  }

  @Test
  void find_byDwelling_returnsReadingsOfDevicesInstalledThere() {
    Inventory inventory = new Inventory(database);
    Dwelling a12 = new Dwelling(SiteCode.of("AB123"), "A12", "7");
    Dwelling b3 = new Dwelling(SiteCode.of("AB123"), "B3", null);
    inventory.add(new InstalledDevice(WATER, Medium.COLD_WATER, null, a12, null));
    inventory.add(new InstalledDevice(HCA, Medium.HEAT_COST_ALLOCATOR, null, a12, "Séjour"));
    inventory.add(new InstalledDevice(HEAT, Medium.HEAT_OUTLET, null, b3, null));
    store.storeBatch(
        List.of(volume(WATER, "1", T0), volume(HEAT, "2", T0), volume(HCA, "3", T0)), List.of());

    // the three installations took outbox numbers 1 to 3
    assertEquals(
        List.of(4L, 6L),
        seqs(store.find(ReadingFilter.all().dwelling(SiteCode.of("ab123"), "A12"))));
    assertEquals(List.of(), store.find(ReadingFilter.all().dwelling(SiteCode.of("AB123"), "C9")));
  }

  @Test
  void storeBatch_ofDeviceNotInInventory_keepsReadingAndRecordsDeviceUnattached() {
    DeviceIdentity stranger = new DeviceIdentity("ZRI", "11112222", 1, 0x16);
    store.storeBatch(List.of(volume(stranger, "4.2", T0)), List.of());

    assertEquals(1, store.find(ReadingFilter.all().device(stranger)).size());
    assertEquals(List.of(), new Inventory(database).list());
    assertEquals(
        "cold_water",
        database.read(
            "medium",
            c -> {
              ResultSet row =
                  c.createStatement()
                      .executeQuery("SELECT medium FROM devices WHERE meter_id = '11112222'");
              row.next();
              return row.getString(1);
            }));
  }

  @Test
  void storeBatch_withRawFrames_linksEachReadingToItsFrame() {
    RawFrame waterFrame = new RawFrame(new byte[] {0x44, 0x2D, 0x2C}, T0, "bus0", WATER);
    RawFrame unreadable = new RawFrame(new byte[] {0x01}, T0, "bus0", null);
    StoredBatch batch =
        store.storeBatch(
            List.of(volume(WATER, "1", T0), volume(HEAT, "2", T0)),
            List.of(waterFrame, unreadable));

    assertEquals(2, batch.rawFrames());
    List<Object> links =
        database.read(
            "links",
            c -> {
              List<Object> frames = new ArrayList<>();
              ResultSet row =
                  c.createStatement()
                      .executeQuery(
                          "SELECT CASE WHEN f.id IS NULL THEN NULL ELSE hex(f.bytes) END FROM readings r LEFT JOIN raw_frames f"
                              + " ON f.id = r.raw_frame_id ORDER BY r.outbox_seq");
              while (row.next()) {
                frames.add(row.getString(1));
              }
              return frames;
            });
    assertEquals(java.util.Arrays.asList("442D2C", null), links);
  }

  @Test
  void storeBatch_withoutReadings_storesFramesAndUsesNoNumber() {
    StoredBatch batch =
        store.storeBatch(List.of(), List.of(new RawFrame(new byte[] {1, 2}, T0, "bus0", null)));

    assertEquals(new StoredBatch(0, 0, 0, 1), batch);
    assertEquals(1, store.nextSeq());
  }

  @Test
  void readingFilter_withEmptyRange_isRefused() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ReadingFilter.all().between(T0, T0));
    assertEquals(
        "Time range from [2026-01-05T10:00:00Z] to [2026-01-05T10:00:00Z] is empty: from must"
            + " come before to.",
        refused.getMessage());
    assertNull(ReadingFilter.all().device());
  }

  private static List<Long> seqs(List<StoredReading> readings) {
    return readings.stream().map(StoredReading::seq).toList();
  }
}
