package io.releve.common.concurrent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background timers of the programs: one daemon thread each, named for what it does (a thread
 * dump then says which timer is stuck), stopped the same way everywhere.
 */
public final class Tickers {

  private Tickers() {}

  /** A scheduled executor on one daemon thread called {@code name}. */
  public static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Interrupts what {@code ticker} runs, drops what it had planned, and waits up to {@code wait}
   * for it to end; an interrupt of the caller is kept for it.
   *
   * @return whether it ended in time
   */
  public static boolean stop(ScheduledExecutorService ticker, Duration wait) {
    ticker.shutdownNow();
    try {
      return ticker.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
