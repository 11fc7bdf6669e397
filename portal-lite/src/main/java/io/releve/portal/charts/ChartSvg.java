package io.releve.portal.charts;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SVG of a {@link BarChart}. The drawing is 360 × 200 user units (a phone's width, so its
 * 10-unit text stays readable there) and scales to the width of its container.
 *
 * <p>The plot is the box x 48 to 348, y 12 to 162: a value {@code v} on a scale topped at {@code
 * top} is a bar {@code v / top × 150} high standing on y 162. With one series a bar takes the
 * middle 70 % of its period's slot; with two, the compared bar takes 10–50 % and the main one 50–90
 * %. A zero is a 2-unit tick on the axis; an unknown value is a hatched band the whole height of
 * the plot, so it can be mistaken neither for zero nor for a value. A positive value too small to
 * see is drawn 1 unit high.
 */
final class ChartSvg {

  static final int WIDTH = 360;
  static final int HEIGHT = 200;
  static final BigDecimal LEFT = BigDecimal.valueOf(48);
  static final BigDecimal PLOT_WIDTH = BigDecimal.valueOf(300);
  static final BigDecimal TOP = BigDecimal.valueOf(12);
  static final BigDecimal PLOT_HEIGHT = BigDecimal.valueOf(150);
  static final BigDecimal BASE = TOP.add(PLOT_HEIGHT);
  static final int LABEL_Y = 176;
  static final int CONTEXT_Y = 190;

  /** Height of the tick that shows a zero. */
  private static final BigDecimal ZERO_TICK = BigDecimal.valueOf(2);

  /** Roughly the width of a short month label ({@code janv.}) and of a day number, in units. */
  private static final int MONTH_LABEL_WIDTH = 30;

  private static final int DAY_LABEL_WIDTH = 18;

  /** Room a second-line label ({@code 2026}, {@code nov. 2026}) needs before the next one. */
  private static final int CONTEXT_WIDTH = 44;

  private static final int SCALE = 6;

  private ChartSvg() {}

  static Html render(BarChart chart, Messages m) {
    NiceScale scale = NiceScale.of(max(chart));
    String id = chart.id();
    Html desc =
        m.html(
            "chart.desc",
            chart.periods().count(),
            PeriodLabels.full(chart.periods(), 0, m),
            PeriodLabels.full(chart.periods(), chart.periods().count() - 1, m),
            Notation.unit(chart.unit()),
            unknownCount(chart));
    return Html.of(
        "<svg class=\"chart__svg\" viewBox=\"0 0 {} {}\" width=\"100%\" font-size=\"10\""
            + " role=\"img\" aria-labelledby=\"{}-title {}-desc\" focusable=\"false\">"
            + "<title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>"
            + "<defs><pattern id=\"{}-hatch\" width=\"6\" height=\"6\""
            + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line class=\"chart__hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\""
            + " stroke=\"#8a939c\" stroke-width=\"2\"/></pattern></defs>"
            + "{}{}{}{}{}</svg>",
        WIDTH,
        HEIGHT,
        id,
        id,
        id,
        chart.title(),
        id,
        desc,
        id,
        grid(chart, scale, m),
        bars(chart, scale, m),
        Html.of(
            "<line class=\"chart__axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            fmt(LEFT),
            fmt(BASE),
            fmt(LEFT.add(PLOT_WIDTH)),
            fmt(BASE)),
        labels(chart, m),
        chart.line().map(line -> line(chart, line, scale, m)).orElse(Html.EMPTY));
  }

  /** The highest known value of every series: what the scale must reach. */
  static BigDecimal max(BarChart chart) {
    BigDecimal max = BigDecimal.ZERO;
    List<Series> all = new ArrayList<>(List.of(chart.bars()));
    chart.compared().ifPresent(all::add);
    chart.line().ifPresent(all::add);
    for (Series series : all) {
      for (BigDecimal value : series.values()) {
        if (value != null && value.compareTo(max) > 0) {
          max = value;
        }
      }
    }
    return max;
  }

