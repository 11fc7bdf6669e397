package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.systemd.SystemdNotifier;
import io.releve.gateway.clock.GatewayClock;
import io.releve.gateway.clock.LinuxBootClock;
import io.releve.gateway.clock.TimesyncSource;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.BusConnector;
import io.releve.gateway.daemon.ClockWatch;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.daemon.DailyRetention;
import io.releve.gateway.daemon.SystemdWatchdog;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.gpio.GatewayStatus;
import io.releve.gateway.gpio.GpioHardware;
import io.releve.gateway.gpio.GpioPanel;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.radio.ReceiverFactory;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.sim.building.SimulationClock;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.ClockBases;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.PeriodicCheckpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve run}: the daemon. Polls every configured bus on its schedule, one thread per bus,
 * each cycle stored in one transaction, and prints a line per cycle. SIGTERM (systemd's stop) or
 * Ctrl-C stops it in order: each bus finishes the meter it is reading, stores its cycle and closes
 * its port; then the database is checkpointed and closed.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the gateway daemon: polls every configured bus on its schedule and stores the",
      "readings. One line per poll cycle on stdout. Stops in order on SIGTERM or Ctrl-C."
    })
public final class RunCommand implements Callable<Integer> {

  /** How often the WAL is copied back into the database file. */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofMinutes(5);

  /** A day of 15-minute cycles in under 10 s: faster, and cycles overlap their own schedule. */
  static final double MAX_CLOCK_SPEED = 10_000;

  @Mixin DatabaseOption database;

  @Option(
      names = "--cycles",
      paramLabel = "N",
      description = "Stop after N poll cycles of every bus (default: run until stopped).")
  Long cycles;

  /**
   * Hidden, for tests and demonstrations against the simulated building only: the daemon's clock
   * (poll schedule, reconnect delay and the readings' receive times) runs this many times faster
   * than real time, starting from now. Never on a real bus: readings would be stamped in the
   * future.
   */
  @Option(
      names = "--clock-speed",
      hidden = true,
      paramLabel = "FACTOR",
      defaultValue = "1",
      description = "Run the daemon's clock FACTOR times faster than real time (simulation only).")
  double clockSpeed;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final BusConnector connector;
  private final Clock clock;

  /** Whether this is the device's daemon: its clock is supervised and its GPIO driven. */
  private final boolean device;

  public RunCommand() {
    this(BusConnector.REAL, Clock.systemUTC(), true);
  }

  RunCommand(BusConnector connector, Clock clock) {
    this(connector, clock, false);
  }

  private RunCommand(BusConnector connector, Clock clock, boolean device) {
    this.connector = connector;
    this.clock = clock;
    this.device = device;
  }

