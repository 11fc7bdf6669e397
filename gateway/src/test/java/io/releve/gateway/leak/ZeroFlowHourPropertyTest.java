package io.releve.gateway.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The guarantee that keeps ordinary households free of false alerts: for a meter read to the litre
 * or finer, a series in which every 24-hour window holds a known hour without flow never raises a
 * leak alert, whatever else it holds (heavy use, missing readings, readings between the hours,
 * replacements).
 */
class ZeroFlowHourPropertyTest {

  private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
  private static final long HOUR_MILLIS = 3_600_000L;

  @Property(tries = 400)
  void seriesWithAKnownHourWithoutFlowInEveryDay_raisesNoLeakAlert(
      @ForAll @LongRange(min = 1) long seed,
      @ForAll @IntRange(min = 2, max = 40) int days,
      @ForAll @IntRange(min = 3, max = 4) int decimals) {
    List<IndexSample> samples = series(new Random(seed), days * 24, decimals);
    LeakAnalysis analysis =
        LeakDetector.analyze(samples, START.plusMillis(days * 24L * HOUR_MILLIS));
    assertEquals(List.of(), analysis.alerts(), () -> "samples: " + samples);
  }

  /**
   * Hourly volumes drawn at random (often above any leak level, sometimes huge), with an hour of no
   * flow at most 23 hours after the previous one, both of its readings present; other readings are
   * dropped at random, and extra readings fall between the hours.
   */
  private static List<IndexSample> series(Random random, int hours, int decimals) {
    double step = Math.pow(10, 3 - decimals);
    double litres = random.nextInt(1_000_000);
    List<IndexSample> samples = new ArrayList<>();
    int nextZero = random.nextInt(23);
    boolean keepNext = false;
    for (int hour = 0; hour <= hours; hour++) {
      boolean zeroHour = hour == nextZero;
      if (zeroHour || keepNext || random.nextInt(100) >= 30) {
        samples.add(sample(hour * HOUR_MILLIS, litres, step, decimals));
      }
      keepNext = zeroHour;
      if (zeroHour) {
        nextZero = hour + 1 + random.nextInt(23);
        continue;
      }
      double volume = volume(random);
      if (random.nextInt(4) == 0) {
        // A reading inside the hour, part of the way through its volume.
        double share = random.nextDouble();
        samples.add(
            sample(
                hour * HOUR_MILLIS + (long) (share * HOUR_MILLIS),
                litres + share * volume,
                step,
                decimals));
      }
      litres += volume;
    }
    return samples;
  }

  private static double volume(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> random.nextDouble() * 4;
      case 2 -> 7_000 + random.nextDouble() * 10_000; // beyond plausible: a replacement
      default -> 4 + random.nextDouble() * 200;
    };
  }

  private static IndexSample sample(long millis, double litres, double step, int decimals) {
    long steps = (long) Math.floor(litres / step + 1e-9);
    return IndexSample.of(
        START.plusMillis(millis),
        BigDecimal.valueOf(steps).movePointLeft(decimals).setScale(decimals));
  }
}
