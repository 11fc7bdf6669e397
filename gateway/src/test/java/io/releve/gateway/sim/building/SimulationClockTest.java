package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

  private static final Instant BASE = Instant.parse("2026-01-15T00:00:00Z");
  private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

  private static SimulationClock at(Instant real, double speed) {
    return new SimulationClock(
        BASE, START, speed, Clock.fixed(real, ZoneOffset.UTC), ZoneOffset.UTC);
  }

  @Test
  void instant_atTheRealStart_isTheBase() {
    assertEquals(BASE, at(START, 3600).instant());
  }

  @Test
  void instant_speed3600_advancesAnHourEveryRealSecond() {
    assertEquals(BASE.plus(Duration.ofHours(90)), at(START.plusSeconds(90), 3600).instant());
  }

  @Test
  void instant_speedOne_runsLikeTheRealClock() {
    assertEquals(BASE.plusMillis(1234), at(START.plusMillis(1234), 1).instant());
  }

  @Test
  void instant_fractionalSpeed_runsSlower() {
    assertEquals(BASE.plusMillis(500), at(START.plusSeconds(1), 0.5).instant());
  }

  @Test
  void realTimeFor_aSimulatedDayAt3600_is24Seconds() {
    assertEquals(Duration.ofSeconds(24), at(START, 3600).realTimeFor(Duration.ofDays(1)));
  }

  @Test
  void constructor_zeroOrNegativeSpeed_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> at(START, 0));
    assertThrows(IllegalArgumentException.class, () -> at(START, -2));
    assertThrows(IllegalArgumentException.class, () -> at(START, Double.NaN));
  }

  @Test
  void systemClock_speedOne_staysCloseToNow() {
    SimulationClock clock = SimulationClock.startingAt(BASE, 1);

    Duration drift = Duration.between(BASE, clock.instant());
    assertEquals(true, !drift.isNegative() && drift.compareTo(Duration.ofSeconds(5)) < 0);
  }
}