  @Override
  public Integer call() throws Exception {
    if (cycles != null && cycles < 1) {
      throw new CliException(ExitCodes.USAGE, "--cycles must be at least 1, not " + cycles + ".");
    }
    if (!(clockSpeed >= 1 && clockSpeed <= MAX_CLOCK_SPEED)) {
      throw new CliException(
          ExitCodes.USAGE,
          "--clock-speed must lie between 1 and "
              + (long) MAX_CLOCK_SPEED
              + ", not "
              + clockSpeed
              + ".");
    }
    GatewayConfig config = database.config.load();
    if (config.buses().isEmpty() && config.radio().receivers().isEmpty()) {
      throw new CliException(
          ExitCodes.CONFIG,
          config.file()
              + " configures no bus and no radio receiver: add a bus.NAME.transport block, or a"
              + " stick.NAME or rtlwmbus.NAME block (see releve.conf).");
    }
    if (cycles != null && config.buses().isEmpty()) {
      throw new CliException(
          ExitCodes.USAGE, "--cycles counts the cycles of the buses, and no bus is configured.");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch stopped = new CountDownLatch(1);
    CycleWatch watch =
        new CycleWatch(
            out, err, config.buses().stream().map(BusConfig::name).collect(Collectors.toSet()));
    // on the device, every time the daemon stamps (readings, events, inventory changes, statuses)
    // comes from the supervised clock: anchored on the monotonic clock until synchronised (DESIGN
    // 3.5)
    GatewayClock deviceClock = device && clockSpeed == 1 ? deviceClock(err) : null;
    Clock realClock = deviceClock == null ? this.clock : deviceClock;
    Database db = Database.open(database.path(), realClock);
    ClockWatch clockWatch =
        deviceClock == null ? null : ClockWatch.open(deviceClock, new ClockBases(db));
    Clock runClock =
        clockSpeed == 1 ? realClock : SimulationClock.startingAt(this.clock.instant(), clockSpeed);
    Supplier<ClockState> clockState =
        deviceClock == null ? () -> ClockState.SYNCHRONISED : deviceClock::state;
    // the M-Bus level converter is powered before the buses start
    AtomicReference<Daemon> daemonRef = new AtomicReference<>();
    AtomicReference<Delivery> deliveryRef = new AtomicReference<>();
    GpioPanel gpio =
        device
            ? GpioPanel.open(
                config.gpio(),
                GpioHardware.GPIOD,
                () -> gatewayStatus(daemonRef.get(), deliveryRef.get(), db),
                () -> {
                  Delivery d = deliveryRef.get();
                  if (d != null) {
                    d.reannounce();
                  }
                })
            : GpioPanel.none();
    PeriodicCheckpoint checkpoint =
        new PeriodicCheckpoint(db, CHECKPOINT_INTERVAL, e -> err.println(e.getMessage()));
    DailyRetention retention = new DailyRetention(db, config.retention(), runClock);
    Daemon daemon =
        Daemon.start(
            config, db, connector, runClock, clockState, watch, radio(config, runClock, out, err));
    Delivery delivery = Delivery.start(config, db, realClock, runClock, daemon);
    daemonRef.set(daemon);
    deliveryRef.set(delivery);
    gpio.startTicking();
    if (clockWatch != null) {
      clockWatch.guardedBy(daemon.meterHealth()::switchClock).startWatching();
    }
    List<AutoCloseable> deviceParts =
        clockWatch == null ? List.of(gpio) : List.of(gpio, clockWatch);
    out.println(
        "releve "
            + config.gatewayId()
            + ": polling "
            + config.buses().size()
            + " buses and "
            + config.radio().receivers().size()
            + " radio receivers into "
            + db.file()
            + delivery.describe()
            + " (stop with Ctrl-C or SIGTERM)");
    out.flush();
    // READY=1 now that the database is open and every bus has started; then watchdog pings only
    // while every bus's loop is alive and moving (Daemon.health)
    SystemdWatchdog watchdog = new SystemdWatchdog(notifier(err), daemon::health);
    Thread hook =
        new Thread(
            () -> {
              watchdog.stopping();
              shutDown(daemon, deviceParts, delivery, checkpoint, retention, db);
              watchdog.close();
              stopped.countDown();
            },
            "releve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    watchdog.start();
    if (cycles == null) {
      stopped.await();
      return ExitCodes.OK;
    }
    List<String> endedEarly = watch.await(cycles, daemon, () -> stopped.getCount() == 0);
    if (stopped.getCount() == 0) {
      return ExitCodes.OK; // SIGTERM came first: the hook has stopped everything
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    watchdog.stopping();
    shutDown(daemon, deviceParts, delivery, checkpoint, retention, db);
    watchdog.close();
    if (!endedEarly.isEmpty()) {
      err.println(
          "releve: bus "
              + String.join(", ", endedEarly)
              + " stopped before "
              + cycles
              + " cycles; see the log.");
      err.flush();
      return ExitCodes.FAILURE;
    }
    out.println("releve: stopped after " + cycles + " cycles of every bus.");
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * What the daemon needs for the configured radio receivers: the key store (a file more open than
   * 0640 stops the start, exit 78), lost and recovered receivers on stderr, batches on stdout.
   */
  private Daemon.Radio radio(GatewayConfig config, Clock runClock, PrintWriter out, PrintWriter err)
      throws Exception {
    if (config.radio().receivers().isEmpty()) {
      return null;
    }
    KeyStore keys;
    try {
      keys =
          KeyStore.open(
              config.keys().path(),
              config.keys().group(),
              notice -> printLine(err, "releve: warning: " + notice));
    } catch (KeyStore.KeyFileException e) {
      throw KeysCommand.failure(spec, e);
    }
    RadioReceiver.ReceiverEvents events =
        new RadioReceiver.ReceiverEvents() {
          @Override
          public void lost(String receiver, String reason) {
            printLine(err, "releve: receiver " + receiver + " lost: " + reason);
          }

          @Override
          public void recovered(String receiver) {
            printLine(err, "releve: receiver " + receiver + " back");
          }
        };
    return new Daemon.Radio(
        ReceiverFactory.standard(runClock), keys, events, line -> printLine(out, line));
  }

  /**
   * systemd's notify socket from the environment; a malformed {@code NOTIFY_SOCKET} or {@code
   * WATCHDOG_USEC} is reported and ignored (systemd itself never sets one).
   */
  private static SystemdNotifier notifier(PrintWriter err) {
    try {
      return SystemdNotifier.fromEnvironment();
    } catch (IllegalArgumentException e) {
      printLine(err, "releve: warning: " + e.getMessage() + " Not telling systemd.");
      return SystemdNotifier.from(Map.of(), ProcessHandle.current().pid());
    }
  }

  private static synchronized void printLine(PrintWriter to, String line) {
    to.println(line);
    to.flush();
  }

  /**
   * The supervised clock of the device, or null when this machine cannot give a boot-relative
   * monotonic time (not Linux): the system clock is then trusted, as on any server.
   */
  private static GatewayClock deviceClock(PrintWriter err) {
    try {
      return GatewayClock.start(Clock.systemUTC(), LinuxBootClock.open(), new TimesyncSource());
    } catch (IOException e) {
      printLine(
          err,
          "releve: warning: no monotonic clock since boot ("
              + e.getMessage()
              + "); the system clock is trusted as it is.");
      return null;
    }
  }

  /** What the status LED shows; all well until the daemon runs. */
  private static GatewayStatus gatewayStatus(Daemon daemon, Delivery delivery, Database db) {
    boolean polling = daemon == null || daemon.health().healthy();
    boolean uplinkDown = delivery != null && delivery.uplinkDown();
    return new GatewayStatus(polling, uplinkDown, Alerts.anyActive(db));
  }

  /** Stops the daemon first, then the bus power and the LED, then the rest. */
  private static void shutDown(
      Daemon daemon,
      List<AutoCloseable> device,
      Delivery delivery,
      PeriodicCheckpoint checkpoint,
      DailyRetention retention,
      Database db) {
    daemon.close();
    for (AutoCloseable part : device) {
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("releve: " + e.getMessage());
      }
    }
    delivery.close();
    retention.close();
    checkpoint.close();
    db.checkpoint();
    db.close();
  }
}
