package io.releve.gateway.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running counts of what happened on one bus, for health reporting. The bus thread counts; any
 * thread may read.
 */
public final class LinkCounters {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong badFrames = new AtomicLong();
  private final AtomicLong wrongAddresses = new AtomicLong();
  private final AtomicLong echoesSuppressed = new AtomicLong();
  private final AtomicLong collisions = new AtomicLong();

  /** Requests written, retries included. */
  public long requests() {
    return requests.get();
  }

  /** Requests repeated after a failed attempt. */
  public long retries() {
    return retries.get();
  }

  /** Attempts that got no reply within the reply window. */
  public long timeouts() {
    return timeouts.get();
  }

  /** Replies that were no valid frame, or not the frame the request calls for. */
  public long badFrames() {
    return badFrames.get();
  }

  /** Valid replies from another address than the one asked, discarded. */
  public long wrongAddresses() {
    return wrongAddresses.get();
  }

  /** Copies of our own request dropped from the input. */
  public long echoesSuppressed() {
    return echoesSuppressed.get();
  }

  /** Replies of several slaves at once, seen while selecting or scanning. */
  public long collisions() {
    return collisions.get();
  }

  void countRequest() {
    requests.incrementAndGet();
  }

  void countRetry() {
    retries.incrementAndGet();
  }

  void countTimeout() {
    timeouts.incrementAndGet();
  }

  void countBadFrame() {
    badFrames.incrementAndGet();
  }

  void countWrongAddress() {
    wrongAddresses.incrementAndGet();
  }

  void countEcho() {
    echoesSuppressed.incrementAndGet();
  }

  void countCollision() {
    collisions.incrementAndGet();
  }

  @Override
  public String toString() {
    return String.format(
        "requests=%d retries=%d timeouts=%d badFrames=%d wrongAddresses=%d echoes=%d"
            + " collisions=%d",
        requests(),
        retries(),
        timeouts(),
        badFrames(),
        wrongAddresses(),
        echoesSuppressed(),
        collisions());
  }
}