  private static long unknownCount(BarChart chart) {
    return chart.bars().values().stream().filter(Objects::isNull).count();
  }

  private static Html grid(BarChart chart, NiceScale scale, Messages m) {
    List<Html> parts = Html.list();
    for (BigDecimal tick : scale.ticks()) {
      BigDecimal y = BASE.subtract(height(tick, scale));
      if (tick.signum() > 0) {
        parts.add(
            Html.of(
                "<line class=\"chart__grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                fmt(LEFT),
                fmt(y),
                fmt(LEFT.add(PLOT_WIDTH)),
                fmt(y)));
      }
      parts.add(
          Html.of(
              "<text class=\"chart__tick\" x=\"44\" y=\"{}\" text-anchor=\"end\">{}</text>",
              fmt(y.add(BigDecimal.valueOf(3))),
              Notation.number(tick.toPlainString(), m.lang().locale())));
    }
    parts.add(
        Html.of(
            "<text class=\"chart__unit\" x=\"0\" y=\"8\">{}</text>", Notation.unit(chart.unit())));
    return Html.join(parts);
  }

  private static Html bars(BarChart chart, NiceScale scale, Messages m) {
    BigDecimal slot = slot(chart);
    boolean two = chart.compared().isPresent();
    BigDecimal width = slot.multiply(two ? new BigDecimal("0.4") : new BigDecimal("0.7"));
    List<Html> parts = Html.list();
    for (int i = 0; i < chart.periods().count(); i++) {
      BigDecimal slotX = LEFT.add(slot.multiply(BigDecimal.valueOf(i)));
      String period = PeriodLabels.full(chart.periods(), i, m);
      if (two) {
        Series compared = chart.compared().get();
        parts.add(
            bar(
                chart,
                compared,
                i,
                "chart__bar chart__bar--compared",
                slotX.add(slot.multiply(new BigDecimal("0.1"))),
                width,
                scale,
                period,
                m));
        parts.add(
            bar(
                chart,
                chart.bars(),
                i,
                "chart__bar",
                slotX.add(slot.multiply(new BigDecimal("0.5"))),
                width,
                scale,
                period,
                m));
      } else {
        parts.add(
            bar(
                chart,
                chart.bars(),
                i,
                "chart__bar",
                slotX.add(slot.multiply(new BigDecimal("0.15"))),
                width,
                scale,
                period,
                m));
      }
    }
    return Html.join(parts);
  }

  private static Html bar(
      BarChart chart,
      Series series,
      int index,
      String cssClass,
      BigDecimal x,
      BigDecimal width,
      NiceScale scale,
      String period,
      Messages m) {
    BigDecimal value = series.values().get(index);
    String tip = m.get("chart.tip", series.label(), period, valueText(value, chart.unit(), m));
    if (value == null) {
      return Html.of(
          "<rect class=\"chart__unknown\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\""
              + " fill=\"url(#{}-hatch)\"><title>{}</title></rect>",
          fmt(x),
          fmt(TOP),
          fmt(width),
          fmt(PLOT_HEIGHT),
          chart.id(),
          tip);
    }
    if (value.signum() == 0) {
      return Html.of(
          "<rect class=\"chart__zero\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
              + "<title>{}</title></rect>",
          fmt(x),
          fmt(BASE.subtract(ZERO_TICK)),
          fmt(width),
          fmt(ZERO_TICK),
          tip);
    }
    BigDecimal height = height(value, scale).max(BigDecimal.ONE);
    return Html.of(
        "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
        cssClass,
        fmt(x),
        fmt(BASE.subtract(height)),
        fmt(width),
        fmt(height),
        tip);
  }

