package io.releve.gateway.clock;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that gives instants only: its zone is UTC, and asking for another zone gives it back
 * unchanged (the gateway stores and sends instants; the meters' zone is applied where dates are
 * made).
 */
public abstract class UtcClock extends Clock {

  @Override
  public final ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public final Clock withZone(ZoneId zone) {
    return this;
  }
}
