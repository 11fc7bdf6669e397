package io.releve.portal.charts;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import java.util.List;

/**
 * Draws {@link BarChart}s into pages. {@link #figure} is what a page usually wants: the SVG, its
 * legend, and its numbers as a table behind a "show as table" disclosure; {@link #svg}, {@link
 * #legend} and {@link #table} are the same pieces one by one.
 *
 * <p>Every text (title, series labels) is escaped. The output holds no script, no {@code style}
 * attribute or element and no event attribute, so it passes the portal's Content-Security-Policy;
 * colours come from the {@code chart__*} classes of {@code portal.css}.
 */
public final class Charts {

  private Charts() {}

  /**
   * The chart as a {@code <figure class="chart">}: SVG, legend, and the table in a {@code
   * <details>} whose summary reads "Afficher en tableau" / "Show as a table".
   */
  public static Html figure(BarChart chart, Messages m) {
    return Html.of(
        "<figure class=\"chart\" id=\"{}\">{}{}<details class=\"chart__details\">"
            + "<summary>{}</summary>{}</details></figure>",
        chart.id(),
        svg(chart, m),
        legend(chart, m),
        m.get("chart.table.show"),
        table(chart, m));
  }

  /** The SVG alone (role {@code img}, with a {@code <title>} and a {@code <desc>}). */
  public static Html svg(BarChart chart, Messages m) {
    return ChartSvg.render(chart, m);
  }

  /** The numbers as a table, the unit in its caption; unknown values read "inconnu". */
  public static Html table(BarChart chart, Messages m) {
    return ChartTable.render(chart, m);
  }

  /**
   * The legend: a key per series, and keys for "zero" and "unknown" (the latter only when a bar is
   * unknown).
   */
  public static Html legend(BarChart chart, Messages m) {
    List<Html> keys = Html.list();
    chart.compared().ifPresent(series -> keys.add(key("compared", series.label())));
    keys.add(key("bars", chart.bars().label()));
    chart.line().ifPresent(series -> keys.add(key("line", series.label())));
    keys.add(key("zero", m.get("chart.legend.zero")));
    if (chart.hasUnknownBars()) {
      keys.add(key("unknown", m.get("chart.legend.unknown")));
    }
    return Html.of("<ul class=\"chart__legend\">{}</ul>", Html.join(keys));
  }

  private static Html key(String kind, String label) {
    return Html.of(
        "<li><span class=\"chart__key chart__key--{}\" aria-hidden=\"true\"></span>{}</li>",
        kind,
        label);
  }
}
