package io.releve.gateway.daemon;

import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.ingest.IngestResult;
import io.releve.gateway.ingest.ReceivedFrame;
import io.releve.gateway.radio.DuplicateFilter;
import io.releve.gateway.radio.RadioFrame;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.reading.ClockState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The radio side of the daemon: the receivers deliver telegrams on their own threads through the
 * {@link DuplicateFilter} (several sticks, repeaters, repeated sends: one copy, the best RSSI) into
 * one queue; every {@code flushInterval} one thread takes what came, decodes and stores it all in
 * one transaction, as a bus cycle is. While the database cannot be written, the telegrams stay in
 * memory (up to {@link #MAX_UNSAVED}) and go with the next batch.
 */
final class RadioCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RadioCollector.class);

  /** Telegrams kept while the store fails: a week of 500 meters sending every few minutes. */
  static final int MAX_UNSAVED = 500_000;

  /** One batch of radio telegrams stored. */
  record BatchReport(
      Instant at, int received, int kept, int readings, int rejected, String failure) {

    String summary() {
      String line =
          String.format(
              java.util.Locale.ROOT,
              "radio: %d telegrams stored (%d heard since the last batch, copies dropped), %d"
                  + " readings, %d quarantined",
              kept,
              received,
              readings,
              rejected);
      return failure == null ? line : line + "; " + failure;
    }
  }

  private final List<RadioReceiver> receivers;
  private final FrameIngest ingest;
  private final DuplicateFilter duplicates;
  private final AtomicInteger received = new AtomicInteger();
  private final Clock clock;
  private final Supplier<ClockState> clockState;
  private final Duration flushInterval;
  private final Consumer<BatchReport> reports;
  private final LinkedBlockingQueue<RadioFrame> queue = new LinkedBlockingQueue<>(MAX_UNSAVED);
  private final List<ReceivedFrame> unsaved = new ArrayList<>();
  private final Thread flusher;
  private volatile boolean stopping;

  /** When the flusher's loop last began a round (System.nanoTime), for the watchdog. */
  private volatile long roundAtNanos = System.nanoTime();

  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  /** What one receiver did, counted on its own thread; any thread may read. */
  private static final class Tally {
    final AtomicLong telegrams = new AtomicLong();
    final AtomicLong badFrames = new AtomicLong();
    volatile String state = "not-opened";
    volatile String lostReason;
    volatile Instant lastTelegram;
  }

  /**
   * @param duplicateWindow how long copies of a telegram are dropped after the first
   * @param settle how long the first copy waits for a better one (at most the window)
   * @param ingest decodes radio telegrams (one session: compact formats learnt from any receiver)
   */
  RadioCollector(
      List<RadioReceiver> receivers,
      FrameIngest ingest,
      Duration duplicateWindow,
      Duration settle,
      Clock clock,
      Supplier<ClockState> clockState,
      Duration flushInterval,
      Consumer<BatchReport> reports) {
    this.receivers = List.copyOf(receivers);
    this.ingest = Objects.requireNonNull(ingest, "ingest");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.duplicates = new DuplicateFilter(duplicateWindow, settle, clock, this::offer);
    this.clockState = Objects.requireNonNull(clockState, "clockState");
    this.flushInterval = Objects.requireNonNull(flushInterval, "flushInterval");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.flusher = new Thread(this::flushLoop, "radio-collector");
    for (RadioReceiver receiver : this.receivers) {
      tallies.put(receiver.name(), new Tally());
    }
  }

  /** How each receiver has been doing, in the configuration's order. */
  List<ReceiverStatistics> statistics() {
    DuplicateFilter.Counts counts = duplicates.counts();
    List<ReceiverStatistics> statistics = new ArrayList<>();
    for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
      Tally tally = entry.getValue();
      long received = counts.receivedByReceiver().getOrDefault(entry.getKey(), 0L);
      long kept = counts.keptByReceiver().getOrDefault(entry.getKey(), 0L);
      statistics.add(
          new ReceiverStatistics(
              entry.getKey(),
              tally.state,
              tally.lostReason,
              tally.telegrams.get(),
              Math.max(0, received - kept),
              tally.badFrames.get(),
              tally.lastTelegram));
    }
    return statistics;
  }

  /** {@code events}, after counting what they say in the receivers' tallies. */
  private RadioReceiver.ReceiverEvents tallying(RadioReceiver.ReceiverEvents events) {
    return new RadioReceiver.ReceiverEvents() {
      @Override
      public void lost(String receiver, String reason) {
        Tally tally = tallies.get(receiver);
        if (tally != null) {
          tally.state = "open".equals(tally.state) ? "lost" : tally.state;
          tally.lostReason = reason;
        }
        events.lost(receiver, reason);
      }

      @Override
      public void recovered(String receiver) {
        Tally tally = tallies.get(receiver);
        if (tally != null) {
          tally.state = "open";
        }
        events.recovered(receiver);
      }

      @Override
      public void garbage(String receiver, int bytes) {
        Tally tally = tallies.get(receiver);
        if (tally != null) {
          tally.badFrames.incrementAndGet();
        }
        events.garbage(receiver, bytes);
      }
    };
  }

  /** How often a receiver that could not be opened is tried again. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

  private final List<RadioReceiver> failed = new ArrayList<>();
  private RadioReceiver.ReceiverEvents events = RadioReceiver.ReceiverEvents.NONE;
  private long lastRetryNanos;
  private Duration retryInterval = RETRY_INTERVAL;

  /**
   * Starts every receiver and the flushing thread. A receiver that cannot be opened (a stick not
   * plugged yet at boot, a pipe not created yet) is reported lost and tried again every {@link
   * #RETRY_INTERVAL}, without restarting the daemon; the others run meanwhile.
   */
  void start(RadioReceiver.ReceiverEvents events) {
    this.events = tallying(Objects.requireNonNull(events, "events"));
    for (RadioReceiver receiver : receivers) {
      if (!tryStart(receiver)) {
        events.lost(receiver.name(), "cannot open " + receiver.describe());
        tallies.get(receiver.name()).state = "not-opened";
        synchronized (failed) {
          failed.add(receiver);
        }
      }
    }
    lastRetryNanos = System.nanoTime();
    flusher.start();
  }

  /** Another retry interval than {@link #RETRY_INTERVAL}, before {@link #start}: for tests. */
  RadioCollector retryEvery(Duration interval) {
    this.retryInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  private boolean tryStart(RadioReceiver receiver) {
    Tally tally = tallies.get(receiver.name());
    try {
      receiver.start(
          frame -> {
            received.incrementAndGet();
            tally.telegrams.incrementAndGet();
            tally.lastTelegram = frame.receivedAt();
            duplicates.accept(frame);
          },
          events);
      tally.state = "open";
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "receiver {}: cannot open {}: {}", receiver.name(), receiver.describe(), e.getMessage());
      return false;
    }
  }

  /** Tries the receivers that could not be opened again, at most every {@link #RETRY_INTERVAL}. */
  private void retryFailed() {
    if (System.nanoTime() - lastRetryNanos < retryInterval.toNanos()) {
      return;
    }
    lastRetryNanos = System.nanoTime();
    synchronized (failed) {
      failed.removeIf(
          receiver -> {
            if (stopping || !tryStart(receiver)) {
              return false;
            }
            events.recovered(receiver.name());
            return true;
          });
    }
  }

  /**
   * How long the storing loop may go without beginning a round before it counts as stuck: a round
   * is the batch interval plus one batch's transaction, so twice the interval, and at least a
   * minute for a batch stored on a slow card.
   */
  Duration stallBound() {
    Duration twice = flushInterval.multipliedBy(2);
    return twice.compareTo(MIN_STALL_BOUND) > 0 ? twice : MIN_STALL_BOUND;
  }

  /** See {@link #stallBound()}. */
  static final Duration MIN_STALL_BOUND = Duration.ofMinutes(1);

  /** Whether the thread that stores the batches runs. */
  boolean storing() {
    return flusher.isAlive();
  }

  /** How long, as of {@code nowNanos}, since the storing loop began its last round. */
  Duration stalledFor(long nowNanos) {
    return Duration.ofNanos(Math.max(0, nowNanos - roundAtNanos));
  }

  private void offer(RadioFrame frame) {
    if (!queue.offer(frame)) {
      LOG.error("radio: queue full, telegram from {} dropped", frame.receiver());
    }
  }

  private void flushLoop() {
    try {
      while (!stopping) {
        roundAtNanos = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(flushInterval.toMillis());
        try {
          retryFailed();
          flush(false);
        } catch (RuntimeException e) {
          // a bug in one batch must not end radio reception: the frames are kept, the loop goes on
          LOG.error("radio: batch failed: {}", e.toString(), e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        flush(true);
      } catch (RuntimeException e) {
        LOG.error("radio: last batch failed: {}", e.toString(), e);
      }
    }
  }

  /**
   * Stores what the receivers delivered since the last batch, in one transaction.
   *
   * @param all also the copies still waiting for a better one (when stopping)
   * @return what was done, or null when there was nothing to store
   */
  synchronized BatchReport flush(boolean all) {
    if (all) {
      duplicates.flushAll();
    } else {
      duplicates.flushDue();
    }
    List<RadioFrame> kept = new ArrayList<>();
    queue.drainTo(kept);
    if (kept.isEmpty() && unsaved.isEmpty()) {
      return null; // copies heard meanwhile are counted with the batch that stores their telegram
    }
    int heard = received.getAndSet(0);
    List<ReceivedFrame> frames = new ArrayList<>(unsaved);
    unsaved.clear();
    for (RadioFrame frame : kept) {
      frames.add(
          new ReceivedFrame(
              frame.telegram(),
              frame.receivedAt(),
              frame.receiver(),
              frame.rssiDbm().orElse(null)));
    }
    BatchReport report;
    try {
      IngestResult result = ingest.ingest(frames, clockState.get());
      report =
          new BatchReport(
              clock.instant(),
              heard,
              kept.size(),
              result.readingsStored(),
              result.rejections().size(),
              null);
    } catch (RuntimeException e) { // StoreException, or a bug in one frame's decoding
      // nothing of the batch is stored: keep it all for the next one, the oldest dropped past the
      // cap
      int drop = Math.max(0, frames.size() - MAX_UNSAVED);
      if (drop > 0) {
        LOG.error("radio: {} oldest unsaved telegrams dropped", drop);
      }
      unsaved.addAll(frames.subList(drop, frames.size()));
      LOG.error(
          "radio: cannot store {} telegrams, kept for the next batch: {}",
          frames.size(),
          e.getMessage());
      report =
          new BatchReport(
              clock.instant(), heard, kept.size(), 0, 0, "cannot store: " + e.getMessage());
    }
    reports.accept(report);
    return report;
  }

  /** Stops the receivers, stores what they delivered, and stops the flushing thread. */
  @Override
  public void close() {
    stopping = true;
    for (RadioReceiver receiver : receivers) {
      try {
        receiver.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("receiver {}: closing failed: {}", receiver.name(), e.getMessage());
      }
    }
    flusher.interrupt();
    try {
      flusher.join(Daemon.STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
