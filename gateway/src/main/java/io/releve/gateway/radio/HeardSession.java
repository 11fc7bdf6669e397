package io.releve.gateway.radio;

import io.releve.common.concurrent.Tickers;
import io.releve.gateway.decode.radio.KeyLookup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listening on some receivers into {@link HeardMeters}, through one {@link DuplicateFilter}: what
 * {@code releve listen} and {@code releve survey} run. Closing it stops the receivers and delivers
 * the copies still held.
 */
public final class HeardSession implements AutoCloseable {

  /** How often held copies are looked at: well under the settle delay. */
  private static final long FLUSH_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(HeardSession.class);

  private final List<RadioReceiver> receivers;
  private final HeardMeters heard;
  private final DuplicateFilter filter;
  private final ScheduledExecutorService flusher;
  private final Map<String, Long> garbage = new TreeMap<>();
  private final Consumer<String> notices;

  private HeardSession(
      List<RadioReceiver> receivers,
      HeardMeters heard,
      DuplicateFilter filter,
      Consumer<String> notices) {
    this.receivers = receivers;
    this.heard = heard;
    this.filter = filter;
    this.notices = notices;
    this.flusher = Tickers.daemon("duplicate-filter");
  }

  /**
   * Starts every receiver; if one cannot start, those started are closed again.
   *
   * @param duplicateWindow see {@link DuplicateFilter}
   * @param notices receives one line per loss and recovery of a receiver
   * @throws IOException naming the receiver that could not be started
   */
  public static HeardSession start(
      List<RadioReceiver> receivers,
      KeyLookup keys,
      Duration duplicateWindow,
      Clock clock,
      Consumer<String> notices)
      throws IOException {
    Objects.requireNonNull(notices, "notices");
    HeardMeters heard = new HeardMeters(keys);
    Duration settle =
        duplicateWindow.compareTo(DuplicateFilter.DEFAULT_SETTLE) < 0
            ? duplicateWindow
            : DuplicateFilter.DEFAULT_SETTLE;
    DuplicateFilter filter = new DuplicateFilter(duplicateWindow, settle, clock, heard);
    HeardSession session = new HeardSession(List.copyOf(receivers), heard, filter, notices);
    session.flusher.scheduleWithFixedDelay(
        session::flushDue, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    List<RadioReceiver> started = new ArrayList<>();
    try {
      for (RadioReceiver receiver : receivers) {
        receiver.start(filter, session.events());
        started.add(receiver);
      }
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  /**
   * One look at the held copies. A task of {@code scheduleWithFixedDelay} that throws is never run
   * again, so a failure is reported and the next look still happens.
   */
  private void flushDue() {
    try {
      filter.flushDue();
    } catch (RuntimeException e) {
      LOG.error("Delivering the held copies failed", e);
      notices.accept("delivering the held copies failed: " + e);
    }
  }

  private RadioReceiver.ReceiverEvents events() {
    return new RadioReceiver.ReceiverEvents() {
      @Override
      public void lost(String receiver, String reason) {
        notices.accept(receiver + " lost: " + reason);
      }

      @Override
      public void recovered(String receiver) {
        notices.accept(receiver + " recovered");
      }

      @Override
      public void garbage(String receiver, int bytes) {
        synchronized (garbage) {
          garbage.merge(receiver, 1L, Long::sum);
        }
      }
    };
  }

  /** What was heard so far (the copies still held by the filter not yet counted). */
  public HeardMeters heard() {
    return heard;
  }

  /** The lines each receiver skipped as not being good telegrams. */
  public Map<String, Long> garbageLines() {
    synchronized (garbage) {
      return Map.copyOf(garbage);
    }
  }

  public DuplicateFilter.Counts duplicates() {
    return filter.counts();
  }

  /** Stops the receivers, then delivers what the filter still holds. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (RadioReceiver receiver : receivers) {
      try {
        receiver.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    flusher.shutdownNow();
    filter.flushAll();
    if (failure != null) {
      throw failure;
    }
  }
}
