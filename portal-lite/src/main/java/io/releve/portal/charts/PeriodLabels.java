package io.releve.portal.charts;

import io.releve.portal.web.Messages;
import java.time.LocalDate;

/**
 * How periods are named in the reader's language: short forms under the bars ({@code janv.}, {@code
 * 28}), longer ones in the table ({@code janvier 2026}, {@code 28 nov. 2026}). The names are in the
 * {@code charts} bundle, so they do not depend on the JDK's locale data.
 */
final class PeriodLabels {

  private PeriodLabels() {}

  /** Under a bar: the short month, or the day of the month. */
  static String axis(Periods periods, int index, Messages m) {
    LocalDate start = periods.start(index);
    return periods.step() == Periods.Step.MONTH
        ? shortMonth(start, m)
        : Integer.toString(start.getDayOfMonth());
  }

  /**
   * The second line under a bar, or empty: the year under the first month and every January; the
   * short month and year under the first day and every 1st.
   */
  static String context(Periods periods, int index, Messages m) {
    LocalDate start = periods.start(index);
    if (periods.step() == Periods.Step.MONTH) {
      return index == 0 || start.getMonthValue() == 1 ? Integer.toString(start.getYear()) : "";
    }
    return index == 0 || start.getDayOfMonth() == 1
        ? shortMonth(start, m) + " " + start.getYear()
        : "";
  }

  /** In the table: the month and year, or the day, short month and year. */
  static String full(Periods periods, int index, Messages m) {
    LocalDate start = periods.start(index);
    return periods.step() == Periods.Step.MONTH
        ? m.get("chart.month.long." + start.getMonthValue()) + " " + start.getYear()
        : start.getDayOfMonth() + " " + shortMonth(start, m) + " " + start.getYear();
  }

  private static String shortMonth(LocalDate day, Messages m) {
    return m.get("chart.month.short." + day.getMonthValue());
  }
}
