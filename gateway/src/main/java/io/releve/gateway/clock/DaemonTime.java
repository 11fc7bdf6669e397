package io.releve.gateway.clock;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The clock of an installer's command run beside the daemon (DESIGN §3.5). While the daemon's time
 * base, as stored, belongs to this boot and is not synchronised yet, the command stamps as the
 * daemon does: from the daemon's anchor plus the monotonic time. What it writes (a meter added, an
 * inventory change) is then re-timed with the daemon's own stamps when the clock is synchronised.
 * Otherwise, and until {@link #follow} is called, it is the system clock.
 */
public final class DaemonTime extends UtcClock {

  private final Clock system;
  private final BootClock boot;
  private volatile TimeBase base;

  private DaemonTime(Clock system, BootClock boot) {
    this.system = system;
    this.boot = boot;
  }

  /** Over {@code system}, with this machine's boot clock when it has one (Linux). */
  public static DaemonTime over(Clock system) {
    BootClock boot;
    try {
      boot = LinuxBootClock.open();
    } catch (IOException e) {
      boot = null; // no boot-relative monotonic time: the daemon trusts the system clock too
    }
    return over(system, boot);
  }

  /** Over {@code system} and {@code boot} (null when the machine has no boot clock). */
  public static DaemonTime over(Clock system, BootClock boot) {
    return new DaemonTime(Objects.requireNonNull(system, "system"), boot);
  }

  /**
   * Stamps from {@code stored}, the daemon's base read from the store, when it is of this boot and
   * not synchronised; else from the system clock.
   *
   * @return whether the stamps now follow the daemon's base
   */
  public boolean follow(TimeBase stored) {
    boolean follows =
        boot != null
            && stored != null
            && !stored.synchronised()
            && stored.bootId().equals(boot.bootId());
    base = follows ? stored : null;
    return follows;
  }

  @Override
  public Instant instant() {
    TimeBase current = base;
    if (current == null) {
      return system.instant();
    }
    return Instant.ofEpochMilli(current.anchoredMillis(boot.sinceBootNanos()));
  }
}
