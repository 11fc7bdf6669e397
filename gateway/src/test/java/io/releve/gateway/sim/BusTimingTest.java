package io.releve.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusTimingTest {

  @Test
  void minimumDelay_is11BitTimes() {
    BusTiming timing = BusTiming.minimumDelay(2400);

    assertEquals(11, timing.replyDelayBits());
    assertEquals(Duration.ofNanos(11 * 1_000_000_000L / 2400), timing.replyDelay());
  }

  @Test
  void wireTime_counts11BitsPerCharacter() {
    BusTiming timing = BusTiming.minimumDelay(2400);

    assertEquals(Duration.ofNanos(100 * 11 * 1_000_000_000L / 2400), timing.wireTime(100));
  }

  @Test
  void constructor_replyDelayOutsideStandard_namesTheValue() {
    var tooShort = assertThrows(IllegalArgumentException.class, () -> new BusTiming(2400, 10));
    var tooLong = assertThrows(IllegalArgumentException.class, () -> new BusTiming(2400, 331));

    assertTrue(tooShort.getMessage().contains("[10 bit times]"), tooShort.getMessage());
    assertTrue(tooLong.getMessage().contains("[331 bit times]"), tooLong.getMessage());
  }

  @Test
  void constructor_nonPositiveBaud_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BusTiming(0, 11));
  }
}
