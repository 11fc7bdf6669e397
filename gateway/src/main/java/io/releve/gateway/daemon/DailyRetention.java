package io.releve.gateway.daemon;

import io.releve.common.concurrent.Tickers;
import io.releve.gateway.config.RetentionConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Retention;
import io.releve.gateway.store.RetentionPolicy;
import io.releve.gateway.store.RetentionResult;
import io.releve.gateway.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rows past their retention once a day, on its own thread: the first run a minute after
 * start (so it never delays the first poll), then every 24 hours. A failure is logged and tried
 * again the next day.
 */
public final class DailyRetention implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DailyRetention.class);
  static final Duration FIRST_RUN = Duration.ofMinutes(1);
  static final Duration PERIOD = Duration.ofDays(1);

  private final ScheduledExecutorService executor = Tickers.daemon("db-retention");

  public DailyRetention(Database database, RetentionConfig config, Clock clock) {
    RetentionPolicy policy =
        RetentionPolicy.ofDays(
            config.rawFrameDays(), config.readingDays(), config.quarantineDays());
    Retention retention = new Retention(database);
    executor.scheduleAtFixedRate(
        () -> {
          try {
            RetentionResult deleted = retention.apply(clock.instant(), policy);
            LOG.info(
                "retention: deleted {} raw frames, {} readings, {} quarantined frames",
                deleted.rawFrames(),
                deleted.readings(),
                deleted.quarantine());
          } catch (StoreException e) {
            LOG.warn("retention failed, tried again tomorrow: {}", e.getMessage(), e);
          }
        },
        FIRST_RUN.toMillis(),
        PERIOD.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    Tickers.stop(executor, Duration.ofSeconds(Database.BUSY_TIMEOUT.toSeconds() + 1));
  }
}
