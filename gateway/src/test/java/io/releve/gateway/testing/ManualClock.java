package io.releve.gateway.testing;

import io.releve.gateway.clock.UtcClock;
import java.time.Duration;
import java.time.Instant;

/** A UTC clock that a test moves by hand; safe to read from other threads. */
public final class ManualClock extends UtcClock {

  private volatile Instant now;

  public ManualClock(Instant now) {
    this.now = now;
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
