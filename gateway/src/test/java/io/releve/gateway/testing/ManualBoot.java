package io.releve.gateway.testing;

import io.releve.gateway.clock.BootClock;

/** A boot whose monotonic time a test moves by hand, in seconds since it began. */
public final class ManualBoot implements BootClock {

  private static final long SECOND = 1_000_000_000L;

  private final String id;
  private volatile long nanos;

  public ManualBoot(String id, long seconds) {
    this.id = id;
    this.nanos = seconds * SECOND;
  }

  /** Moves the monotonic clock to {@code seconds} since boot. */
  public void at(long seconds) {
    nanos = seconds * SECOND;
  }

  /** Moves the monotonic clock on by {@code seconds}. */
  public void advance(long seconds) {
    nanos += seconds * SECOND;
  }

  @Override
  public String bootId() {
    return id;
  }

  @Override
  public long sinceBootNanos() {
    return nanos;
  }
}
