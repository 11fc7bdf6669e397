package io.releve.gateway.sim.building;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** The seeded randomness of the day profiles: one independent stream per meter and day. */
final class DayRandom {

  /** Odd 64-bit constant of the golden ratio: spreads nearby seeds far apart. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private DayRandom() {}

  /** The stream of {@code seed} for {@code day}: the same arguments give the same numbers. */
  static SplittableRandom of(long seed, LocalDate day) {
    return new SplittableRandom(seed * GOLDEN + day.toEpochDay());
  }

  /**
   * Spreads {@code total} thousandths over the slots by {@code weights}, each slot jittered by a
   * factor in [{@code low}, {@code high}); slots of weight 0 stay 0.
   */
  static long[] spread(
      double total, double[] weights, double low, double high, SplittableRandom random) {
    double sum = 0;
    for (double weight : weights) {
      sum += weight;
    }
    long[] slots = new long[weights.length];
    for (int h = 0; h < weights.length; h++) {
      double jitter = random.nextDouble(low, high);
      slots[h] = weights[h] == 0 ? 0 : Math.round(total * weights[h] / sum * jitter);
    }
    return slots;
  }
}
