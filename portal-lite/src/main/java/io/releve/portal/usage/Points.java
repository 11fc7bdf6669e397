package io.releve.portal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/** The points of the charts; a null use is unknown (no bar), distinct from zero. */
public final class Points {

  private Points() {}

  /** A day's use. */
  public record Day(LocalDate day, BigDecimal use) {}

  /** A month's use. */
  public record Monthly(YearMonth month, BigDecimal use) {}

  /** A calendar month of this year against the same month of last year. */
  public record YearOverYear(Month month, BigDecimal thisYear, BigDecimal lastYear) {}
}
