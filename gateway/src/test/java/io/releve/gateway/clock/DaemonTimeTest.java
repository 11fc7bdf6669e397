package io.releve.gateway.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.testing.ManualBoot;
import io.releve.gateway.testing.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DaemonTimeTest {

  private static final long SECOND = 1_000_000_000L;
  private static final Instant RESTORED = Instant.parse("2026-11-20T08:00:00Z");
  private static final Instant SYSTEM = Instant.parse("2026-11-20T08:05:00Z");

  private final ManualClock system = new ManualClock(SYSTEM);
  private final ManualBoot boot = new ManualBoot("boot-a", 90);

  @Test
  void theDaemonsUnsynchronisedBaseOfThisBoot_isFollowed_fromItsAnchorAndTheMonotonicTime() {
    DaemonTime clock = DaemonTime.over(system, boot);

    boolean follows =
        clock.follow(TimeBase.anchored("boot-a", 30 * SECOND, RESTORED.toEpochMilli()));

    assertTrue(follows);
    assertEquals(Instant.parse("2026-11-20T08:01:00Z"), clock.instant());
  }

  @Test
  void aBaseOfAnotherBoot_aSynchronisedOne_orNoBootClock_leaveTheSystemTime() {
    TimeBase anchored = TimeBase.anchored("boot-a", 30 * SECOND, RESTORED.toEpochMilli());
    DaemonTime clock = DaemonTime.over(system, boot);

    assertFalse(clock.follow(TimeBase.anchored("boot-0", 30 * SECOND, RESTORED.toEpochMilli())));
    assertEquals(SYSTEM, clock.instant());
    assertFalse(
        clock.follow(
            anchored.synchronisedAt(
                60 * SECOND, Instant.parse("2026-11-28T09:00:00Z").toEpochMilli())));
    assertEquals(SYSTEM, clock.instant());
    assertFalse(clock.follow(null));
    assertEquals(SYSTEM, clock.instant());
    DaemonTime withoutBoot = DaemonTime.over(system, null);
    assertFalse(withoutBoot.follow(anchored));
    assertEquals(SYSTEM, withoutBoot.instant());
  }
}
