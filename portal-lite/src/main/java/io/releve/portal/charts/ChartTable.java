package io.releve.portal.charts;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of a {@link BarChart} as an HTML table: one row per period, one column per series
 * (compared, main, line), the unit in the caption. Screen readers get the figures from here, and
 * anyone can read them when a bar is too small to judge.
 */
final class ChartTable {

  private ChartTable() {}

  static Html render(BarChart chart, Messages m) {
    List<Series> columns = new ArrayList<>();
    chart.compared().ifPresent(columns::add);
    columns.add(chart.bars());
    chart.line().ifPresent(columns::add);
    List<Html> head = Html.list();
    for (Series series : columns) {
      head.add(Html.of("<th scope=\"col\" class=\"number\">{}</th>", series.label()));
    }
    List<Html> rows = Html.list();
    for (int i = 0; i < chart.periods().count(); i++) {
      List<Html> cells = Html.list();
      for (Series series : columns) {
        cells.add(cell(series.values().get(i), m));
      }
      rows.add(
          Html.of(
              "<tr><th scope=\"row\">{}</th>{}</tr>",
              PeriodLabels.full(chart.periods(), i, m),
              Html.join(cells)));
    }
    return Html.of(
        "<div class=\"table-wrap\"><table class=\"chart__table\" id=\"{}-table\">"
            + "<caption>{}</caption><thead><tr><th scope=\"col\">{}</th>{}</tr></thead>"
            + "<tbody>{}</tbody></table></div>",
        chart.id(),
        m.get("chart.table.caption", chart.title(), Notation.unit(chart.unit())),
        m.get("chart.table.period"),
        Html.join(head),
        Html.join(rows));
  }

  private static Html cell(BigDecimal value, Messages m) {
    if (value == null) {
      return Html.of("<td class=\"number chart__cell--unknown\">{}</td>", m.get("chart.unknown"));
    }
    return Html.of(
        "<td class=\"number\">{}</td>", Notation.number(value.toPlainString(), m.lang().locale()));
  }
}
