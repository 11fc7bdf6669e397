package io.releve.gateway.daemon;

import io.releve.common.concurrent.Tickers;
import io.releve.gateway.clock.GatewayClock;
import io.releve.gateway.store.ClockBases;
import io.releve.gateway.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for the clock's synchronisation (DESIGN §3.5): records the run's time base in the store
 * at start, asks every {@link #PERIOD} until synchronised, then stores the synchronisation —
 * re-timing the readings taken before it — and only then lets the clock hand out true times.
 */
public final class ClockWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

  /** systemd-timesyncd usually synchronises within seconds of the network coming up. */
  public static final Duration PERIOD = Duration.ofSeconds(10);

  /** Where the switch to the synchronised clock runs. */
  @FunctionalInterface
  public interface SwitchGuard {
    /** Runs {@code clockSwitch}, then drops what was kept in memory of the times before it. */
    void during(Runnable clockSwitch);
  }

  private final GatewayClock clock;
  private final ClockBases bases;
  private final AtomicLong failures = new AtomicLong();
  private ScheduledExecutorService ticker;
  private SwitchGuard guard = Runnable::run;

  private ClockWatch(GatewayClock clock, ClockBases bases) {
    this.clock = clock;
    this.bases = bases;
  }

  /**
   * Records the run's base and checks once; the caller then {@link #startWatching()}s, or a test
   * calls {@link #checkNow()}.
   *
   * @throws StoreException when the base cannot be stored
   */
  public static ClockWatch open(GatewayClock clock, ClockBases bases) {
    ClockWatch watch =
        new ClockWatch(
            Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(bases, "bases"));
    Optional<Instant> latest = bases.latestStamp();
    if (latest.isPresent() && clock.anchorAfter(latest.get())) {
      LOG.warn(
          "clock: the time at start is before the latest one stored, {}: stamps count from it",
          latest.get());
    }
    bases.record(clock.base());
    if (!watch.checkNow()) {
      LOG.warn(
          "clock: not synchronised yet; readings are stamped from the monotonic clock from {}"
              + " and held back from the uplink until they are re-timed",
          clock.instant());
    }
    return watch;
  }

  /**
   * Asks once. On synchronisation, stores it and re-times, then switches the clock.
   *
   * @return whether the clock is synchronised
   * @throws StoreException when the synchronisation cannot be stored (the clock stays anchored and
   *     the next check tries again)
   */
  public synchronized boolean checkNow() {
    if (clock.base().synchronised()) {
      return true;
    }
    if (clock.check().isEmpty()) {
      return false;
    }
    AtomicReference<ClockBases.Retiming> retiming = new AtomicReference<>();
    guard.during(
        () -> {
          // asked again under the guard: the synchronisation's anchored time then bounds every
          // stamp handed out before it
          clock
              .check()
              .ifPresent(
                  synced -> {
                    retiming.set(bases.record(synced));
                    clock.commit(synced);
                  });
        });
    ClockBases.Retiming done = retiming.get();
    if (done == null) {
      return false;
    }
    LOG.info(
        "clock: synchronised; {} readings, {} events and {} other rows re-timed, {} readings from"
            + " an earlier boot never synchronised stay flagged",
        done.retimed(),
        done.events(),
        done.others(),
        done.untimed());
    return true;
  }

  /**
   * Runs the switch through {@code guard}: the daemon's meter health, so that no batch is stored
   * during it and the leak trackers start again from the re-timed store.
   */
  public synchronized ClockWatch guardedBy(SwitchGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
    return this;
  }

  /** Checks every {@link #PERIOD} on a daemon thread until synchronised or closed. */
  public synchronized ClockWatch startWatching() {
    if (ticker == null && !clock.base().synchronised()) {
      ticker = Tickers.daemon("releve-clock");
      ticker.scheduleWithFixedDelay(
          this::scheduledCheck, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void scheduledCheck() {
    try {
      if (checkNow()) {
        ScheduledExecutorService t;
        synchronized (this) {
          t = ticker;
        }
        if (t != null) {
          t.shutdown();
        }
      }
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      LOG.error("clock: cannot record the synchronisation, trying again: {}", e.getMessage(), e);
    }
  }

  /** Checks that failed (the store refused the synchronisation). */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) {
      Tickers.stop(t, Duration.ofSeconds(1));
    }
  }
}
