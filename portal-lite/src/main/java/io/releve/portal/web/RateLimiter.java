package io.releve.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window counters in memory: at most {@code max} events per key in any {@code window}. Each
 * key keeps at most {@code max} instants and at most {@code maxKeys} keys are kept: beyond, keys
 * whose events have all left their window are dropped, then (under a flood of distinct keys)
 * everything is forgotten rather than memory exhausted.
 */
public final class RateLimiter {
  public static final int DEFAULT_MAX_KEYS = 100_000;

  private final Clock clock;
  private final int maxKeys;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** A limiter on {@code clock} keeping at most {@code maxKeys} keys. */
  public RateLimiter(Clock clock, int maxKeys) {
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  /** A limiter on {@code clock} with the default bound on keys. */
  public RateLimiter(Clock clock) {
    this(clock, DEFAULT_MAX_KEYS);
  }

  /** Counts one event for {@code key}; false (and not counted) when it would exceed {@code max}. */
  public boolean allow(String key, int max, Duration window) {
    return acquire(key, max, window).isZero();
  }

  /**
   * Counts one event for {@code key}, or says how long until one is allowed again.
   *
   * @return zero when counted, else the wait (positive)
   */
  public Duration acquire(String key, int max, Duration window) {
    return window(key).acquire(clock.millis(), max, window.toMillis(), true);
  }

  /** Whether {@code key} already has {@code max} events in {@code window}, without counting. */
  public boolean exhausted(String key, int max, Duration window) {
    Window w = windows.get(key);
    return w != null && !w.acquire(clock.millis(), max, window.toMillis(), false).isZero();
  }

  /** Forgets the events of {@code key} (say, failed logins once one succeeds). */
  public void reset(String key) {
    windows.remove(key);
  }

  private Window window(String key) {
    Window existing = windows.get(key);
    if (existing != null) {
      return existing;
    }
    if (windows.size() >= maxKeys) {
      long now = clock.millis();
      windows.values().removeIf(w -> w.idle(now));
      if (windows.size() >= maxKeys) {
        windows.clear();
      }
    }
    return windows.computeIfAbsent(key, k -> new Window());
  }

  /** The instants (epoch ms) of one key's recent events, oldest first. */
  private static final class Window {
    private final Deque<Long> events = new ArrayDeque<>();
    private long windowMillis;

    synchronized Duration acquire(long now, int max, long windowMillis, boolean count) {
      this.windowMillis = windowMillis;
      while (!events.isEmpty() && events.peekFirst() <= now - windowMillis) {
        events.pollFirst();
      }
      if (events.size() >= max) {
        return Duration.ofMillis(Math.max(1, events.peekFirst() + windowMillis - now));
      }
      if (count) {
        events.addLast(now);
      }
      return Duration.ZERO;
    }

    synchronized boolean idle(long now) {
      return events.isEmpty() || events.peekLast() <= now - windowMillis;
    }
  }
}
