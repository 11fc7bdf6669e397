package io.releve.gateway.cli;

import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.sim.building.Backfill;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The demo's history on its first start: months of daily readings, then days of hourly ones up to
 * now (the leak detector needs hours; the portal's months need only days), stored through the real
 * decoder and store by {@link Backfill}. A database that holds readings already keeps them.
 */
final class DemoHistory {

  private final Clock clock;
  private final BooleanSupplier stopRequested;

  /**
   * @param stopRequested true once Ctrl-C came: the backfill stops between two batches, what it
   *     stored stays
   */
  DemoHistory(Clock clock, BooleanSupplier stopRequested) {
    this.clock = clock;
    this.stopRequested = stopRequested;
  }

  /** Stores the history unless the database has readings; says what it did on {@code out}. */
  void backfillOnFirstStart(
      Building loaded, Database db, int months, int historyDays, PrintWriter out, PrintWriter err) {
    ReadingStore store = new ReadingStore(db);
    if (!store.find(ReadingFilter.all().limit(1)).isEmpty()) {
      out.println("history    kept from an earlier run (--reset starts afresh)");
      return;
    }
    Duration hour = Duration.ofHours(1);
    Instant to = Instant.ofEpochMilli(clock.millis() / hour.toMillis() * hour.toMillis());
    Instant hourlyFrom = to.minus(Duration.ofDays(historyDays));
    Instant dailyFrom = hourlyFrom.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    FrameIngest ingest =
        new FrameIngest(new WiredFrameDecoder(), store, new Quarantine(db), loaded.meterZone());
    Backfill backfill = new Backfill(loaded, ingest);
    long started = System.nanoTime();
    long readings = 0;
    try {
      if (months > 0) {
        readings += run(backfill, dailyFrom, hourlyFrom, Duration.ofDays(1), "days", err);
      }
      if (historyDays > 0) {
        readings += run(backfill, hourlyFrom, to, hour, "hours", err);
      }
    } catch (CancellationException e) {
      err.println();
      out.println("history    stopped part-way (the days stored stay; --reset starts afresh)");
      return;
    }
    if (months == 0 && historyDays == 0) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "history    %s%d days, every meter read hourly: %d readings stored in %.1f s%n",
        months == 0 ? "" : months + " months read daily, then ",
        historyDays,
        readings,
        (System.nanoTime() - started) / 1e9);
  }

  /** One backfill run with its progress on stderr; Ctrl-C cancels it between two batches. */
  private long run(
      Backfill backfill, Instant from, Instant to, Duration step, String steps, PrintWriter err) {
    Backfill.Result result =
        backfill.run(
            from,
            to,
            step,
            (upTo, done, total) -> {
              err.printf(Locale.ROOT, "\rbackfilling %d/%d %s", done, total, steps);
              err.flush();
              if (stopRequested.getAsBoolean()) {
                throw new CancellationException("stopped during the backfill");
              }
            });
    err.println();
    return result.readings();
  }
}
