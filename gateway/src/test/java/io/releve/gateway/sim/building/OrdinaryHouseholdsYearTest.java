package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.leak.IndexSample;
import io.releve.gateway.leak.LeakAlert;
import io.releve.gateway.leak.LeakDetector;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The acceptance test for false alerts: a year of 200 ordinary households, none leaking,
 * read as a 1-litre water meter every 15 minutes with the gaps real meters have, raises no leak
 * alert. The households shower, flush, run dishwashers and washing machines (some in the night),
 * get up at night, go on holiday ({@link HouseholdWater}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrdinaryHouseholdsYearTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** The models' origin: nothing to integrate before the year. */
  private static final LocalDate FIRST_DAY = ConsumptionModel.ORIGIN;

  private static final Instant FROM = FIRST_DAY.atStartOfDay(PARIS).toInstant();
  private static final Instant TO = FIRST_DAY.plusDays(365).atStartOfDay(PARIS).toInstant();
  private static final Duration EVERY = Duration.ofMinutes(15);
  private static final int HOUSEHOLDS = 200;

  /** About 3 % of readings lost at random (a radio telegram not heard, a bus error). */
  private static final double DROPPED = 0.03;

  private static final List<Meter> METERS = new ArrayList<>();

  /** One household's meter: its true index and what the gateway read of it. */
  private record Meter(long seed, int persons, List<IndexSample> samples) {}

  @BeforeAll
  static void readAYear() {
    for (int i = 0; i < HOUSEHOLDS; i++) {
      long seed = 7_000 + i;
      HouseholdWater household = new HouseholdWater(seed);
      SplittableRandom random = new SplittableRandom(seed);
      ConsumptionModel model =
          ConsumptionModel.of(household, PARIS, random.nextLong(5_000_000, 900_000_000));
      METERS.add(new Meter(seed, household.persons(), read(model, gaps(random), random)));
    }
  }

  /**
   * The outages of a meter over the year, as {from, to} epoch milliseconds: 3 to 6 of 2 to 12 hours
   * (a gateway restarted, a receiver unplugged) and 1 to 3 whole days without any reading.
   */
  private static List<long[]> gaps(SplittableRandom random) {
    List<long[]> gaps = new ArrayList<>();
    long span = TO.toEpochMilli() - FROM.toEpochMilli();
    for (int i = random.nextInt(3, 7); i > 0; i--) {
      long from = FROM.toEpochMilli() + random.nextLong(span);
      gaps.add(new long[] {from, from + Duration.ofMinutes(random.nextInt(120, 721)).toMillis()});
    }
    for (int i = random.nextInt(1, 4); i > 0; i--) {
      LocalDate day = FIRST_DAY.plusDays(random.nextInt(365));
      gaps.add(
          new long[] {
            day.atStartOfDay(PARIS).toInstant().toEpochMilli(),
            day.plusDays(1).atStartOfDay(PARIS).toInstant().toEpochMilli()
          });
    }
    return gaps;
  }

  /** The readings: the index in whole litres, as a 1-litre meter shows it, every 15 minutes. */
  private static List<IndexSample> read(
      ConsumptionModel model, List<long[]> gaps, SplittableRandom random) {
    List<IndexSample> samples = new ArrayList<>();
    for (Instant t = FROM; t.isBefore(TO); t = t.plus(EVERY)) {
      long millis = t.toEpochMilli();
      boolean lost = random.nextDouble() < DROPPED;
      for (long[] gap : gaps) {
        lost |= millis >= gap[0] && millis < gap[1];
      }
      if (!lost) {
        long litres = Math.floorDiv(model.at(t), 1000L);
        samples.add(IndexSample.of(t, BigDecimal.valueOf(litres, 3)));
      }
    }
    return samples;
  }

  @Test
  void ordinaryHouseholds_aYearReadEveryQuarterHourWithGaps_raiseNoLeakAlert() {
    StringBuilder alerts = new StringBuilder();
    for (Meter meter : METERS) {
      List<LeakAlert> found = LeakDetector.analyze(meter.samples(), TO).alerts();
      for (LeakAlert alert : found) {
        alerts
            .append("\n  household seed ")
            .append(meter.seed())
            .append(" (")
            .append(meter.persons())
            .append(" people): ")
            .append(alert)
            .append(outagesBefore(meter.samples(), alert));
      }
    }

    assertEquals("", alerts.toString(), "leak alerts on households that do not leak:");
  }

  /**
   * The readings missing for more than an hour from a day before the alert's start to its
   * detection.
   */
  private static String outagesBefore(List<IndexSample> samples, LeakAlert alert) {
    StringBuilder outages = new StringBuilder();
    Instant from = alert.start().minus(Duration.ofDays(1));
    for (int i = 1; i < samples.size(); i++) {
      Instant before = samples.get(i - 1).time();
      Instant after = samples.get(i).time();
      if (Duration.between(before, after).compareTo(Duration.ofHours(1)) > 0
          && after.isAfter(from)
          && before.isBefore(alert.detectedAt())) {
        outages.append(", no reading between ").append(before).append(" and ").append(after);
      }
    }
    return outages.toString();
  }

  @Test
  void ordinaryHouseholds_drawWaterAtNightAndForHoursOnEnd() {
    int withNightFlow = 0;
    int withLongFlow = 0;
    int longest = 0;
    for (Meter meter : METERS) {
      HourlyVolumes hours = HourlyVolumes.of(meter.samples());
      withNightFlow += hours.nightHoursWithFlow(PARIS) > 0 ? 1 : 0;
      int run = hours.longestRunAtOrAbove(4);
      withLongFlow += run >= 4 ? 1 : 0;
      longest = Math.max(longest, run);
    }

    // the detector is tested on more than quiet nights and tidy days
    assertTrue(withNightFlow > HOUSEHOLDS * 3 / 4, withNightFlow + " households with night flow");
    assertTrue(withLongFlow > HOUSEHOLDS / 2, withLongFlow + " households with 4 h at 4 L/h");
    assertTrue(longest >= 8, "longest run of hours at 4 L/h or more: " + longest);
  }

  /** The volumes of the clock hours whose two ends were read, litres. */
  private record HourlyVolumes(List<Instant> starts, List<Long> litres) {

    static HourlyVolumes of(List<IndexSample> samples) {
      List<Instant> starts = new ArrayList<>();
      List<Long> litres = new ArrayList<>();
      IndexSample hourStart = null;
      for (IndexSample sample : samples) {
        if (sample.time().toEpochMilli() % 3_600_000 != 0) {
          continue;
        }
        if (hourStart != null && sample.time().equals(hourStart.time().plus(Duration.ofHours(1)))) {
          starts.add(hourStart.time());
          litres.add(sample.indexM3().subtract(hourStart.indexM3()).movePointRight(3).longValue());
        }
        hourStart = sample;
      }
      return new HourlyVolumes(starts, litres);
    }

    /** Hours starting from 1 to 4 o'clock local time with water drawn. */
    int nightHoursWithFlow(ZoneId zone) {
      int count = 0;
      for (int i = 0; i < starts.size(); i++) {
        int hour = starts.get(i).atZone(zone).getHour();
        if (hour >= 1 && hour <= 4 && litres.get(i) > 0) {
          count++;
        }
      }
      return count;
    }

    /** The most consecutive known hours, each with at least {@code litres}. */
    int longestRunAtOrAbove(long threshold) {
      int longest = 0;
      int run = 0;
      for (int i = 0; i < starts.size(); i++) {
        boolean follows =
            i > 0 && starts.get(i).equals(starts.get(i - 1).plus(Duration.ofHours(1)));
        run = litres.get(i) >= threshold ? (follows ? run + 1 : 1) : 0;
        longest = Math.max(longest, run);
      }
      return longest;
    }
  }
}
