package io.releve.gateway.bench;

import io.releve.gateway.sim.building.Building;
import io.releve.gateway.sim.building.SimulatedBuilding;
import io.releve.gateway.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The whole daemon's memory and start-up (DESIGN §9: at most 96 MB RSS with 500 meters and a week
 * of backlog, with the JVM flags the package ships; at most 2 s from start to first poll). In a
 * temp folder: the simulated building's wired buses served on local TCP ports ({@link
 * FootprintBuilding}), a gateway database holding its meters and a week of their readings, none
 * acknowledged, and a Mosquitto of its own ({@link LocalMosquitto}). Then the real daemon starts as
 * a child JVM with {@link ShippedFlags} and, from a checkout, the package's logging configuration
 * ({@link DaemonProcess}), polls every bus every 10 s, and its uplink connects to that broker and
 * publishes the backlog. No bridge answers, so nothing is acknowledged: the uplink keeps its window
 * of batches in flight and sends them again after its ack timeout, and the backlog stays a week
 * long throughout, the heaviest the uplink gets.
 *
 * <p>Start to first poll runs from spawning the JVM to the first request on any simulated bus, seen
 * by the slaves: configuration read, database opened with its backlog, uplink and buses started,
 * port connected. After {@link Settings#cycles()} cycles of every bus, the daemon's peak resident
 * set ({@code VmHWM} of /proc) is read, and SIGTERM must stop it cleanly.
 */
public final class FootprintBenchmark {

  /** DESIGN §9. */
  public static final int TARGET_RSS_MB = 96;

  /** DESIGN §9. */
  public static final Duration TARGET_FIRST_POLL = Duration.ofSeconds(2);

  /** The shortest poll interval the daemon takes: its buses poll back to back. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

  /** The daemon's shutdown: each bus finishes its meter and stores its cycle (the unit's 60 s). */
  static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private static final long WATCH_MILLIS = 2;

  /**
   * @param meters about this many meters (the building is made of five-meter dwellings and a heat
   *     meter)
   * @param days days of backlog, at least 1
   * @param cycles poll cycles of every bus before the memory is read, at least 1
   * @param timeout the longest the daemon may take to get there
   * @param keep whether to keep the temp folder (database, configurations, logs)
   */
  public record Settings(int meters, int days, long cycles, Duration timeout, boolean keep) {
    public Settings {
      Objects.requireNonNull(timeout, "timeout");
      if (meters < 1 || days < 1 || cycles < 1) {
        throw new IllegalArgumentException(
            "Meters, days and cycles must be at least 1: " + List.of(meters, days, cycles) + ".");
      }
    }
  }

  private final Settings settings;

  public FootprintBenchmark(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the benchmark; the daemon, the broker and the buses are stopped whatever happens.
   *
   * @param progress one line per step, for the user's console
   * @throws MissingPieceException when Mosquitto is not installed
   * @throws FootprintFailedException when the daemon fails to start, to poll or to stop cleanly
   */
  public FootprintResult run(Consumer<String> progress) {
    Path folder;
    try {
      folder = Files.createTempDirectory("releve-footprint-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the benchmark's temp folder", e);
    }
    try {
      return run(folder, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("Footprint benchmark in " + folder + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FootprintFailedException("Interrupted", e);
    } finally {
      if (settings.keep()) {
        progress.accept("kept " + folder);
      } else {
        BenchFiles.deleteTree(folder);
      }
    }
  }

  private FootprintResult run(Path folder, Consumer<String> progress)
      throws IOException, InterruptedException {
    Instant now = Instant.now();
    Building building = FootprintBuilding.of(settings.meters(), now);
    FootprintBuilding.Backlog backlog;
    try (Database database = Database.open(folder.resolve("gateway.db"), Clock.systemUTC())) {
      backlog = FootprintBuilding.prepare(building, database, settings.days(), now);
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "stored %d readings (%d meters, %d days every 15 minutes) in %.1f s, not measured",
            backlog.readings(),
            backlog.meters(),
            settings.days(),
            backlog.elapsed().toNanos() / 1e9));
    try (SimulatedBuilding buses =
            SimulatedBuilding.start(building, Clock.systemUTC(), SimulatedBuilding.Line.TCP);
        LocalMosquitto broker = LocalMosquitto.start(folder)) {
      Path config = folder.resolve("releve.conf");
      Files.writeString(config, configText(buses, broker.uri()), StandardCharsets.UTF_8);
      List<String> command =
          DaemonProcess.command(
              ShippedFlags.GATEWAY, DaemonProcess.packagedLogback(System.getenv()), config);
      progress.accept(
          buses.buses().size()
              + " buses served on 127.0.0.1, Mosquitto on "
              + broker.uri()
              + "; starting the daemon: "
              + String.join(" ", command));
      try (DaemonProcess daemon = DaemonProcess.start(command, folder)) {
        return measure(buses, daemon, backlog, progress);
      }
    }
  }

  /** The daemon's configuration: the building's buses every 10 s, the database, the broker. */
  static String configText(SimulatedBuilding buses, String brokerUri) {
    StringBuilder text = new StringBuilder();
    text.append("# releve bench footprint: removed with the benchmark's folder\n");
    text.append("gateway.id = bench-footprint\n");
    text.append("database.path = gateway.db\n");
    text.append("meters.timezone = ").append(buses.building().meterZone().getId()).append('\n');
    text.append("mqtt.uri = ").append(brokerUri).append('\n');
    for (SimulatedBuilding.RunningBus bus : buses.buses()) {
      text.append(bus.configBlock());
      text.append("bus.")
          .append(bus.name())
          .append(".poll-interval = ")
          .append(POLL_INTERVAL.toSeconds())
          .append("s\n");
    }
    return text.toString();
  }

  private FootprintResult measure(
      SimulatedBuilding buses,
      DaemonProcess daemon,
      FootprintBuilding.Backlog backlog,
      Consumer<String> progress)
      throws InterruptedException {
    List<String> names = buses.buses().stream().map(SimulatedBuilding.RunningBus::name).toList();
    long deadline = daemon.spawnedNanos() + settings.timeout().toNanos();
    long firstPoll = -1;
    while (true) {
      long now = System.nanoTime();
      if (firstPoll < 0 && requests(buses) > 0) {
        firstPoll = now - daemon.spawnedNanos();
        progress.accept(String.format(Locale.ROOT, "first poll after %.3f s", firstPoll / 1e9));
      }
      daemon.checkStdout();
      if (names.stream().allMatch(bus -> daemon.cyclesDone(bus) >= settings.cycles())) {
        break;
      }
      if (!daemon.alive()) {
        throw new FootprintFailedException(
            "The daemon ended before "
                + settings.cycles()
                + " cycles of every bus"
                + daemon.stderrTail());
      }
      if (now > deadline) {
        throw new FootprintFailedException(
            "The daemon did not do "
                + settings.cycles()
                + " cycles of every bus within "
                + settings.timeout().toSeconds()
                + " s"
                + daemon.stderrTail());
      }
      Thread.sleep(firstPoll < 0 ? WATCH_MILLIS : 100);
    }
    DaemonProcess.Memory memory = daemon.memory();
    int answered = daemon.answeredInLastCycles();
    progress.accept(
        String.format(
            Locale.ROOT,
            "%d cycles of every bus done; peak RSS %.1f MB; stopping the daemon (SIGTERM)",
            settings.cycles(),
            memory.peakKb() / FootprintResult.KB_PER_MB));
    int exit = daemon.stop(STOP_GRACE);
    if (exit != 0 && exit != DaemonProcess.EXIT_ON_SIGTERM) {
      throw new FootprintFailedException(
          "The daemon exited " + exit + " on SIGTERM" + daemon.stderrTail());
    }
    return new FootprintResult(
        backlog.meters(),
        names.size(),
        settings.days(),
        backlog.readings(),
        backlog.elapsed().toNanos(),
        settings.cycles(),
        answered,
        firstPoll,
        daemon.firstCycleNanos().orElseThrow(),
        daemon.everyBusCycledNanos(names).orElseThrow(),
        memory.peakKb(),
        memory.currentKb(),
        exit);
  }

  private static long requests(SimulatedBuilding buses) {
    long requests = 0;
    for (SimulatedBuilding.RunningBus bus : buses.buses()) {
      requests += bus.bus().accounting().requests();
    }
    return requests;
  }
}
