package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaterUseTest {

  private static final int DAY = 86_400;

  @Test
  void spread_showerAcrossTheHour_splitsByTheMinutesInEach() {
    long[] slots = new long[24];

    WaterUse.spread(List.of(WaterUse.of(6 * 60 + 55, 10, 50)), 0, slots);

    assertEquals(25_000, slots[6]);
    assertEquals(25_000, slots[7]);
    assertEquals(50_000, sum(slots));
  }

  @Test
  void spread_useStartedBeforeMidnight_putsTheRestInTheNextDaysFirstHour() {
    List<WaterUse> late = List.of(WaterUse.of(23 * 60 + 50, 20, 6));
    long[] today = new long[24];
    long[] tomorrow = new long[24];

    WaterUse.spread(late, 0, today);
    WaterUse.spread(late, DAY, tomorrow);

    assertEquals(3_000, today[23]);
    assertEquals(3_000, tomorrow[0]);
    assertEquals(6_000, sum(today) + sum(tomorrow));
  }

  @Test
  void spread_anyUses_loseNoMillilitreBetweenTheTwoDays() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      WaterUse use =
          new WaterUse(
              random.nextInt(DAY + 7_200), random.nextInt(1, 5_400), random.nextLong(1, 200_000));
      long[] today = new long[24];
      long[] tomorrow = new long[24];

      WaterUse.spread(List.of(use), 0, today);
      WaterUse.spread(List.of(use), DAY, tomorrow);

      assertEquals(use.millilitres(), sum(today) + sum(tomorrow), use::toString);
    }
  }

  private static long sum(long[] slots) {
    long sum = 0;
    for (long slot : slots) {
      sum += slot;
    }
    return sum;
  }
}
