package io.releve.portal.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.releve.cloud.store.StoreSettings.Engine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A dwelling's figures and the building median read from the rollups, on both engines. */
@Timeout(120)
class UsageTest {

  private static final FluidUnit COLD = new FluidUnit(Fluid.COLD_WATER, UsageUnit.CUBIC_METRES);
  private static final FluidUnit UNITS = new FluidUnit(Fluid.HEATING, UsageUnit.ALLOCATOR_UNITS);

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void meterReplacedMidMonth_bothCountForTheMonth(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      long a01 = store.dwelling("A01");
      store.device(a01, "W-OLD", "water", "OLD-1", null, false);
      store.device(a01, "W-NEW", "water", "NEW-1", null, true);
      store.water("W-OLD", "2026-03-01T08:00", "100.000");
      store.water("W-OLD", "2026-03-02T08:00", "100.500");
      store.water("W-OLD", "2026-03-10T08:00", "103.000");
      store.water("W-NEW", "2026-03-10T12:00", "0.000");
      store.water("W-NEW", "2026-03-15T08:00", "2.000");
      store.rollups.runOnce();

      DwellingUsage usage = store.usage(a01, "2026-01-01", "2026-12-31", "2026-03-20");
      Figures figures = usage.figures(COLD);

      assertEquals(List.of(COLD), usage.fluids());
      // 0.500 + 2.500 (8 days) + 2.000 (5 days)
      assertEquals(new BigDecimal("5.000"), figures.currentMonth());
      assertEquals(store.local("2026-03-15T08:00"), figures.lastReadingAt());
      assertNull(figures.previousMonth());
      assertEquals(new BigDecimal("5.000"), figures.yearToDate());
      assertEquals(2, figures.devices().size());
      DeviceLine newer = figures.devices().get(0);
      DeviceLine older = figures.devices().get(1);
      assertEquals("NEW-1", newer.printedSerial());
      assertEquals(new BigDecimal("2.000"), newer.index());
      assertEquals(new BigDecimal("2.000"), newer.monthUse());
      assertEquals(true, newer.installed());
      assertEquals(new BigDecimal("103.000"), older.index());
      assertEquals(new BigDecimal("3.000"), older.monthUse());
      assertEquals(false, older.installed());
      // 2.500 over 3..10 March: 0.3125 a day; 2.000 over 11..15 March: 0.4 a day
      List<Points.Day> days = usage.days(COLD, YearMonth.of(2026, 3));
      assertNull(days.get(0).use());
      assertEquals(new BigDecimal("0.500"), days.get(1).use());
      assertEquals(new BigDecimal("0.312500"), days.get(2).use());
      assertEquals(new BigDecimal("0.312500"), days.get(9).use());
      assertEquals(new BigDecimal("0.400"), days.get(10).use());
      assertEquals(new BigDecimal("0.400"), days.get(14).use());
      assertNull(days.get(15).use());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void window_countsNothingBeforeMoveIn(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      long a01 = store.dwelling("A01");
      store.device(a01, "W1", "water", "S1", null, true);
      for (int day = 1; day <= 20; day++) {
        store.water("W1", String.format("2026-01-%02dT08:00", day), Integer.toString(100 + day));
      }
      store.rollups.runOnce();

      DwellingUsage usage = store.usage(a01, "2026-01-10", "2026-12-31", "2026-01-20");
      Figures figures = usage.figures(COLD);

      // 1 m3 a day from 10 to 20 January; the previous occupant's days are not there
      assertEquals(new BigDecimal("11"), figures.currentMonth());
      assertEquals(new BigDecimal("11"), figures.yearToDate());
      assertNull(usage.days(COLD, YearMonth.of(2026, 1)).get(8).use());
      assertEquals(BigDecimal.ONE, usage.days(COLD, YearMonth.of(2026, 1)).get(9).use());
      // a window ending on the 15th (moved out) stops there, its index too
      DwellingUsage left = store.usage(a01, "2026-01-10", "2026-01-15", "2026-01-20");
      assertEquals(new BigDecimal("6"), left.figures(COLD).currentMonth());
      assertEquals(new BigDecimal("115"), left.figures(COLD).devices().get(0).index());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void closedRadiator_showsZero_andOneNeverHeard_showsUnknown(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      long a01 = store.dwelling("A01");
      store.device(a01, "R1", Fluid.ALLOCATOR, "HCA-1", "Salon", true);
      store.device(a01, "R2", Fluid.ALLOCATOR, "HCA-2", "Chambre", true);
      store.device(a01, "R3", Fluid.ALLOCATOR, "HCA-3", "Cuisine", true);
      store.allocator("R1", "2026-10-31T10:00", "40");
      store.allocator("R1", "2026-11-01T10:00", "40");
      store.allocator("R1", "2026-11-02T10:00", "40");
      store.allocator("R3", "2026-11-05T10:00", "7"); // its first reading: no use yet
      store.rollups.runOnce();

      Figures figures = store.usage(a01, "2026-01-01", "2026-12-31", "2026-11-12").figures(UNITS);

      // ordered by room: Chambre, Cuisine, Salon
      List<DeviceLine> lines = figures.devices();
      assertEquals(
          List.of("Chambre", "Cuisine", "Salon"), lines.stream().map(DeviceLine::room).toList());
      assertNull(lines.get(0).monthUse());
      assertNull(lines.get(0).index());
      assertNull(lines.get(1).monthUse());
      assertEquals(new BigDecimal("7"), lines.get(1).index());
      assertEquals(BigDecimal.ZERO, lines.get(2).monthUse());
      assertEquals(new BigDecimal("40"), lines.get(2).index());
      assertEquals(UsageUnit.ALLOCATOR_UNITS, lines.get(2).unit());
      assertEquals(BigDecimal.ZERO, figures.currentMonth());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void buildingMedian_isTheMiddleDwelling_orTheMeanOfTheTwoMiddleOnes(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      // March: 3, 5 and 10 m3; April: 3, 5, 10 and 6 m3 (D4 starts in April)
      String[][] uses = {{"D1", "3", "3"}, {"D2", "5", "5"}, {"D3", "10", "10"}};
      for (String[] d : uses) {
        long id = store.dwelling(d[0]);
        store.device(id, "W" + d[0], "water", null, null, true);
        store.water("W" + d[0], "2026-02-28T08:00", "0");
        store.water("W" + d[0], "2026-03-31T08:00", d[1]);
        store.water("W" + d[0], "2026-04-30T08:00", Integer.toString(2 * Integer.parseInt(d[1])));
      }
      long d4 = store.dwelling("D4");
      store.device(d4, "WD4", "water", null, null, true);
      store.water("WD4", "2026-03-31T08:00", "1"); // first reading: no known use in March
      store.water("WD4", "2026-04-30T08:00", "7");
      // no data at all, and a hot water meter: neither counts
      long d5 = store.dwelling("D5");
      store.device(d5, "WD5", "water", null, null, true);
      store.device(d4, "HD4", "hot_water", null, null, true);
      store.reading("HD4", "hot_water", "volume", "2026-03-01T08:00", "0", "m3");
      store.reading("HD4", "hot_water", "volume", "2026-03-31T08:00", "100", "m3");
      store.rollups.runOnce();

      var medians =
          store.usage.buildingMedian(
              UsageStore.SITE.value(), COLD, YearMonth.of(2026, 1), YearMonth.of(2026, 4));

      Map<YearMonth, BigDecimal> expected = new TreeMap<>();
      expected.put(YearMonth.of(2026, 3), new BigDecimal("5"));
      expected.put(YearMonth.of(2026, 4), new BigDecimal("5.5"));
      assertEquals(expected, medians);
    }
  }

  @Test
  void buildingMedian_ofFewerThanThreeDwellings_isAbsent_soNoDwellingsOwnUseShows() {
    try (UsageStore store = new UsageStore(Engine.SQLITE, folder, UsageStore.PARIS)) {
      // March: D1 alone (4 m3); April: D1 and D2 (8 and 2 m3); May: D1, D2, D3 (1, 2, 9 m3)
      long d1 = store.dwelling("D1");
      long d2 = store.dwelling("D2");
      long d3 = store.dwelling("D3");
      store.device(d1, "WD1", "water", null, null, true);
      store.device(d2, "WD2", "water", null, null, true);
      store.device(d3, "WD3", "water", null, null, true);
      store.water("WD1", "2026-02-28T08:00", "0");
      store.water("WD1", "2026-03-31T08:00", "4");
      store.water("WD1", "2026-04-30T08:00", "12");
      store.water("WD1", "2026-05-31T08:00", "13");
      store.water("WD2", "2026-03-31T08:00", "0");
      store.water("WD2", "2026-04-30T08:00", "2");
      store.water("WD2", "2026-05-31T08:00", "4");
      store.water("WD3", "2026-04-30T08:00", "0");
      store.water("WD3", "2026-05-31T08:00", "9");
      store.rollups.runOnce();

      var medians =
          store.usage.buildingMedian(
              UsageStore.SITE.value(), COLD, YearMonth.of(2026, 3), YearMonth.of(2026, 5));

      assertEquals(Map.of(YearMonth.of(2026, 5), new BigDecimal("2")), medians);
    }
  }
}
