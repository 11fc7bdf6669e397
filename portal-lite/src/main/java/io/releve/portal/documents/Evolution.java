package io.releve.portal.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The evolution of a use against the same month of the year before. Pure. */
final class Evolution {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Evolution() {}

  /**
   * {@code (now - before) / before} in percent with one decimal, rounded half up; null when either
   * use is unknown or {@code before} is zero (no percentage of nothing).
   */
  static BigDecimal percent(BigDecimal now, BigDecimal before) {
    if (now == null || before == null || before.signum() == 0) {
      return null;
    }
    return now.subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP);
  }
}
