package io.releve.gateway.store;

import io.releve.common.concurrent.Tickers;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a {@link Database} at a fixed interval on its own daemon thread, so that the WAL does
 * not grow between SQLite's automatic checkpoints. A failure is logged, counted and handed to the
 * callback; the next run tries again. {@link #close()} stops the thread and waits for a running
 * checkpoint to finish.
 */
public final class PeriodicCheckpoint implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicCheckpoint.class);

  private final Database database;
  private final Consumer<StoreException> onFailure;
  private final ScheduledExecutorService executor;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public PeriodicCheckpoint(
      Database database, Duration interval, Consumer<StoreException> onFailure) {
    this.database = Objects.requireNonNull(database, "database");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "Checkpoint interval [" + interval + "] must be positive.");
    }
    this.executor = Tickers.daemon("db-checkpoint");
    executor.scheduleWithFixedDelay(
        this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Checkpoints that ran to the end. */
  public long completed() {
    return completed.get();
  }

  /** Checkpoints that failed. */
  public long failures() {
    return failures.get();
  }

  private void runOnce() {
    try {
      if (database.checkpoint()) {
        completed.incrementAndGet();
      }
    } catch (StoreException e) {
      failures.incrementAndGet();
      LOG.warn("Checkpoint failed: {}", e.getMessage(), e);
      onFailure.accept(e);
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(Database.BUSY_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
