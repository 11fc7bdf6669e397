package io.releve.gateway.sim.building;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The water drawn by a household: a morning and an evening peak on weekdays, a later and longer
 * morning at weekends, nothing between 1 and 5 o'clock, a day-to-day variation and now and then a
 * day away. Seeded: the same seed and day give the same litres.
 */
final class WaterProfile implements DayProfile {

  // Relative weights of the hours 0..23. Hours 1 to 4 are exactly 0: a household that does not
  // leak shows a night without flow, which is what leak detection relies on.
  private static final double[] WEEKDAY = {
    0.3, 0, 0, 0, 0, 0.3, 2.0, 3.0, 2.0, 0.8, 0.6, 0.8, 1.2, 1.0, 0.5, 0.5, 0.6, 0.9, 1.5, 2.2, 2.4,
    1.8, 1.0, 0.6
  };
  private static final double[] WEEKEND = {
    0.5, 0, 0, 0, 0, 0, 0.2, 0.8, 2.0, 2.8, 2.4, 1.6, 1.8, 1.2, 0.7, 0.7, 0.8, 1.0, 1.5, 2.0, 2.2,
    1.6, 1.1, 0.8
  };
  private static final double WEEKEND_FACTOR = 1.15;

  /** About one day in thirty the household is away and draws nothing. */
  private static final double AWAY_PROBABILITY = 0.03;

  private final long millilitresPerDay;
  private final long seed;

  /**
   * @param litresPerDay the household's mean daily volume on a weekday
   * @param seed the meter's seed
   */
  WaterProfile(double litresPerDay, long seed) {
    this.millilitresPerDay = Math.round(litresPerDay * 1000);
    this.seed = seed;
  }

  @Override
  public long[] slots(LocalDate day) {
    SplittableRandom random = DayRandom.of(seed, day);
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    double[] weights = weekend ? WEEKEND : WEEKDAY;
    double factor = (weekend ? WEEKEND_FACTOR : 1.0) * random.nextDouble(0.75, 1.25);
    if (random.nextDouble() < AWAY_PROBABILITY) {
      factor = 0;
    }
    return DayRandom.spread(millilitresPerDay * factor, weights, 0.6, 1.4, random);
  }
}
