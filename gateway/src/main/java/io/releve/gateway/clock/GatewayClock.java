package io.releve.gateway.clock;

import io.releve.gateway.reading.ClockState;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's clock on a device without a real-time clock (DESIGN §3.5). Until the system clock is
 * synchronised it hands out anchored times — the system time at start (or {@link #EARLIEST_TRUSTED}
 * when that is earlier: never 1970) plus the monotonic time elapsed — so that every stamp maps back
 * to a monotonic time and can be re-timed later; afterwards, the system time.
 *
 * <p>Switching is two steps so that the store learns the synchronisation before any reading is
 * flagged synchronised: {@link #check()} proposes the synchronised base, the caller stores it (and
 * re-times), then {@link #commit(TimeBase)} switches.
 */
public final class GatewayClock extends UtcClock {

  /**
   * No gateway running this code lives before this instant: a wall time before it is never trusted,
   * whatever the synchronisation source says.
   */
  public static final Instant EARLIEST_TRUSTED = Instant.parse("2026-11-01T00:00:00Z");

  private final Clock system;
  private final BootClock boot;
  private final SyncSource sync;
  private volatile TimeBase base;

  private GatewayClock(Clock system, BootClock boot, SyncSource sync, TimeBase base) {
    this.system = system;
    this.boot = boot;
    this.sync = sync;
    this.base = base;
  }

  /** Anchors a new run at the current system time, or at {@link #EARLIEST_TRUSTED}. */
  public static GatewayClock start(Clock system, BootClock boot, SyncSource sync) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(boot, "boot");
    Objects.requireNonNull(sync, "sync");
    long wall = Math.max(system.millis(), EARLIEST_TRUSTED.toEpochMilli());
    return new GatewayClock(
        system, boot, sync, TimeBase.anchored(boot.bootId(), boot.sinceBootNanos(), wall));
  }

  /**
   * Moves the anchor to just after {@code latest}, the latest time the store holds, when the
   * system's time at start was not later (fake-hwclock restores the time of its last save, which a
   * power cut leaves behind the last time written). Called before the run stamps anything, so that
   * its stamps come after every stored time; does nothing once synchronised.
   *
   * @return whether the anchor moved
   */
  public synchronized boolean anchorAfter(Instant latest) {
    TimeBase current = base;
    if (current.synchronised() || latest.toEpochMilli() < current.anchorWallMillis()) {
      return false;
    }
    base =
        new TimeBase(
            current.bootId(), current.anchorMonoNanos(), latest.toEpochMilli() + 1, -1, -1);
    return true;
  }

  /** The base times are stamped with now. */
  public TimeBase base() {
    return base;
  }

  /** Whether the stamps handed out now are true times. */
  public ClockState state() {
    return base.synchronised() ? ClockState.SYNCHRONISED : ClockState.UNSYNCHRONISED;
  }

  /**
   * Asks the synchronisation source, unless already synchronised.
   *
   * @return the synchronised base to store and then {@link #commit}, or empty while the clock
   *     cannot be trusted yet (or was already)
   */
  public Optional<TimeBase> check() {
    TimeBase current = base;
    if (current.synchronised()) {
      return Optional.empty();
    }
    SyncSource.Answer answer = sync.ask();
    if (answer == SyncSource.Answer.UNSYNCHRONISED) {
      return Optional.empty();
    }
    long mono = boot.sinceBootNanos();
    long wall = system.millis();
    if (wall < EARLIEST_TRUSTED.toEpochMilli()) {
      return Optional.empty(); // a source that says "synchronised" at 1970 is wrong
    }
    return Optional.of(current.synchronisedAt(mono, wall));
  }

  /** Switches to the system time, once {@code synchronised} (from {@link #check()}) is stored. */
  public void commit(TimeBase synchronised) {
    if (!synchronised.synchronised() || !synchronised.bootId().equals(base.bootId())) {
      throw new IllegalArgumentException(
          "Time base [" + synchronised.text() + "] is not a synchronisation of this run.");
    }
    base = synchronised;
  }

  @Override
  public Instant instant() {
    TimeBase current = base;
    if (current.synchronised()) {
      return system.instant();
    }
    return Instant.ofEpochMilli(current.anchoredMillis(boot.sinceBootNanos()));
  }
}
