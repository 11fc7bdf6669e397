package io.releve.portal.charts;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The consecutive periods along a chart's horizontal axis: {@code count} months or days from {@code
 * first}.
 *
 * @param step months or days
 * @param first the first day of the first period (the 1st of the month for months)
 * @param count how many periods, 1 to {@link #MAX_MONTHS} months or {@link #MAX_DAYS} days
 */
public record Periods(Step step, LocalDate first, int count) {

  /** Two years month by month, plus a year of room for "this year against last year" layouts. */
  public static final int MAX_MONTHS = 36;

  /** Two months day by day. */
  public static final int MAX_DAYS = 62;

  /** What one period is. */
  public enum Step {
    MONTH,
    DAY
  }

  /**
   * @throws IllegalArgumentException when the count is out of range or a month does not start on
   *     its 1st
   */
  public Periods {
    int max = step == Step.MONTH ? MAX_MONTHS : MAX_DAYS;
    if (count < 1 || count > max) {
      throw new IllegalArgumentException(
          "A chart has 1 to " + max + " periods of a " + step + ", got " + count);
    }
    if (step == Step.MONTH && first.getDayOfMonth() != 1) {
      throw new IllegalArgumentException("Months start on their 1st, got " + first);
    }
  }

  /** {@code count} months from {@code first}. */
  public static Periods months(YearMonth first, int count) {
    return new Periods(Step.MONTH, first.atDay(1), count);
  }

  /** {@code count} days from {@code first}. */
  public static Periods days(LocalDate first, int count) {
    return new Periods(Step.DAY, first, count);
  }

  /** The first day of period {@code index} (0 is the first). */
  public LocalDate start(int index) {
    return step == Step.MONTH ? first.plusMonths(index) : first.plusDays(index);
  }
}
