package io.releve.gateway.sim;

import java.time.Duration;

/**
 * What went over a simulated bus: requests, replies, characters in both directions and the time the
 * slaves waited before replying. {@link #busTime} turns it into the time an ideal master would need
 * for the same traffic, the baseline of the poll-cycle benchmark (DESIGN §9).
 *
 * <p>Echoes are not counted: they are the request's own characters, seen back by the master while
 * they are on the wire. Thread-safe.
 */
public final class WireAccounting {
  private long requests;
  private long replies;
  private long bytesOnWire;
  private long extraDelayNanos;

  synchronized void count(int requestBytes, int replyBytes, Duration extraDelay) {
    requests++;
    bytesOnWire += requestBytes;
    if (replyBytes > 0) {
      replies++;
      bytesOnWire += replyBytes;
      extraDelayNanos += extraDelay.toNanos();
    }
  }

  /** Frames the master sent. */
  public synchronized long requests() {
    return requests;
  }

  /** Requests that got a reply (merged replies of several slaves count once). */
  public synchronized long replies() {
    return replies;
  }

  /** Characters of requests and replies. */
  public synchronized long bytesOnWire() {
    return bytesOnWire;
  }

  /** The slaves' reply delays summed over every reply: {@code timing}'s delay plus the faults'. */
  public synchronized Duration replyDelays(BusTiming timing) {
    return timing.replyDelay().multipliedBy(replies).plusNanos(extraDelayNanos);
  }

  /**
   * The time the traffic needs on a wire of {@code timing}: 11 bit times per character plus every
   * reply delay. Time the master spends waiting in vain for a silent address is not in it.
   */
  public synchronized Duration busTime(BusTiming timing) {
    return timing.wireTime(bytesOnWire).plus(replyDelays(timing));
  }

  /** Starts counting afresh, e.g. before the cycle to measure. */
  public synchronized void reset() {
    requests = 0;
    replies = 0;
    bytesOnWire = 0;
    extraDelayNanos = 0;
  }

  @Override
  public synchronized String toString() {
    return String.format("requests=%d replies=%d bytesOnWire=%d", requests, replies, bytesOnWire);
  }
}
