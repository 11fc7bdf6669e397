package io.releve.portal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NiceScaleTest {

  private static void assertScale(String max, String step, String top) {
    NiceScale scale = NiceScale.of(new BigDecimal(max));
    assertEquals(step, scale.step().toPlainString(), "step for " + max);
    assertEquals(top, scale.top().toPlainString(), "top for " + max);
  }

  @Test
  void of_fiveCubicMetres_stepsByTwoUpToSix() {
    // 5 / 4 = 1.25, the next nice step is 2; 5 needs 3 of them
    assertScale("5", "2", "6");
  }

  @Test
  void of_valuesAroundTen_useTwoPointFiveAndFiveSteps() {
    assertScale("10", "2.5", "10");
    assertScale("9", "2.5", "10");
    assertScale("7", "2", "8");
    assertScale("20", "5", "20");
  }

  @Test
  void of_powersOfTenAndLargeValues_roundUpToAFewSteps() {
    assertScale("40", "10", "40");
    assertScale("41", "20", "60");
    assertScale("1234", "500", "1500");
  }

  @Test
  void of_smallDecimals_keepExactDecimalSteps() {
    assertScale("0.8", "0.2", "0.8");
    // 0.013 / 4 = 0.00325, the next nice step is 0.005; 0.013 needs 3 of them
    assertScale("0.013", "0.005", "0.015");
  }

  @Test
  void of_nothingButZeros_isTheAxisZeroToOne() {
    assertScale("0", "1", "1");
  }

  @Test
  void ticks_fromZeroToTopByStep() {
    assertEquals(
        List.of("0", "2.5", "5", "7.5", "10"),
        NiceScale.of(new BigDecimal("10")).ticks().stream()
            .map(BigDecimal::toPlainString)
            .toList());
  }

  @Test
  void of_anyMaximum_givesAtMostFourStepsAndATopAtOrAboveIt() {
    for (int cents = 1; cents <= 100_000; cents += 7) {
      BigDecimal max = BigDecimal.valueOf(cents, 2);
      NiceScale scale = NiceScale.of(max);
      int steps = scale.ticks().size() - 1;
      assertEquals(true, steps >= 1 && steps <= NiceScale.MAX_STEPS, max + " has " + steps);
      assertEquals(true, scale.top().compareTo(max) >= 0, max + " above " + scale.top());
    }
  }
}
