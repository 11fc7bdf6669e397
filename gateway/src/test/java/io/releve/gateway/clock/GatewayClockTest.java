package io.releve.gateway.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.reading.ClockState;
import io.releve.gateway.testing.ManualBoot;
import io.releve.gateway.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GatewayClockTest {

  static final long SECOND = 1_000_000_000L;

  private final AtomicReference<SyncSource.Answer> answer =
      new AtomicReference<>(SyncSource.Answer.UNSYNCHRONISED);

  @Test
  void aClockStartingAt1970_stampsFromTheFloorPlusTheMonotonicTime() {
    ManualClock system = new ManualClock(Instant.parse("1970-01-01T00:00:40Z"));
    ManualBoot boot = new ManualBoot("b1", 40);
    GatewayClock clock = GatewayClock.start(system, boot, answer::get);

    boot.advance(75);
    system.advance(java.time.Duration.ofSeconds(75));

    assertEquals(Instant.parse("2026-11-01T00:01:15Z"), clock.instant());
    assertEquals(ClockState.UNSYNCHRONISED, clock.state());
  }

  @Test
  void aRestoredTime_isKeptAsTheAnchor_andMovesWithTheMonotonicClockOnly() {
    ManualClock system = new ManualClock(Instant.parse("2026-11-20T08:00:00Z"));
    ManualBoot boot = new ManualBoot("b1", 30);
    GatewayClock clock = GatewayClock.start(system, boot, answer::get);

    boot.advance(60);
    system.set(Instant.parse("2026-11-20T09:30:00Z")); // someone sets the clock by hand

    assertEquals(Instant.parse("2026-11-20T08:01:00Z"), clock.instant());
  }

  @Test
  void synchronisation_isProposedFirst_andOnlyCommittedSwitchesTheClock() {
    ManualClock system = new ManualClock(Instant.parse("2026-11-20T08:00:00Z"));
    ManualBoot boot = new ManualBoot("b1", 30);
    GatewayClock clock = GatewayClock.start(system, boot, answer::get);
    boot.advance(170);
    system.set(Instant.parse("2026-11-28T09:00:00Z")); // NTP steps the clock

    boolean beforeSync = clock.check().isPresent();
    answer.set(SyncSource.Answer.SYNCHRONISED);
    TimeBase synced = clock.check().orElseThrow();
    Instant proposed = clock.instant();
    clock.commit(synced);

    assertFalse(beforeSync);
    assertEquals(Instant.parse("2026-11-20T08:02:50Z"), proposed);
    assertEquals(Instant.parse("2026-11-28T09:00:00Z"), clock.instant());
    assertEquals(ClockState.SYNCHRONISED, clock.state());
    assertEquals(
        new TimeBase("b1", 30 * SECOND, 1_795_161_600_000L, 200 * SECOND, 1_795_856_400_000L),
        synced);
    assertTrue(clock.check().isEmpty());
  }

  @Test
  void aSourceThatCannotTell_isTrusted_butNeverBeforeTheFloor() {
    answer.set(SyncSource.Answer.UNKNOWN);
    ManualClock system = new ManualClock(Instant.parse("2026-10-31T23:59:59Z"));
    GatewayClock clock = GatewayClock.start(system, new ManualBoot("b1", 1), answer::get);

    boolean early = clock.check().isPresent();
    system.set(GatewayClock.EARLIEST_TRUSTED);
    boolean atFloor = clock.check().isPresent();

    assertFalse(early);
    assertTrue(atFloor);
  }

  @Test
  void retiming_isSyncWallMinusTheMonotonicTimeBetween() {
    TimeBase base =
        TimeBase.anchored("b1", 30 * SECOND, Instant.parse("2026-11-20T08:00:00Z").toEpochMilli())
            .synchronisedAt(200 * SECOND, Instant.parse("2026-11-28T09:00:00Z").toEpochMilli());

    long stamp = Instant.parse("2026-11-20T08:01:00Z").toEpochMilli();

    assertEquals(90 * SECOND, base.monoOf(stamp));
    assertEquals(
        Instant.parse("2026-11-28T08:58:10Z").toEpochMilli(), base.retimedMillis(90 * SECOND));
    assertTrue(base.stampedBeforeSync(stamp));
    assertEquals(base, TimeBase.parse(base.text()));
  }

  @Test
  void aClockRestoredAheadOfTheTrueTime_leavesNoStampToGuess() {
    TimeBase base =
        TimeBase.anchored("b1", 30 * SECOND, Instant.parse("2026-12-01T08:00:00Z").toEpochMilli())
            .synchronisedAt(200 * SECOND, Instant.parse("2026-11-28T09:00:00Z").toEpochMilli());

    assertFalse(base.stampedBeforeSync(Instant.parse("2026-11-28T08:59:00Z").toEpochMilli()));
  }

  @Test
  void anAnchorBeforeTheLatestStoredTime_movesJustAfterIt_andALaterOneStays() {
    ManualClock system = new ManualClock(Instant.parse("2026-11-20T08:00:00Z"));
    ManualBoot boot = new ManualBoot("b1", 30);
    GatewayClock clock = GatewayClock.start(system, boot, answer::get);

    boolean earlier = clock.anchorAfter(Instant.parse("2026-11-20T07:59:59Z"));
    boolean later = clock.anchorAfter(Instant.parse("2026-11-20T08:30:00Z"));
    boot.advance(60);

    assertFalse(earlier);
    assertTrue(later);
    assertEquals(Instant.parse("2026-11-20T08:31:00.001Z"), clock.instant());
  }

  @Test
  void aSynchronisedClock_keepsItsAnchor() {
    answer.set(SyncSource.Answer.SYNCHRONISED);
    ManualClock system = new ManualClock(Instant.parse("2026-11-28T09:00:00Z"));
    GatewayClock clock = GatewayClock.start(system, new ManualBoot("b1", 30), answer::get);
    clock.commit(clock.check().orElseThrow());

    assertFalse(clock.anchorAfter(Instant.parse("2026-12-01T00:00:00Z")));
    assertEquals(Instant.parse("2026-11-28T09:00:00Z"), clock.instant());
  }

  @Test
  void everyStampOfARun_movesByTheSameAmount_asItsMonotonicTimeSays() {
    TimeBase base =
        TimeBase.anchored("b1", 30 * SECOND, Instant.parse("2026-11-20T08:00:00Z").toEpochMilli())
            .synchronisedAt(200 * SECOND, Instant.parse("2026-11-28T09:00:00Z").toEpochMilli());

    for (String stamp : List.of("2026-11-20T08:00:00Z", "2026-11-20T08:01:00.250Z")) {
      long millis = Instant.parse(stamp).toEpochMilli();
      assertEquals(base.retimedMillis(base.monoOf(millis)), base.retimedStamp(millis), stamp);
    }
  }

  @Test
  void aBaseTextThatIsNotFiveWords_isRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TimeBase.parse("b1 12 34"));

    assertEquals("Time base [b1 12 34] must have five words.", e.getMessage());
  }
}
