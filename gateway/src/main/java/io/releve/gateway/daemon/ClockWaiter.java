package io.releve.gateway.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits until an instant of a clock that may jump (NTP setting the Pi's clock after boot) or run
 * faster than real time (the simulated building), and can be woken early to stop.
 *
 * <p>It re-reads the clock at least every {@link #RECHECK}, so a clock change is noticed within
 * that time whatever the clock.
 */
final class ClockWaiter {

  /** Longest real sleep between two readings of the clock. */
  static final Duration RECHECK = Duration.ofMillis(200);

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private boolean stopped;
  private boolean woken;

  /** How {@link #await(Instant)} ended. */
  enum Wake {
    /** The clock reached the deadline. */
    DUE,
    /** {@link #wake()} was called before it did: there is work to do first. */
    WOKEN,
    /** {@link #stop()} was called. */
    STOPPED
  }

  ClockWaiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns when the clock reaches {@code deadline}, or at once after {@link #stop()}.
   *
   * @return false when stopped
   */
  boolean waitUntil(Instant deadline) throws InterruptedException {
    lock.lock();
    try {
      while (!stopped) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
          return true;
        }
        long nanos = Math.min(left.toNanos(), RECHECK.toNanos());
        signal.await(nanos, TimeUnit.NANOSECONDS);
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns when the clock reaches {@code deadline}, at once after {@link #stop()}, or when {@link
   * #wake()} is called (a wake-up called while nobody waits is kept for the next call).
   */
  Wake await(Instant deadline) throws InterruptedException {
    lock.lock();
    try {
      while (!stopped) {
        if (woken) {
          woken = false;
          return Wake.WOKEN;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
          return Wake.DUE;
        }
        long nanos = Math.min(left.toNanos(), RECHECK.toNanos());
        signal.await(nanos, TimeUnit.NANOSECONDS);
      }
      return Wake.STOPPED;
    } finally {
      lock.unlock();
    }
  }

  /** Ends a wait of {@link #await(Instant)} early, or the next one. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void stop() {
    lock.lock();
    try {
      stopped = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean stopped() {
    lock.lock();
    try {
      return stopped;
    } finally {
      lock.unlock();
    }
  }
}
