package io.releve.gateway.uplink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnection delays: doubling from {@code first} up to {@code max}, each with up to a quarter of
 * random jitter so that a building's worth of gateways does not reconnect in step after a broker
 * restart.
 */
final class Backoff {

  private final Duration first;
  private final Duration max;
  private Duration next;

  Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /** The delay to wait now; the following one doubles. */
  Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    long jitter = ThreadLocalRandom.current().nextLong(current.toMillis() / 4 + 1);
    return current.plusMillis(jitter);
  }

  /** After a success: the next failure waits {@code first} again. */
  void reset() {
    next = first;
  }
}
