package io.releve.gateway.clock;

/**
 * The monotonic clock since boot: it never jumps when the wall clock is set, and it restarts at
 * zero with every boot, so a monotonic time only means something together with its boot's id.
 */
public interface BootClock {

  /** This boot's id; a new one at every boot. */
  String bootId();

  /** Nanoseconds since boot, never going back within a boot. */
  long sinceBootNanos();
}
