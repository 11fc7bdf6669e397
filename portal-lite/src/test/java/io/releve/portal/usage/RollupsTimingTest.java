package io.releve.portal.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How long the rollups of about a million daily readings take, and one dwelling's figures after:
 * 230 dwellings × 6 devices × 2 years. Minutes of work, so only with {@code -Dreleve.timing=true};
 * the times go to standard output.
 */
@EnabledIfSystemProperty(named = "releve.timing", matches = "true")
@Timeout(1800)
class RollupsTimingTest {

  private static final int DWELLINGS = 230;
  private static final int DAYS = 730;
  private static final String[][] DEVICES = {
    {"water", "volume", "m3"},
    {"hot_water", "volume", "m3"},
    {Fluid.ALLOCATOR, "heat_cost_allocation", "HCA"},
    {Fluid.ALLOCATOR, "heat_cost_allocation", "HCA"},
    {Fluid.ALLOCATOR, "heat_cost_allocation", "HCA"},
    {Fluid.ALLOCATOR, "heat_cost_allocation", "HCA"}
  };

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aMillionReadings_rollUp_andADwellingsFiguresReadFast(Engine engine) {
    try (UsageStore store = new UsageStore(engine, folder, UsageStore.PARIS)) {
      LocalDate start = LocalDate.of(2024, 11, 13);
      long firstDwelling = -1;
      long readings = 0;
      for (int d = 0; d < DWELLINGS; d++) {
        long dwelling = store.dwelling(String.format("D%04d", d));
        if (firstDwelling < 0) {
          firstDwelling = dwelling;
        }
        List<UsageStore.Row> rows = new ArrayList<>();
        for (int k = 0; k < DEVICES.length; k++) {
          String key = String.format("DEV-%04d-%d", d, k);
          store.device(dwelling, key, DEVICES[k][0], key, null, true);
          for (int day = 0; day < DAYS; day++) {
            Instant at = start.plusDays(day).atTime(6, k).atZone(UsageStore.PARIS).toInstant();
            String value =
                DEVICES[k][2].equals("m3")
                    ? String.format("%d.%03d", 10 + day / 10, (day * 37 + d) % 1000)
                    : Integer.toString(day % 365 + k);
            rows.add(
                new UsageStore.Row(key, DEVICES[k][0], DEVICES[k][1], at, value, DEVICES[k][2]));
          }
        }
        store.readings(rows);
        readings += rows.size();
      }

      long t0 = System.nanoTime();
      Rollups.Run run = store.rollups.runOnce();
      long rollupMs = (System.nanoTime() - t0) / 1_000_000;

      // the last of a few dwellings' reads, once the code is warm
      DwellingUsage usage = null;
      long readMs = 0;
      for (int i = 0; i < 5; i++) {
        long t1 = System.nanoTime();
        usage = store.usage(firstDwelling + i, "2024-01-01", "2026-11-12", "2026-11-12");
        List<Object> all = new ArrayList<>();
        for (FluidUnit of : usage.fluids()) {
          all.add(usage.figures(of));
          all.add(usage.days(of, YearMonth.of(2026, 11)));
          all.add(usage.last24Months(of));
          all.add(usage.yearOverYear(of));
        }
        readMs = (System.nanoTime() - t1) / 1_000_000;
      }
      long t2 = System.nanoTime();
      var median =
          store.usage.buildingMedian(
              UsageStore.SITE.value(),
              new FluidUnit(Fluid.HEATING, UsageUnit.ALLOCATOR_UNITS),
              YearMonth.of(2024, 12),
              YearMonth.of(2026, 11));
      long medianMs = (System.nanoTime() - t2) / 1_000_000;
      long t3 = System.nanoTime();
      store.usage.buildingMedian(
          UsageStore.SITE.value(),
          new FluidUnit(Fluid.HEATING, UsageUnit.ALLOCATOR_UNITS),
          YearMonth.of(2024, 12),
          YearMonth.of(2026, 11));
      long cachedMs = (System.nanoTime() - t3) / 1_000_000;

      System.out.printf(
          "TIMING %s: %d readings rolled up in %d ms (%d devices, %d day rows, %d month rows);"
              + " one dwelling's figures and series in %d ms; building median over 24 months in"
              + " %d ms, cached %d ms%n",
          engine,
          readings,
          rollupMs,
          run.devices(),
          run.days(),
          run.months(),
          readMs,
          medianMs,
          cachedMs);
      assertEquals(readings, run.readings());
      assertEquals(DWELLINGS * DEVICES.length * DAYS, run.days());
      assertEquals(3, usage.fluids().size());
      assertNotNull(median.get(YearMonth.of(2026, 10)));
    }
  }
}