  /** The period labels, thinned out so that they never overlap, and the year line. */
  private static Html labels(BarChart chart, Messages m) {
    Periods periods = chart.periods();
    BigDecimal slot = slot(chart);
    int every = labelEvery(periods);
    List<Html> parts = Html.list();
    int firstOtherContext = -1;
    for (int i = 1; i < periods.count() && firstOtherContext < 0; i++) {
      if (!PeriodLabels.context(periods, i, m).isEmpty()) {
        firstOtherContext = i;
      }
    }
    for (int i = 0; i < periods.count(); i++) {
      String x = fmt(center(slot, i));
      if (i % every == 0) {
        parts.add(
            Html.of(
                "<text class=\"chart__label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                x,
                LABEL_Y,
                PeriodLabels.axis(periods, i, m)));
      }
      String context = PeriodLabels.context(periods, i, m);
      boolean crowded =
          i == 0
              && firstOtherContext > 0
              && slot.multiply(BigDecimal.valueOf(firstOtherContext))
                      .compareTo(BigDecimal.valueOf(CONTEXT_WIDTH))
                  < 0;
      if (!context.isEmpty() && !crowded) {
        parts.add(
            Html.of(
                "<text class=\"chart__context\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                x,
                CONTEXT_Y,
                context));
      }
    }
    return Html.join(parts);
  }

  /** Label one period in so many: as few as needed for labels not to touch. */
  static int labelEvery(Periods periods) {
    int labelWidth = periods.step() == Periods.Step.MONTH ? MONTH_LABEL_WIDTH : DAY_LABEL_WIDTH;
    int needed = periods.count() * labelWidth;
    return Math.max(1, (needed + PLOT_WIDTH.intValue() - 1) / PLOT_WIDTH.intValue());
  }

  /** The line over the bars, broken where a value is unknown, with a dot at each known value. */
  private static Html line(BarChart chart, Series line, NiceScale scale, Messages m) {
    BigDecimal slot = slot(chart);
    StringBuilder path = new StringBuilder();
    List<Html> dots = Html.list();
    boolean drawing = false;
    for (int i = 0; i < chart.periods().count(); i++) {
      BigDecimal value = line.values().get(i);
      if (value == null) {
        drawing = false;
        continue;
      }
      String x = fmt(center(slot, i));
      String y = fmt(BASE.subtract(height(value, scale)));
      path.append(path.length() == 0 ? "" : " ").append(drawing ? "L" : "M");
      path.append(x).append(' ').append(y);
      drawing = true;
      dots.add(
          Html.of(
              "<circle class=\"chart__point\" cx=\"{}\" cy=\"{}\" r=\"2.5\"><title>{}</title>"
                  + "</circle>",
              x,
              y,
              m.get(
                  "chart.tip",
                  line.label(),
                  PeriodLabels.full(chart.periods(), i, m),
                  valueText(value, chart.unit(), m))));
    }
    if (path.length() == 0) {
      return Html.EMPTY;
    }
    return Html.of(
        "<path class=\"chart__line\" d=\"{}\" fill=\"none\"/>{}", path.toString(), Html.join(dots));
  }

  /** A value with its unit in the reader's notation, or the word for unknown. */
  static String valueText(BigDecimal value, String unit, Messages m) {
    if (value == null) {
      return m.get("chart.unknown");
    }
    return Notation.number(value.toPlainString(), m.lang().locale()) + " " + Notation.unit(unit);
  }

  private static BigDecimal slot(BarChart chart) {
    return PLOT_WIDTH.divide(
        BigDecimal.valueOf(chart.periods().count()), SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal center(BigDecimal slot, int index) {
    return LEFT.add(slot.multiply(BigDecimal.valueOf(index)))
        .add(slot.divide(BigDecimal.valueOf(2), SCALE, RoundingMode.HALF_UP));
  }

  /** The height of {@code value} on the scale, rounded to the hundredth of a unit. */
  private static BigDecimal height(BigDecimal value, NiceScale scale) {
    return value.multiply(PLOT_HEIGHT).divide(scale.top(), 2, RoundingMode.HALF_UP);
  }

  /** A coordinate: at most two decimals, no trailing zeros, never an exponent. */
  static String fmt(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
