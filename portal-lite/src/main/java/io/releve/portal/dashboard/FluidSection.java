package io.releve.portal.dashboard;

import io.releve.portal.charts.BarChart;
import io.releve.portal.charts.Charts;
import io.releve.portal.usage.DeviceLine;
import io.releve.portal.usage.DwellingUsage;
import io.releve.portal.usage.Figures;
import io.releve.portal.usage.FluidUnit;
import io.releve.portal.usage.UsageUnit;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * One fluid in one unit on the dashboard: the headline figures, the breakdown per meter and
 * radiator, and the charts. Pure: values in, {@link Html} out. Every element id starts with {@link
 * #id}, so that a tab showing heating in kWh and in units keeps them apart.
 */
final class FluidSection {

  private FluidSection() {}

  /** {@code cold-water-m3}, {@code heating-u}: the fluid and the unit, as an id. */
  static String id(FluidUnit of) {
    return (of.fluid().code() + "-" + of.unit().code()).replace('_', '-').toLowerCase(Locale.ROOT);
  }

  /**
   * @param title the fluid's name, with the unit when the tab shows the fluid in two units
   * @param medians the building median per month, over the 12 months up to today's
   */
  static Html render(
      String title,
      DwellingUsage usage,
      FluidUnit of,
      SortedMap<YearMonth, BigDecimal> medians,
      ZoneId zone,
      Messages m) {
    String id = id(of);
    Figures figures = usage.figures(of);
    YearMonth previous = YearMonth.from(usage.today()).minusMonths(1);
    List<Html> charts = Html.list();
    for (BarChart chart : UsageCharts.of(id, title, usage, of, medians, m)) {
      charts.add(Charts.figure(chart, m));
    }
    Html allocatorNote =
        of.unit() == UsageUnit.ALLOCATOR_UNITS
            ? Html.of("<p class=\"dashboard-note\">{}</p>", m.get("dashboard.allocator.note"))
            : Html.EMPTY;
    return Html.of(
        "<section class=\"card dashboard-figures\" id=\"{}\" aria-labelledby=\"{}-title\">"
            + "<h2 id=\"{}-title\">{}</h2><dl class=\"figure-list\">{}{}{}{}{}{}</dl>{}</section>"
            + "<section class=\"card\" id=\"{}-breakdown\"><h2>{}</h2>{}</section>"
            + "<section class=\"card dashboard-charts\" id=\"{}-charts\"><h2>{}</h2>{}</section>",
        id,
        id,
        id,
        title,
        figure(
            id + "-month",
            m.get("dashboard.figure.month"),
            Shown.amount(figures.currentMonth(), of.unit(), m)),
        figure(
            id + "-last-reading",
            m.get("dashboard.figure.last_reading"),
            figures.lastReadingAt() == null
                ? m.get("dashboard.figure.no_reading")
                : Shown.time(figures.lastReadingAt(), zone, m)),
        figure(
            id + "-previous",
            m.get("dashboard.figure.previous"),
            Shown.amount(figures.previousMonth(), of.unit(), m)),
        figure(
            id + "-year",
            m.get("dashboard.figure.year"),
            Shown.amount(figures.yearToDate(), of.unit(), m)),
        figure(
            id + "-average",
            m.get("dashboard.figure.average", figures.averageMonths()),
            Shown.amount(figures.monthlyAverage(), of.unit(), m)),
        figure(
            id + "-median",
            m.get("dashboard.figure.median"),
            Shown.amount(medians.get(previous), of.unit(), m)),
        allocatorNote,
        id,
        m.get("dashboard.breakdown"),
        breakdown(id, figures.devices(), m),
        id,
        m.get("dashboard.charts"),
        Html.join(charts));
  }

  private static Html figure(String id, String term, String value) {
    return Html.of("<div><dt>{}</dt><dd id=\"{}\">{}</dd></div>", term, id, value);
  }

  /**
   * The table of meters and radiators; a line that used exactly nothing this month (a closed
   * radiator) is marked so, an unknown use is not.
   */
  private static Html breakdown(String id, List<DeviceLine> lines, Messages m) {
    if (lines.isEmpty()) {
      return Html.of("<p>{}</p>", m.get("dashboard.breakdown.none"));
    }
    List<Html> rows = Html.list();
    for (DeviceLine line : lines) {
      boolean zero = line.monthUse() != null && line.monthUse().signum() == 0;
      String kind =
          m.has("export.medium." + line.medium())
              ? m.get("export.medium." + line.medium())
              : line.medium();
      rows.add(
          Html.of(
              "<tr{}><th scope=\"row\">{}{}</th><td>{}</td><td class=\"number\">{}</td>"
                  + "<td class=\"number\">{}{}</td></tr>",
              zero ? Html.of(" class=\"is-zero\"") : Html.EMPTY,
              line.room() == null ? kind : line.room(),
              line.installed()
                  ? Html.EMPTY
                  : Html.of(" <span class=\"tag\">{}</span>", m.get("dashboard.breakdown.removed")),
              line.printedSerial() == null ? line.device() : line.printedSerial(),
              Shown.amount(line.index(), line.unit(), m),
              Shown.amount(line.monthUse(), line.unit(), m),
              zero
                  ? Html.of(
                      " <span class=\"tag tag--zero\">{}</span>", m.get("dashboard.breakdown.zero"))
                  : Html.EMPTY));
    }
    return Html.of(
        "<div class=\"table-wrap\"><table class=\"breakdown\" id=\"{}-devices\"><thead><tr>"
            + "<th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
            + "<th scope=\"col\" class=\"number\">{}</th><th scope=\"col\" class=\"number\">{}</th>"
            + "</tr></thead><tbody>{}</tbody></table></div>",
        id,
        m.get("dashboard.breakdown.device"),
        m.get("dashboard.breakdown.serial"),
        m.get("dashboard.breakdown.index"),
        m.get("dashboard.breakdown.month"),
        Html.join(rows));
  }
}
