package io.releve.gateway.daemon;

import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
    Objects.requireNonNull(listener, "listener");
    Daemon daemon = new Daemon();
    FrameIngest ingest =
        new FrameIngest(
            new WiredFrameDecoder(),
            new ReadingStore(database),
            new Quarantine(database),
            config.meterZone());
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
    daemon.threads.forEach(Thread::start);
    return daemon;
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
