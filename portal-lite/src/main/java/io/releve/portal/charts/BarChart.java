package io.releve.portal.charts;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a bar chart shows: bars per period, optionally a second series side by side (last year) and
 * a line over them (the building median). Build it with {@link #of} and the {@code with…} methods;
 * draw it with {@link Charts}.
 *
 * @param id unique in the page, lower-case letters, digits and dashes: the SVG's element ids
 *     (title, description, hatch pattern) and the table's are made from it
 * @param title what the chart is about, such as {@code Eau froide, mois par mois}
 * @param unit the unit code of every value ({@code m3}, {@code kWh}, {@code U}); printed through
 *     {@link io.releve.portal.web.Notation#unit}
 * @param periods the horizontal axis
 * @param bars the main series, drawn in the main colour
 * @param compared a series drawn beside each bar, before it, in a lighter colour
 * @param line a series drawn as a line over the bars
 */
public record BarChart(
    String id,
    String title,
    String unit,
    Periods periods,
    Series bars,
    Optional<Series> compared,
    Optional<Series> line) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  /**
   * @throws IllegalArgumentException when the id is not a plain id or a series has not one value
   *     per period
   */
  public BarChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Chart id [" + id + "] must be lower-case letters, digits and dashes, a letter first");
    }
    check(bars, periods);
    compared.ifPresent(series -> check(series, periods));
    line.ifPresent(series -> check(series, periods));
  }

  /** Bars alone. */
  public static BarChart of(String id, String title, String unit, Periods periods, Series bars) {
    return new BarChart(id, title, unit, periods, bars, Optional.empty(), Optional.empty());
  }

  /** This chart with {@code series} beside each bar (such as last year's). */
  public BarChart withCompared(Series series) {
    return new BarChart(id, title, unit, periods, bars, Optional.of(series), line);
  }

  /** This chart with {@code series} as a line over the bars (such as the building median). */
  public BarChart withLine(Series series) {
    return new BarChart(id, title, unit, periods, bars, compared, Optional.of(series));
  }

  /** Whether any bar (of either series) is unknown. */
  boolean hasUnknownBars() {
    return bars.hasUnknown() || compared.map(Series::hasUnknown).orElse(false);
  }

  private static void check(Series series, Periods periods) {
    if (series.values().size() != periods.count()) {
      throw new IllegalArgumentException(
          "Series ["
              + series.label()
              + "] has "
              + series.values().size()
              + " values for "
              + periods.count()
              + " periods");
    }
  }
}
