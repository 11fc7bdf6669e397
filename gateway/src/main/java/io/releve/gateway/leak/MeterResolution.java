package io.releve.gateway.leak;

import java.math.BigDecimal;

/**
 * How finely a meter shows its index, and so how many hours the detector needs to see a flow of a
 * few litres an hour (DESIGN §3.3: "the window widens for meters whose resolution cannot show 4 L/h
 * in one hour").
 *
 * <p>The window is the smallest whole number of hours in which 4 L/h is a whole number of the
 * meter's steps: 1 h for a meter read to the litre or finer, 5 h for a 10-litre meter (4 L/h × 5 h
 * = 2 steps). Then 4, 8 and 12 L/h are all whole numbers of steps per window, and a constant flow
 * is never rounded across a level boundary: a quantised index can only under-read a window by less
 * than one step, so the minimum flow seen is the true flow rounded down to the window's flow step
 * (2 L/h for the 10-litre meter), and every level boundary is a multiple of that step.
 *
 * @param litresPerStep the smallest change of the index, litres
 */
public record MeterResolution(double litresPerStep) {

  /** Beyond this window a day holds too few windows to find a minimum: no leak detection. */
  public static final int MAX_WINDOW_HOURS = 12;

  private static final double EPSILON = 1e-9;

  public MeterResolution {
    if (!(litresPerStep > 0) || Double.isInfinite(litresPerStep)) {
      throw new IllegalArgumentException(
          "Resolution [" + litresPerStep + "] L must be a positive number.");
    }
  }

  /** The resolution of an index written with {@code indexM3}'s digits (scale 3 = 1 L). */
  public static MeterResolution of(BigDecimal indexM3) {
    return new MeterResolution(Math.pow(10, 3 - indexM3.scale()));
  }

  /** The finer of the two. */
  public MeterResolution finer(MeterResolution other) {
    return other.litresPerStep < litresPerStep ? other : this;
  }

  /**
   * The window, in whole hours, over which the detector measures a flow; larger than {@link
   * #MAX_WINDOW_HOURS} when the meter is too coarse for leak detection.
   */
  public int windowHours() {
    for (int hours = 1; hours <= MAX_WINDOW_HOURS; hours++) {
      double steps = LeakLevel.LEVEL_1.fromLitresPerHour() * hours / litresPerStep;
      if (steps >= 1 - EPSILON && Math.abs(steps - Math.rint(steps)) < EPSILON * steps) {
        return hours;
      }
    }
    return MAX_WINDOW_HOURS + 1;
  }

  /**
   * How long a flow of 4 L/h takes to move the index by one step, milliseconds: an index that stays
   * still longer saw less (15 minutes for a meter read to the litre).
   */
  public long stillMillis() {
    return (long) Math.ceil(litresPerStep / LeakLevel.LEVEL_1.fromLitresPerHour() * 3_600_000);
  }

  /** True when the meter can show a 4 L/h flow within {@link #MAX_WINDOW_HOURS}. */
  public boolean detectsLeaks() {
    return windowHours() <= MAX_WINDOW_HOURS;
  }
}
