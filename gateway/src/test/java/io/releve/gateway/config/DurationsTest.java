package io.releve.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parse_eachUnit_givesItsDuration() {
    assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
    assertEquals(Duration.ofMinutes(15), Durations.parse("15m"));
    assertEquals(Duration.ofHours(1), Durations.parse(" 1h "));
    assertEquals(Duration.ofDays(3), Durations.parse("3d"));
  }

  @Test
  void parse_noUnit_saysHowToWriteOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("3"));

    assertEquals(
        "[3] is not a duration: write a whole number and s, m, h or d (90s, 15m, 1h, 3d).",
        e.getMessage());
  }

  @Test
  void describe_writesTheLargestWholeUnit_daysFromTwoOn() {
    assertEquals("90s", Durations.describe(Duration.ofSeconds(90)));
    assertEquals("15m", Durations.describe(Duration.ofMinutes(15)));
    assertEquals("24h", Durations.describe(Duration.ofDays(1)));
    assertEquals("36h", Durations.describe(Duration.ofHours(36)));
    assertEquals("3d", Durations.describe(Duration.ofDays(3)));
  }
}
