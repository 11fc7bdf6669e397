package io.releve.portal.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** device_days and device_months kept from the readings, on both engines; values by hand. */
@Timeout(120)
class RollupsTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void days_followTheSiteZone_atMonthEndsAndTheMarchClockChange(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      store.water("W1", "2026-01-30T12:00", "10.000");
      // 22:30 UTC on 31 January, and 23:30 UTC on 31 January: two local days apart
      store.water("W1", "2026-01-31T23:30", "10.500");
      store.water("W1", "2026-02-01T00:30", "10.700");
      store.water("W1", "2026-02-02T08:00", "11.000");
      // 29 March 2026: 02:00 becomes 03:00; 00:10 on the 30th is still the 29th in UTC
      store.water("W1", "2026-03-28T23:59", "20.000");
      store.water("W1", "2026-03-29T01:30", "20.100");
      store.water("W1", "2026-03-29T23:30", "20.400");
      store.water("W1", "2026-03-30T00:10", "20.500");

      Rollups.Run run = store.rollups.runOnce();

      assertEquals(8, run.readings());
      assertEquals(
          List.of(
              "2026-01-30 null null null 10.000 m3",
              "2026-01-31 0.500 1 null 10.500 m3",
              "2026-02-01 0.200 1 null 10.700 m3",
              "2026-02-02 0.300 1 null 11.000 m3",
              "2026-03-28 9.000 54 null 20.000 m3",
              "2026-03-29 0.400 1 null 20.400 m3",
              "2026-03-30 0.100 1 null 20.500 m3"),
          store.days("W1"));
      assertEquals(
          List.of("2026-01 0.500 1 m3", "2026-02 0.500 2 m3", "2026-03 9.500 3 m3"),
          store.months("W1"));
      // nothing new: a second run writes nothing
      Rollups.Run again = store.rollups.runOnce();
      assertEquals(0, again.days());
      assertEquals(0, again.months());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anotherZone_movesAReadingToTheDayBefore(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, ZoneId.of("America/New_York"))) {
      store.readings(
          List.of(
              new UsageStore.Row(
                  "W1", "water", "volume", Instant.parse("2026-01-30T17:00:00Z"), "1", "m3"),
              // 21:00 on 31 January in New York, 1 February in Paris
              new UsageStore.Row(
                  "W1", "water", "volume", Instant.parse("2026-02-01T02:00:00Z"), "2", "m3")));

      store.rollups.runOnce();

      assertEquals(
          List.of("2026-01-30 null null null 1 m3", "2026-01-31 1 1 null 2 m3"), store.days("W1"));
      assertEquals(List.of("2026-01 1 1 m3"), store.months("W1"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void indexGoingDown_isAnAllocatorResetOrAMeterGoingBackwards_neverNegative(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      store.allocator("A1", "2026-05-30T10:00", "120");
      store.allocator("A1", "2026-05-31T10:00", "125");
      store.allocator("A1", "2026-06-01T10:00", "3");
      store.allocator("A1", "2026-06-02T10:00", "3");
      store.water("W1", "2026-04-01T08:00", "50.000");
      store.water("W1", "2026-04-02T08:00", "49.000");
      store.water("W1", "2026-04-03T08:00", "49.200");

      store.rollups.runOnce();

      assertEquals(
          List.of(
              "2026-05-30 null null null 120 U",
              "2026-05-31 5 1 null 125 U",
              "2026-06-01 3 1 reset 3 U",
              "2026-06-02 0 1 null 3 U"),
          store.days("A1"));
      assertEquals(List.of("2026-05 5 1 U", "2026-06 3 2 U"), store.months("A1"));
      assertEquals(
          List.of(
              "2026-04-01 null null null 50.000 m3",
              "2026-04-02 0 1 backwards 49.000 m3",
              "2026-04-03 0.200 1 null 49.200 m3"),
          store.days("W1"));
      assertEquals(List.of("2026-04 0.200 2 m3"), store.months("W1"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void lateAndBackDatedReadings_recomputeTheirDaysTheNextKnownDayAndTheirMonths(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      store.water("W1", "2026-06-01T08:00", "10");
      store.water("W1", "2026-06-03T08:00", "12");
      store.rollups.runOnce();
      assertEquals(
          List.of("2026-06-01 null null null 10 m3", "2026-06-03 2 2 null 12 m3"),
          store.days("W1"));

      // the gap filled after the rollup
      store.storedAt = 500_000;
      store.water("W1", "2026-06-02T08:00", "11");
      store.rollups.runOnce();
      assertEquals(
          List.of(
              "2026-06-01 null null null 10 m3",
              "2026-06-02 1 1 null 11 m3",
              "2026-06-03 1 1 null 12 m3"),
          store.days("W1"));
      assertEquals(List.of("2026-06 2 2 m3"), store.months("W1"));

      // a later index of 1 June, and a reading of May: the next known days follow
      store.storedAt = 900_000;
      store.water("W1", "2026-06-01T20:00", "10.4");
      store.water("W1", "2026-05-28T09:00", "9");
      Rollups.Run run = store.rollups.runOnce();
      assertEquals(
          List.of(
              "2026-05-28 null null null 9 m3",
              "2026-06-01 1.4 4 null 10.4 m3",
              "2026-06-02 0.6 1 null 11 m3",
              "2026-06-03 1 1 null 12 m3"),
          store.days("W1"));
      assertEquals(List.of("2026-05 0 0 m3", "2026-06 3.0 3 m3"), store.months("W1"));
      assertEquals(900_000, run.mark());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void onlyIndexReadings_inShownUnits_areRolledUp(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      // a heat meter: its energy is the index, in Wh converted to kWh; its volume is not
      store.reading("H1", "heat", "energy", "2026-02-01T08:00", "1500000", "Wh");
      store.reading("H1", "heat", "volume", "2026-02-01T08:00", "3.5", "m3");
      store.reading("H1", "heat", "energy", "2026-02-02T08:00", "1.6", "MWh");
      // litres to m3; an energy in GJ is not shown
      store.reading("W1", "hot_water", "volume", "2026-02-01T08:00", "12345", "l");
      store.reading("W1", "hot_water", "volume", "2026-02-02T08:00", "12.5", "m3");
      store.reading("H2", "heat", "energy", "2026-02-02T08:00", "7", "GJ");

      store.rollups.runOnce();

      assertEquals(
          List.of("2026-02-01 null null null 1500.000 kWh", "2026-02-02 100.000 1 null 1600 kWh"),
          store.days("H1"));
      assertEquals(
          List.of("2026-02-01 null null null 12.345 m3", "2026-02-02 0.155 1 null 12.5 m3"),
          store.days("W1"));
      assertEquals(List.of(), store.days("H2"));
    }
  }

  @Test
  void theReadingsSinceTheMark_areFoundThroughTheStoredAtIndex_notByReadingTheWholeTable() {
    try (UsageStore store = new UsageStore(Engine.SQLITE, folder, UsageStore.PARIS)) {
      String plan =
          store.database.read(
              "plan",
              c -> {
                StringBuilder details = new StringBuilder();
                try (PreparedStatement explain =
                    c.prepareStatement("EXPLAIN QUERY PLAN " + Rollups.TOUCHED_READINGS)) {
                  explain.setLong(1, 0);
                  try (ResultSet row = explain.executeQuery()) {
                    while (row.next()) {
                      details.append(row.getString("detail")).append('\n');
                    }
                  }
                }
                return details.toString();
              });

      assertTrue(plan.contains("USING INDEX readings_by_stored_at (stored_at>?)"), plan);
    }
  }
}
