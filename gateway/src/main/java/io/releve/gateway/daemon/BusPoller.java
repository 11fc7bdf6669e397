package io.releve.gateway.daemon;

import io.releve.gateway.config.BusConfig;
import io.releve.gateway.daemon.ClockWaiter.Wake;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.ingest.IngestResult;
import io.releve.gateway.ingest.ReceivedFrame;
import io.releve.gateway.link.LinkException;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.link.SecondaryAddress;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the meters of one bus, on its own thread, at every multiple of the bus's poll interval (the
 * first cycle at once). A cycle reads every meter the scans recorded and stores all their readings
 * in one transaction. A silent meter is reported and skipped; a port or connection that goes away
 * ends the cycle (what was read is still stored) and is reopened for the next one.
 */
final class BusPoller implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);

  /** How soon a bus whose port could not be opened is tried again, by the daemon's clock. */
  static final Duration RECONNECT_DELAY = Duration.ofSeconds(10);

  private final BusConfig bus;
  private final BusConnector connector;
  private final BusMeters meters;
  private final FrameIngest ingest;
  private final Clock clock;
  private final Supplier<ClockState> clockState;
  private final Consumer<CycleReport> reports;
  private final ClockWaiter waiter;

  /**
   * Telegrams kept in memory while the database cannot be written: a day of a full bus at the
   * default interval (250 meters × 2 telegrams × 96 cycles) is well under this.
   */
  static final int MAX_UNSAVED = 50_000;

  private final List<ReceivedFrame> unsaved = new ArrayList<>();
  private List<BusMeter> known = List.of();
  private volatile MBusMaster master;
  private volatile long cycles;

  /** Work asked of this bus by other threads, done between meters and between cycles. */
  private final LinkedBlockingQueue<Job<?>> jobs = new LinkedBlockingQueue<>();

  private volatile boolean ended;
  private volatile CycleReport lastCycle;
  private volatile int consecutiveFailures;
  private volatile long framesTotal;
  private volatile LinkTotals closedLinks = LinkTotals.ZERO;

  /**
   * When the loop last moved on (System.nanoTime): a cycle or a meter begun or ended, a store, a
   * job; the requests the link layer writes count too, through {@link #stalledFor(long)}.
   */
  private volatile long movedAtNanos = System.nanoTime();

  /** Whether the loop waits for its next cycle, which is no stall however long it lasts. */
  private volatile boolean waiting;

  /** The link requests last seen by {@link #stalledFor(long)}, and when they changed. */
  private long seenRequests = -1;

  private long seenRequestsAtNanos;

  private record Job<T>(BusWork<T> work, CompletableFuture<T> result) {
    void run(MBusMaster master) throws IOException {
      result.complete(work.run(master));
    }
  }

  BusPoller(
      BusConfig bus,
      BusConnector connector,
      BusMeters meters,
      FrameIngest ingest,
      Clock clock,
      Supplier<ClockState> clockState,
      Consumer<CycleReport> reports) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.ingest = Objects.requireNonNull(ingest, "ingest");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clockState = Objects.requireNonNull(clockState, "clockState");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.waiter = new ClockWaiter(clock);
  }

  String busName() {
    return bus.name();
  }

  /**
   * How long the loop may go without moving on before it counts as stuck: twice the poll interval.
   * Between two marks of progress lies at most one frame on the wire (9.6 s for the longest frame
   * at 300 baud), opening a port, or one cycle's store, well under the shortest configurable
   * interval (10 s) twice over; a cycle longer than its interval still marks progress at every
   * meter.
   */
  static Duration stallBound(BusConfig bus) {
    return bus.pollInterval().multipliedBy(2);
  }

  /** {@link #stallBound(BusConfig)} of this bus. */
  Duration stallBound() {
    return stallBound(bus);
  }

  /**
   * How long this bus's loop has gone without moving on, as of {@code nowNanos} (System.nanoTime):
   * zero while it waits for its next cycle; a request written by the link layer (a retry, a scan
   * step of a technician's job) counts as moving on. Any thread may ask.
   */
  synchronized Duration stalledFor(long nowNanos) {
    if (waiting) {
      return Duration.ZERO;
    }
    MBusMaster current = master;
    long requests = closedLinks.requests() + (current == null ? 0 : current.counters().requests());
    if (requests != seenRequests) {
      seenRequests = requests;
      seenRequestsAtNanos = nowNanos;
    }
    long last = Math.max(movedAtNanos, seenRequestsAtNanos);
    return Duration.ofNanos(Math.max(0, nowNanos - last));
  }

  private void moved() {
    movedAtNanos = System.nanoTime();
  }

  @Override
  public void run() {
    try {
      while (!waiter.stopped()) {
        CycleReport report = cycle();
        record(report);
        reports.accept(report);
        Instant next =
            report.failure() != null && master == null
                ? earliest(nextBoundary(), clock.instant().plus(RECONNECT_DELAY))
                : nextBoundary();
        if (!idleUntil(next)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A bug, not a fault of the bus or the store (those are handled per cycle): this bus's
      // thread ends, the others go on, and the log and the report say why.
      LOG.error("bus {}: polling stopped: {}", bus.name(), e.getMessage(), e);
      reports.accept(failed(clock.instant(), System.nanoTime(), List.of(), e.toString()));
    } finally {
      ended = true;
      refuseJobs();
      disconnect();
    }
  }

  /** Does the work asked meanwhile until {@code next}; false when stopped. */
  private boolean idleUntil(Instant next) throws InterruptedException {
    while (true) {
      Wake wake;
      waiting = true;
      try {
        wake = waiter.await(next);
      } finally {
        waiting = false;
        moved();
      }
      switch (wake) {
        case STOPPED:
          return false;
        case DUE:
          return true;
        case WOKEN:
          runJobs();
          break;
      }
    }
  }

  /**
   * Asks this bus's thread to do {@code work} as soon as it can: at once when it is waiting for the
   * next cycle, after the meter it is reading during a cycle. The future fails with an {@link
   * IOException} when the port cannot be opened or goes away, and with an {@link
   * IllegalStateException} when the bus stops first; cancelling it before the work starts skips it.
   */
  <T> CompletableFuture<T> submit(BusWork<T> work) {
    Job<T> job = new Job<>(Objects.requireNonNull(work, "work"), new CompletableFuture<>());
    jobs.add(job);
    if (ended || waiter.stopped()) {
      refuseJobs();
    } else {
      waiter.wake();
    }
    return job.result();
  }

  /** Does every job asked so far, on this bus's thread. */
  private void runJobs() {
    Job<?> job;
    while ((job = jobs.poll()) != null) {
      if (job.result().isDone()) {
        continue; // cancelled by its caller, who gave up waiting
      }
      if (waiter.stopped()) {
        job.result().completeExceptionally(stopping());
        continue;
      }
      moved();
      try {
        if (master == null) {
          master = connector.connect(bus);
        }
        job.run(master);
      } catch (IOException e) {
        LOG.warn("bus {}: {}: {}", bus.name(), bus.where(), e.getMessage());
        disconnect();
        job.result().completeExceptionally(e);
      } catch (RuntimeException e) {
        // the work's own bug or refusal: the bus goes on polling
        job.result().completeExceptionally(e);
      }
    }
  }

  private void refuseJobs() {
    Job<?> job;
    while ((job = jobs.poll()) != null) {
      job.result().completeExceptionally(stopping());
    }
  }

  private IllegalStateException stopping() {
    return new IllegalStateException("bus " + bus.name() + " is stopping");
  }

  /**
   * Reads {@code meter} on this bus's thread and stores its telegrams as a cycle does (with those
   * an earlier cycle could not store).
   */
  CompletableFuture<MeterReadout> readNow(BusMeter meter) {
    return submit(
        connected -> {
          Readout readout = read(connected, meter);
          Instant receivedAt = clock.instant();
          List<ReceivedFrame> frames = new ArrayList<>();
          for (byte[] telegram : readout.telegrams()) {
            frames.add(new ReceivedFrame(telegram, receivedAt, bus.name()));
          }
          try {
            return new MeterReadout(bus.name(), readout, receivedAt, store(frames), null);
          } catch (StoreException e) {
            LOG.error(
                "bus {}: cannot store the read of {} ({} telegrams kept for the next cycle): {}",
                bus.name(),
                meter.identity().key(),
                unsaved.size(),
                e.getMessage());
            return new MeterReadout(bus.name(), readout, receivedAt, null, e.getMessage());
          }
        });
  }

  /** How this bus has been doing; any thread may ask. */
  BusStatistics statistics(boolean polling) {
    MBusMaster current = master;
    LinkTotals link = closedLinks;
    if (current != null) {
      link = link.plus(current.counters());
    }
    return new BusStatistics(
        bus.name(),
        polling,
        current != null,
        cycles,
        lastCycle,
        consecutiveFailures,
        framesTotal,
        link);
  }

  private void record(CycleReport report) {
    lastCycle = report;
    framesTotal += report.frames();
    boolean failed = report.failure() != null || (report.meters() > 0 && report.answered() == 0);
    consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
  }

  /** Asks the thread to finish the meter it is reading, store the cycle and return. */
  void stop() {
    waiter.stop();
  }

  /** One cycle: connect if needed, read every meter, store everything in one transaction. */
  CycleReport cycle() {
    moved();
    cycles++;
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    List<BusMeter> toRead = meterList();
    if (master == null) {
      try {
        master = connector.connect(bus);
      } catch (IOException e) {
        LOG.warn("bus {}: cannot open {}: {}", bus.name(), bus.where(), e.getMessage());
        return failed(started, startNanos, toRead, e.getMessage());
      }
    }
    List<ReceivedFrame> frames = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    int capped = 0;
    String failure = null;
    for (BusMeter meter : toRead) {
      runJobs();
      if (master == null && failure == null) {
        // a job lost the connection: the cycle goes on once it is open again
        try {
          master = connector.connect(bus);
        } catch (IOException e) {
          failure = e.getMessage();
        }
      }
      if (waiter.stopped()) {
        failure = "the daemon is stopping";
        silent.add(meter.identity().key() + ": not read, the daemon is stopping");
        continue;
      }
      if (failure != null) {
        silent.add(meter.identity().key() + ": not read, " + failure);
        continue;
      }
      moved();
      try {
        Readout readout = read(master, meter);
        Instant receivedAt = clock.instant();
        for (byte[] telegram : readout.telegrams()) {
          frames.add(new ReceivedFrame(telegram, receivedAt, bus.name()));
        }
        capped += readout.capped() ? 1 : 0;
      } catch (LinkException e) {
        silent.add(meter.identity().key() + ": " + e.getMessage());
      } catch (IOException e) {
        failure = e.getMessage();
        silent.add(meter.identity().key() + ": " + e.getMessage());
        LOG.warn("bus {}: {} lost: {}", bus.name(), bus.where(), e.getMessage());
        disconnect();
      }
    }
    moved();
    IngestResult stored;
    try {
      stored = store(frames);
    } catch (StoreException e) {
      LOG.error(
          "bus {}: cannot store cycle {} ({} telegrams kept for the next cycle): {}",
          bus.name(),
          cycles,
          unsaved.size(),
          e.getMessage());
      failure = "cannot store: " + e.getMessage();
      stored = new IngestResult(java.util.Optional.empty(), 0, List.of());
    }
    moved();
    return new CycleReport(
        bus.name(),
        cycles,
        started,
        Duration.ofNanos(System.nanoTime() - startNanos),
        toRead.size(),
        silent,
        frames.size(),
        stored.readingsStored(),
        stored.rejections().size(),
        capped,
        failure);
  }

  /** The bus's meters; the last list read when the database cannot be read right now. */
  private List<BusMeter> meterList() {
    try {
      known = meters.onBus(bus.name());
    } catch (StoreException e) {
      LOG.error(
          "bus {}: cannot read its meter list, using the last one: {}", bus.name(), e.getMessage());
    }
    return known;
  }

  /**
   * Stores this cycle's telegrams with those an earlier cycle could not store. When the store
   * fails, all of them are kept for the next cycle, up to {@link #MAX_UNSAVED}.
   */
  private IngestResult store(List<ReceivedFrame> frames) {
    List<ReceivedFrame> all = new ArrayList<>(unsaved);
    all.addAll(frames);
    unsaved.clear();
    try {
      return ingest.ingest(all, clockState.get());
    } catch (StoreException e) {
      int drop = Math.max(0, all.size() - MAX_UNSAVED);
      if (drop > 0) {
        LOG.error("bus {}: {} oldest unsaved telegrams dropped", bus.name(), drop);
      }
      unsaved.addAll(all.subList(drop, all.size()));
      throw e;
    }
  }

  private static Readout read(MBusMaster master, BusMeter meter) throws IOException {
    return switch (meter.addressing()) {
      case PRIMARY -> master.readPrimary(meter.primaryAddress());
      case SECONDARY -> master.readSecondary(new SecondaryAddress(meter.identity()));
    };
  }

  private CycleReport failed(
      Instant started, long startNanos, List<BusMeter> toRead, String failure) {
    List<String> silent = new ArrayList<>();
    for (BusMeter meter : toRead) {
      silent.add(meter.identity().key() + ": not read, " + failure);
    }
    return new CycleReport(
        bus.name(),
        cycles,
        started,
        Duration.ofNanos(System.nanoTime() - startNanos),
        toRead.size(),
        silent,
        0,
        0,
        0,
        0,
        failure);
  }

  /** The first multiple of the poll interval (counted from the epoch) after now. */
  private Instant nextBoundary() {
    long interval = bus.pollInterval().toMillis();
    long now = clock.millis();
    return Instant.ofEpochMilli((now / interval + 1) * interval);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private void disconnect() {
    MBusMaster closing = master;
    if (closing != null) {
      master = null;
      closedLinks = closedLinks.plus(closing.counters());
      try {
        closing.close();
      } catch (IOException e) {
        LOG.warn("bus {}: closing {} failed: {}", bus.name(), bus.where(), e.getMessage());
      }
    }
  }
}
