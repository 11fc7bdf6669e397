package io.releve.gateway.daemon;

import io.releve.common.concurrent.Tickers;
import io.releve.common.systemd.SystemdNotifier;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps systemd told how the daemon is doing: {@code READY=1} once started, then, every half of the
 * unit's {@code WatchdogSec=}, {@code WATCHDOG=1} with a status line — but only while {@link
 * DaemonHealth#healthy()}. When a bus is stuck, only the status goes out, the pings stop, and
 * systemd kills and restarts the daemon when its watchdog runs out. {@link #stopping()} sends
 * {@code STOPPING=1} and ends the pings. Without {@code $NOTIFY_SOCKET} it does nothing.
 */
public final class SystemdWatchdog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SystemdWatchdog.class);

  /** How often the status is refreshed when the unit has no watchdog. */
  static final Duration STATUS_PERIOD = Duration.ofSeconds(30);

  private final SystemdNotifier notifier;
  private final Supplier<DaemonHealth> health;
  private ScheduledExecutorService executor;
  private volatile boolean stopping;
  private boolean wasHealthy = true;
  private boolean sendFailed;

  /**
   * @param notifier where to send; does nothing when not {@link SystemdNotifier#enabled()}
   * @param health asked at every period, on the watchdog's own thread
   */
  public SystemdWatchdog(SystemdNotifier notifier, Supplier<DaemonHealth> health) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.health = Objects.requireNonNull(health, "health");
  }

  /**
   * Sends {@code READY=1} with the current status and starts the periodic pings. Call it once
   * start-up is over: the database open and every bus started.
   */
  public synchronized void start() {
    if (!notifier.enabled() || executor != null) {
      return;
    }
    send(() -> notifier.ready(check().status()), "READY=1");
    Duration period = notifier.watchdogPeriod().orElse(STATUS_PERIOD);
    executor = Tickers.daemon("systemd-watchdog");
    executor.scheduleAtFixedRate(
        this::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    LOG.info(
        "systemd: ready; {}",
        notifier.watchdogPeriod().map(p -> "watchdog pings every " + p).orElse("no watchdog"));
  }

  /** One period: a ping with the status when healthy, the status alone when not. */
  private synchronized void tick() {
    if (stopping) {
      return;
    }
    DaemonHealth now = check();
    if (now.healthy() != wasHealthy) {
      if (now.healthy()) {
        LOG.info("systemd: healthy again, watchdog pings resume: {}", now.status());
      } else {
        LOG.error("systemd: unhealthy, watchdog pings stop: {}", now.status());
      }
      wasHealthy = now.healthy();
    }
    if (now.healthy() && notifier.watchdogPeriod().isPresent()) {
      send(() -> notifier.watchdog(now.status()), "WATCHDOG=1");
    } else {
      send(() -> notifier.status(now.status()), "STATUS");
    }
  }

  private DaemonHealth check() {
    try {
      return health.get();
    } catch (RuntimeException e) {
      // a health check that fails is no health: no ping, and the log says why
      LOG.error("systemd: the health check failed", e);
      return new DaemonHealth(false, "health check failed: " + e);
    }
  }

  /**
   * Sends {@code STOPPING=1} and stops the pings: the orderly stop has begun, and systemd's stop
   * timeout, not the watchdog, now bounds it.
   */
  public synchronized void stopping() {
    if (!notifier.enabled() || stopping) {
      return;
    }
    stopping = true;
    send(() -> notifier.stopping("stopping: storing the last cycles"), "STOPPING=1");
  }

  /** Stops the pings' thread; sends nothing. */
  @Override
  public synchronized void close() {
    stopping = true;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private interface Send {
    void run() throws IOException;
  }

  /** Sends; a failure is logged once until a send succeeds again (systemd may be restarting). */
  private void send(Send send, String what) {
    try {
      send.run();
      sendFailed = false;
    } catch (IOException e) {
      if (!sendFailed) {
        LOG.warn("systemd: cannot send {}: {}", what, e.getMessage());
      }
      sendFailed = true;
    }
  }
}
