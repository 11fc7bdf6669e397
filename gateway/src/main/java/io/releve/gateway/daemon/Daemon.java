package io.releve.gateway.daemon;

import io.releve.common.concurrent.Tickers;
import io.releve.gateway.alert.MeterHealth;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.RadioConfig;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.TelegramSession;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.radio.DuplicateFilter;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.radio.ReceiverFactory;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway daemon: one thread per configured bus, all polling in parallel, each storing its
 * cycles in the shared database. {@link #close()} is the orderly shutdown: every bus finishes the
 * meter it is reading, stores what its cycle read, and closes its port.
 */
public final class Daemon implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  /**
   * How long {@link #close()} waits for the buses. A meter readout is at most a few seconds even at
   * 300 baud with retries; systemd's own stop timeout (90 s by default) is longer.
   */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final List<BusPoller> pollers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, CycleReport> latest = new ConcurrentHashMap<>();
  private RadioCollector radio;
  private MeterHealth meterHealth;
  private ScheduledExecutorService silenceChecks;
  private Instant startedAt;
  private long startedNanos;

  /**
   * How often every watched meter's silence is judged even when no batch is stored (a bus down, a
   * stick unplugged); a stored batch judges it too.
   */
  static final Duration SILENCE_CHECK_INTERVAL = Duration.ofMinutes(5);

  /** How often the radio telegrams received are stored, in one transaction each time. */
  static final Duration RADIO_BATCH_INTERVAL = Duration.ofSeconds(10);

  /**
   * What the daemon needs, besides the configuration, to receive radio telegrams.
   *
   * @param receivers makes each configured receiver
   * @param keys the meters' keys
   * @param events told when a receiver is lost or recovered
   * @param batches told of every batch of radio telegrams stored (one line)
   * @param batchInterval how often the telegrams received are stored
   */
  public record Radio(
      ReceiverFactory receivers,
      KeyLookup keys,
      RadioReceiver.ReceiverEvents events,
      Consumer<String> batches,
      Duration batchInterval) {
    /** With the daemon's {@link #RADIO_BATCH_INTERVAL}. */
    public Radio(
        ReceiverFactory receivers,
        KeyLookup keys,
        RadioReceiver.ReceiverEvents events,
        Consumer<String> batches) {
      this(receivers, keys, events, batches, RADIO_BATCH_INTERVAL);
    }

    public Radio {
      Objects.requireNonNull(batchInterval, "batchInterval");
      Objects.requireNonNull(receivers, "receivers");
      Objects.requireNonNull(keys, "keys");
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(batches, "batches");
    }
  }

  private Daemon() {}

  /**
   * Starts polling every bus of {@code config}; the first cycles start at once.
   *
   * @param database open; the caller closes it after this daemon
   * @param clock the time readings are stamped with and cycles are scheduled by
   * @param clockState whether that clock can be trusted right now
   * @param listener told of every cycle of every bus, on the bus's thread
   */
  public static Daemon start(
      GatewayConfig config,
      Database database,
      BusConnector connector,
      Clock clock,
      Supplier<ClockState> clockState,
      Consumer<CycleReport> listener) {
    return start(config, database, connector, clock, clockState, listener, null);
  }

  /**
   * {@link #start(GatewayConfig, Database, BusConnector, Clock, Supplier, Consumer)} with the
   * configured radio receivers too, when {@code radio} is given: their telegrams, copies dropped,
   * are stored every {@link #RADIO_BATCH_INTERVAL} in one transaction, in the same tables.
   */
  public static Daemon start(
      GatewayConfig config,
      Database database,
      BusConnector connector,
      Clock clock,
      Supplier<ClockState> clockState,
      Consumer<CycleReport> listener,
      Radio radio) {
    Objects.requireNonNull(listener, "listener");
    Daemon daemon = new Daemon();
    daemon.startedAt = clock.instant();
    daemon.startedNanos = System.nanoTime();
    MeterHealth health = new MeterHealth(config.meterZone(), clock);
    daemon.meterHealth = health;
    FrameIngest ingest =
        new FrameIngest(
                new WiredFrameDecoder(),
                new ReadingStore(database),
                new Quarantine(database),
                config.meterZone())
            .withHealth(health);
    BusMeters meters = new BusMeters(database);
    for (BusConfig bus : config.buses()) {
      BusPoller poller =
          new BusPoller(
              bus,
              connector,
              meters,
              ingest,
              clock,
              clockState,
              report -> {
                daemon.latest.put(report.bus(), report);
                listener.accept(report);
              });
      Thread thread = new Thread(poller, "bus-" + bus.name());
      daemon.pollers.add(poller);
      daemon.threads.add(thread);
      LOG.info(
          "bus {}: {} meters on {} at {} baud, every {}",
          bus.name(),
          meters.onBus(bus.name()).size(),
          bus.where(),
          bus.baud(),
          bus.pollInterval());
    }
    // the receivers first: a receiver that cannot even be made (a bad setting) stops the start
    // before any bus thread runs
    if (radio != null && !config.radio().receivers().isEmpty()) {
      daemon.radio = startRadio(config, database, clock, clockState, radio, health);
    }
    daemon.threads.forEach(Thread::start);
    daemon.silenceChecks = startSilenceChecks(database, health);
    return daemon;
  }

  private static RadioCollector startRadio(
      GatewayConfig config,
      Database database,
      Clock clock,
      Supplier<ClockState> clockState,
      Radio radio,
      MeterHealth health) {
    List<RadioReceiver> receivers = new ArrayList<>();
    for (RadioConfig.Receiver receiver : config.radio().receivers()) {
      receivers.add(radio.receivers().open(receiver));
    }
    // one session for every receiver: a compact frame decodes after its meter's full frame, heard
    // by any of them; only the collector's thread decodes
    TelegramSession session = new TelegramSession(radio.keys());
    FrameIngest ingest =
        new FrameIngest(
                frame ->
                    session
                        .decode(frame.bytes(), null, TelegramSession.Kind.RADIO, frame.rssiDbm())
                        .frame(),
                new ReadingStore(database),
                new Quarantine(database),
                config.meterZone())
            .withHealth(health);
    Duration window = config.radio().duplicateWindow();
    Duration settle =
        window.compareTo(DuplicateFilter.DEFAULT_SETTLE) < 0
            ? window
            : DuplicateFilter.DEFAULT_SETTLE;
    RadioCollector collector =
        new RadioCollector(
            receivers,
            ingest,
            window,
            settle,
            clock,
            clockState,
            radio.batchInterval(),
            report -> radio.batches().accept(report.summary()));
    collector.start(radio.events());
    LOG.info("radio: {} receivers", receivers.size());
    return collector;
  }

  private static ScheduledExecutorService startSilenceChecks(
      Database database, MeterHealth health) {
    ScheduledExecutorService executor = Tickers.daemon("silence-checks");
    long every = SILENCE_CHECK_INTERVAL.toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            health.checkSilence(database);
          } catch (RuntimeException e) {
            // the next check, or the next stored batch, tries again
            LOG.warn("could not check which meters are not heard", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    return executor;
  }

  /** When it started, by its clock. */
  public Instant startedAt() {
    return startedAt;
  }

  /** How long it has been running, in real time. */
  public Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** How each configured bus has been doing, in the configuration's order. */
  public List<BusStatistics> busStatistics() {
    List<BusStatistics> statistics = new ArrayList<>();
    for (int i = 0; i < pollers.size(); i++) {
      statistics.add(pollers.get(i).statistics(threads.get(i).isAlive()));
    }
    return statistics;
  }

  /** How each configured radio receiver has been doing; empty without radio. */
  public List<ReceiverStatistics> receiverStatistics() {
    return radio == null ? List.of() : radio.statistics();
  }

  /**
   * Has {@code bus}'s own thread do {@code work}: at once when it waits for its next cycle, after
   * the meter it is reading during a cycle. This is how anything else talks through a bus's port,
   * which only that thread opens.
   *
   * @return completed with what the work returned; failed with the work's {@link
   *     java.io.IOException} (the port could not be opened or went away) or an {@link
   *     IllegalStateException} when the bus stops first. Cancelling it before the work starts skips
   *     the work.
   * @throws IllegalArgumentException when no bus has that name
   */
  public <T> CompletableFuture<T> onBus(String bus, BusWork<T> work) {
    return poller(bus).submit(work);
  }

  /**
   * Reads one meter of {@code bus} now, on the bus's thread, and stores its readings as a cycle
   * does; see {@link #onBus} for when it runs and how the future ends.
   *
   * @throws IllegalArgumentException when no bus has that name
   */
  public CompletableFuture<MeterReadout> readNow(String bus, BusMeter meter) {
    return poller(bus).readNow(meter);
  }

  /** The leak detection and meter health every bus and receiver stores through. */
  public MeterHealth meterHealth() {
    return meterHealth;
  }

  /**
   * Whether the daemon is really working: every bus's thread alive and its loop moved on within
   * {@link BusPoller#stallBound(BusConfig) twice its poll interval} (waiting for the next cycle is
   * moving on), and the radio telegrams' storing loop alive and turning. The status names what is
   * not, or says what is polled.
   */
  public DaemonHealth health() {
    long now = System.nanoTime();
    List<String> wrong = new ArrayList<>();
    int meters = 0;
    int answered = 0;
    for (int i = 0; i < pollers.size(); i++) {
      BusPoller poller = pollers.get(i);
      if (!threads.get(i).isAlive()) {
        wrong.add("bus " + poller.busName() + " stopped polling");
        continue;
      }
      Duration stalled = poller.stalledFor(now);
      if (stalled.compareTo(poller.stallBound()) > 0) {
        wrong.add(
            "bus "
                + poller.busName()
                + " stuck for "
                + stalled.toSeconds()
                + " s (limit "
                + poller.stallBound().toSeconds()
                + " s)");
      }
      CycleReport last = latest.get(poller.busName());
      if (last != null) {
        meters += last.meters();
        answered += last.answered();
      }
    }
    if (radio != null) {
      Duration stalled = radio.stalledFor(now);
      if (!radio.storing()) {
        wrong.add("radio collector stopped");
      } else if (stalled.compareTo(radio.stallBound()) > 0) {
        wrong.add("radio collector stuck for " + stalled.toSeconds() + " s");
      }
    }
    if (!wrong.isEmpty()) {
      return new DaemonHealth(false, String.join("; ", wrong));
    }
    int receivers = radio == null ? 0 : radio.statistics().size();
    return new DaemonHealth(
        true,
        "polling "
            + pollers.size()
            + (pollers.size() == 1 ? " bus" : " buses")
            + (latest.isEmpty() ? "" : ", " + answered + "/" + meters + " meters answered")
            + (receivers == 0 ? "" : ", " + receivers + " radio receivers"));
  }

  /** Whether {@code bus}'s thread still runs. */
  public boolean polling(String bus) {
    for (int i = 0; i < pollers.size(); i++) {
      if (pollers.get(i).busName().equals(bus)) {
        return threads.get(i).isAlive();
      }
    }
    return false;
  }

  private BusPoller poller(String bus) {
    for (BusPoller poller : pollers) {
      if (poller.busName().equals(bus)) {
        return poller;
      }
    }
    throw new IllegalArgumentException("No bus [" + bus + "] in this daemon.");
  }

  /** The last cycle of each bus that has finished one, by bus name. */
  public Map<String, CycleReport> latestCycles() {
    return Map.copyOf(latest);
  }

  /** The buses whose thread has ended (they only end when stopped or on a bug). */
  public java.util.Set<String> endedBuses() {
    java.util.Set<String> ended = new java.util.TreeSet<>();
    for (int i = 0; i < threads.size(); i++) {
      if (!threads.get(i).isAlive()) {
        ended.add(pollers.get(i).busName());
      }
    }
    return ended;
  }

  /** Whether every bus thread has ended (they only end when stopped or on a bug). */
  public boolean allStopped() {
    return threads.stream().noneMatch(Thread::isAlive);
  }

  /**
   * Stops every bus and waits up to {@link #STOP_TIMEOUT} for them to store their last cycle and
   * close their ports.
   */
  @Override
  public void close() {
    if (silenceChecks != null) {
      silenceChecks.shutdownNow();
    }
    if (radio != null) {
      radio.close();
    }
    pollers.forEach(BusPoller::stop);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        LOG.warn("{} did not stop within {}", thread.getName(), STOP_TIMEOUT);
      }
    }
  }
}
