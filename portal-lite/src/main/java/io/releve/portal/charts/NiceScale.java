package io.releve.portal.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A vertical axis from 0 to {@code top} in steps a reader counts easily: 1, 2, 2.5 or 5 times a
 * power of ten, at most {@link #MAX_STEPS} steps.
 *
 * @param step the distance between two ticks
 * @param top the highest tick, a multiple of {@code step} at or above the highest value
 */
public record NiceScale(BigDecimal step, BigDecimal top) {

  /** At most four intervals: enough to read a bar, few enough for a phone. */
  static final int MAX_STEPS = 4;

  private static final List<BigDecimal> MANTISSAS =
      List.of(
          BigDecimal.ONE,
          new BigDecimal("2"),
          new BigDecimal("2.5"),
          new BigDecimal("5"),
          BigDecimal.TEN);

  /**
   * The scale for values up to {@code max}; a chart of zeros only (or of nothing known) gets the
   * axis 0 to 1.
   */
  public static NiceScale of(BigDecimal max) {
    if (max.signum() <= 0) {
      return new NiceScale(BigDecimal.ONE, BigDecimal.ONE);
    }
    BigDecimal raw = max.divide(BigDecimal.valueOf(MAX_STEPS), 12, RoundingMode.UP);
    raw = raw.stripTrailingZeros();
    // raw = m × 10^exponent with 1 <= m < 10
    int exponent = raw.precision() - raw.scale() - 1;
    BigDecimal mantissa = raw.scaleByPowerOfTen(-exponent);
    BigDecimal chosen = BigDecimal.TEN;
    for (BigDecimal candidate : MANTISSAS) {
      if (candidate.compareTo(mantissa) >= 0) {
        chosen = candidate;
        break;
      }
    }
    BigDecimal step = chosen.scaleByPowerOfTen(exponent).stripTrailingZeros();
    BigDecimal steps = max.divide(step, 0, RoundingMode.CEILING);
    return new NiceScale(step, step.multiply(steps).stripTrailingZeros());
  }

  /** The ticks from 0 to {@link #top}, both included. */
  public List<BigDecimal> ticks() {
    List<BigDecimal> ticks = new ArrayList<>();
    for (BigDecimal t = BigDecimal.ZERO; t.compareTo(top) <= 0; t = t.add(step)) {
      ticks.add(t.stripTrailingZeros());
    }
    return ticks;
  }
}
