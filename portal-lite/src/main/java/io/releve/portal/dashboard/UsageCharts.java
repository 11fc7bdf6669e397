package io.releve.portal.dashboard;

import io.releve.portal.charts.BarChart;
import io.releve.portal.charts.Periods;
import io.releve.portal.charts.Series;
import io.releve.portal.usage.DwellingUsage;
import io.releve.portal.usage.FluidUnit;
import io.releve.portal.usage.Points;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The charts of one fluid's tab, from the dwelling's use. Pure.
 *
 * <ul>
 *   <li>month by month: the 12 months up to today's, each beside the same month a year earlier,
 *       with the building median as a line;
 *   <li>day by day: the 30 days up to today;
 *   <li>this year against last year: January to December of both.
 * </ul>
 */
final class UsageCharts {

  /** Months of the month-by-month chart. */
  static final int MONTHS = 12;

  /** Days of the day-by-day chart. */
  static final int DAYS = 30;

  private UsageCharts() {}

  /**
   * @param id the section's id, a prefix of the charts' ids
   * @param title the fluid's name as the tab shows it
   * @param medians the building median per month, over the 12 months of the first chart
   */
  static List<BarChart> of(
      String id,
      String title,
      DwellingUsage usage,
      FluidUnit of,
      SortedMap<YearMonth, BigDecimal> medians,
      Messages m) {
    String unit = of.unit().code();
    YearMonth now = YearMonth.from(usage.today());
    YearMonth from = now.minusMonths(MONTHS - 1L);
    List<BigDecimal> mine = new ArrayList<>();
    List<BigDecimal> yearBefore = new ArrayList<>();
    List<BigDecimal> median = new ArrayList<>();
    for (Points.Monthly point : usage.months(of, from, now)) {
      mine.add(point.use());
      yearBefore.add(usage.month(of, point.month().minusYears(1)));
      median.add(medians.get(point.month()));
    }
    BarChart monthly =
        BarChart.of(
                id + "-monthly",
                m.get("dashboard.chart.monthly", title),
                unit,
                Periods.months(from, MONTHS),
                new Series(m.get("dashboard.chart.mine"), mine))
            .withCompared(new Series(m.get("dashboard.chart.year_before"), yearBefore))
            .withLine(new Series(m.get("dashboard.chart.median"), median));

    LocalDate firstDay = usage.today().minusDays(DAYS - 1L);
    List<BigDecimal> days = new ArrayList<>();
    for (LocalDate d = firstDay; !d.isAfter(usage.today()); d = d.plusDays(1)) {
      days.add(usage.use(of, d, d));
    }
    BarChart daily =
        BarChart.of(
            id + "-daily",
            m.get("dashboard.chart.daily", title),
            unit,
            Periods.days(firstDay, DAYS),
            new Series(m.get("dashboard.chart.mine"), days));

    int year = now.getYear();
    List<BigDecimal> thisYear = new ArrayList<>();
    List<BigDecimal> lastYear = new ArrayList<>();
    for (Points.YearOverYear point : usage.yearOverYear(of)) {
      thisYear.add(point.thisYear());
      lastYear.add(point.lastYear());
    }
    BarChart years =
        BarChart.of(
                id + "-years",
                m.get(
                    "dashboard.chart.years",
                    title,
                    Integer.toString(year),
                    Integer.toString(year - 1)),
                unit,
                Periods.months(YearMonth.of(year, 1), 12),
                new Series(Integer.toString(year), thisYear))
            .withCompared(new Series(Integer.toString(year - 1), lastYear));
    return List.of(monthly, daily, years);
  }
}
