package io.releve.gateway.sim.building;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access number of a meter's long header: one byte that goes up by one with every readout and
 * wraps from 255 to 0 (EN 13757-3:2018 §6.5.5).
 */
final class AccessNumber {

  private final AtomicInteger next;

  /** Starts at {@code first} (only its low byte counts), so that meters do not all count alike. */
  AccessNumber(int first) {
    this.next = new AtomicInteger(first & 0xFF);
  }

  /** The number for the next readout. */
  int next() {
    return next.getAndIncrement() & 0xFF;
  }
}
