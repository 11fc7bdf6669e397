package io.releve.gateway.sim.building;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Heating that follows the season: proportional to the day's heating degrees ({@link Season}), so
 * high in winter and nothing in summer, with a night setback and morning and evening boosts.
 * Seeded: the same seed and day give the same amounts.
 */
final class HeatingProfile implements DayProfile {

  // Night setback from 22 to 5 o'clock, boost from 6 to 8 and from 17 to 21.
  private static final double[] HOURS = {
    0.6, 0.6, 0.6, 0.6, 0.6, 0.9, 1.4, 1.4, 1.4, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.3, 1.3,
    1.3, 1.3, 1.3, 0.8, 0.8
  };

  private final double milliPerDegreeDay;
  private final long seed;

  /**
   * @param perDegreeDay what is counted per heating degree and day, in the meter's unit
   * @param seed the meter's seed
   */
  HeatingProfile(double perDegreeDay, long seed) {
    this.milliPerDegreeDay = perDegreeDay * 1000;
    this.seed = seed;
  }

  @Override
  public long[] slots(LocalDate day) {
    double degrees = Season.heatingDegrees(day);
    if (degrees == 0) {
      return new long[SLOTS];
    }
    SplittableRandom random = DayRandom.of(seed, day);
    double total = milliPerDegreeDay * degrees * random.nextDouble(0.85, 1.15);
    return DayRandom.spread(total, HOURS, 0.9, 1.1, random);
  }
}
