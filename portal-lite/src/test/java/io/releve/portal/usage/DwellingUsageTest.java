package io.releve.portal.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of a dwelling's figures, without a store; every value by hand. */
class DwellingUsageTest {

  private static final FluidUnit COLD = new FluidUnit(Fluid.COLD_WATER, UsageUnit.CUBIC_METRES);
  private static final List<RegisteredDevice> ONE_METER =
      List.of(new RegisteredDevice("W1", "S1", null, "water", true));

  private static DeviceDay row(String day, String used, int span) {
    return new DeviceDay(
        "W1",
        LocalDate.parse(day),
        UsageUnit.CUBIC_METRES,
        new BigDecimal("100"),
        Instant.parse(day + "T10:00:00Z"),
        new BigDecimal(used),
        span,
        null);
  }

  private static DwellingUsage usage(String first, String today, List<DeviceDay> days) {
    return new DwellingUsage(
        1,
        "LY003",
        LocalDate.parse(first),
        LocalDate.parse(today),
        LocalDate.parse(today),
        ONE_METER,
        days);
  }

  @Test
  void gap_isSpreadEvenly_neverBeforeItsMonth_andAddsUpExactly() {
    // 5 days ending 3 March: 27 and 28 February are counted on 1 to 3 March
    DwellingUsage usage = usage("2026-01-01", "2026-03-10", List.of(row("2026-03-03", "1.0", 5)));

    List<Points.Day> march = usage.days(COLD, YearMonth.of(2026, 3));

    assertEquals(new BigDecimal("0.3333"), march.get(0).use());
    assertEquals(new BigDecimal("0.3333"), march.get(1).use());
    assertEquals(new BigDecimal("0.3334"), march.get(2).use());
    assertNull(march.get(3).use());
    assertEquals(new BigDecimal("1.0"), usage.month(COLD, YearMonth.of(2026, 3)));
    assertNull(usage.month(COLD, YearMonth.of(2026, 2)));
    // moved in on 2 March: only the shares of 2 and 3 March
    DwellingUsage later = usage("2026-03-02", "2026-03-10", List.of(row("2026-03-03", "1.0", 5)));
    assertEquals(new BigDecimal("0.6667"), later.figures(COLD).currentMonth());
  }

  @Test
  void average_countsOnlyCompleteMonthsInsideTheWindowWithAKnownUse() {
    // today 12 November 2026, moved in 15 February: February is partial, July unknown
    List<DeviceDay> days = new ArrayList<>();
    days.add(row("2026-02-20", "4", 1));
    int[] months = {3, 4, 5, 6, 8, 9, 10};
    for (int m : months) {
      days.add(row(String.format("2026-%02d-15", m), Integer.toString(m), 1));
    }
    days.add(row("2026-11-02", "2.5", 1));
    DwellingUsage usage = usage("2026-02-15", "2026-11-12", days);

    Figures figures = usage.figures(COLD);

    // (3 + 4 + 5 + 6 + 8 + 9 + 10) / 7 = 6.428571…
    assertEquals(7, figures.averageMonths());
    assertEquals(new BigDecimal("6.429"), figures.monthlyAverage());
    assertEquals(new BigDecimal("10.0"), figures.previousMonth());
    assertEquals(new BigDecimal("2.5"), figures.currentMonth());
    // 4 + 45 + 2.5
    assertEquals(new BigDecimal("51.5"), figures.yearToDate());
    assertEquals(Instant.parse("2026-11-02T10:00:00Z"), figures.lastReadingAt());
  }

  @Test
  void yearOverYear_andTwentyFourMonths_putEachMonthInItsPlace() {
    List<DeviceDay> days =
        List.of(row("2025-03-10", "7", 1), row("2026-03-10", "5", 1), row("2024-12-10", "9", 1));
    DwellingUsage usage = usage("2024-01-01", "2026-11-12", days);

    List<Points.YearOverYear> years = usage.yearOverYear(COLD);
    List<Points.Monthly> months = usage.last24Months(COLD);

    assertEquals(12, years.size());
    assertEquals(
        new Points.YearOverYear(Month.MARCH, new BigDecimal("5"), new BigDecimal("7")),
        years.get(2));
    assertEquals(new Points.YearOverYear(Month.APRIL, null, null), years.get(3));
    assertEquals(24, months.size());
    assertEquals(new Points.Monthly(YearMonth.of(2024, 12), new BigDecimal("9")), months.get(0));
    assertEquals(new Points.Monthly(YearMonth.of(2026, 11), null), months.get(23));
  }

  @Test
  void median_ofAnOddCount_isTheMiddle_ofAnEvenCount_theMeanOfTheTwoMiddleOnes() {
    assertEquals(
        new BigDecimal("5"),
        Median.of(List.of(new BigDecimal("10"), new BigDecimal("3"), new BigDecimal("5"))));
    assertEquals(
        new BigDecimal("5.5"),
        Median.of(
            List.of(
                new BigDecimal("10"),
                new BigDecimal("3"),
                new BigDecimal("6"),
                new BigDecimal("5"))));
    assertNull(Median.of(List.of()));
  }

  @Test
  void fluids_mapTheGatewaysMedia_andUnitsConvertExactly() {
    assertEquals(Fluid.COLD_WATER, Fluid.ofMedium("water").orElseThrow());
    assertEquals(Fluid.HOT_WATER, Fluid.ofMedium("warm_water").orElseThrow());
    assertEquals(Fluid.HEATING, Fluid.ofMedium("heat_inlet").orElseThrow());
    assertEquals(true, Fluid.ofMedium("electricity").isEmpty());
    assertEquals(
        new BigDecimal("0.250"),
        UsageUnit.convert("volume", "l", new BigDecimal("250")).orElseThrow().value());
    assertEquals(
        new BigDecimal("2500"),
        UsageUnit.convert("energy", "MWh", new BigDecimal("2.5")).orElseThrow().value());
    assertEquals(
        UsageUnit.ALLOCATOR_UNITS,
        UsageUnit.convert("heat_cost_allocation", "HCA", BigDecimal.TEN).orElseThrow().unit());
    assertEquals(true, UsageUnit.convert("energy", "GJ", BigDecimal.ONE).isEmpty());
  }
}
