package io.releve.portal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job of the portal on its own daemon thread: the first run after {@code firstDelay},
 * then one every {@code period} after the end of the previous one. A run that throws is counted and
 * logged, and the next run still comes (an uncaught exception would cancel the schedule). Closing
 * lets a run under way finish for up to {@code closeWait}, then interrupts it.
 */
public final class Periodic implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Periodic.class);

  private final String what;
  private final Duration period;
  private final Duration closeWait;
  private final Runnable run;
  private final AtomicLong failures = new AtomicLong();
  private final ScheduledExecutorService scheduler;

  private Periodic(String thread, String what, Duration period, Duration closeWait, Runnable run) {
    this.what = what;
    this.period = period;
    this.closeWait = closeWait;
    this.run = run;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, thread);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts {@code run} on a thread named {@code thread}.
   *
   * @param what the job's name in the log, such as {@code Retention purge}
   */
  public static Periodic start(
      String thread,
      String what,
      Duration firstDelay,
      Duration period,
      Duration closeWait,
      Runnable run) {
    Periodic periodic = new Periodic(thread, what, period, closeWait, run);
    periodic.scheduler.scheduleWithFixedDelay(
        periodic::runCounted, firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return periodic;
  }

  /** How many runs failed since the start. */
  public long failures() {
    return failures.get();
  }

  private void runCounted() {
    try {
      run.run();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      log.error("{} failed; it runs again in {}", what, period, e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
