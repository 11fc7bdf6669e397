package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.text.TextTable;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.Durations;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.SimulatedBuildingFile;
import io.releve.gateway.daemon.BusConnector;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.demo.CloudSide;
import io.releve.gateway.demo.CloudSideException;
import io.releve.gateway.demo.LandlordFiles;
import io.releve.gateway.demo.MailWatch;
import io.releve.gateway.demo.TryIt;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.Value;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.sim.building.SimulatedBuilding;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredAlert;
import io.releve.gateway.store.StoredReading;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve demo}: the gateway on the simulated building, without hardware. Installs the
 * building's meters, backfills history on the first start, serves the building's wired buses as
 * virtual M-Bus slaves on local TCP ports, and runs the real daemon on them (our link layer, one
 * thread per bus, one transaction per cycle) until Ctrl-C. A second start reuses the data; {@code
 * --reset} starts afresh.
 *
 * <p>Given the cloud's class path ({@code ./releve demo} sets {@code $RELEVE_CLOUD_CLASSPATH}), it
 * first starts the cloud side as a child process ({@link CloudSide}: embedded broker, bridge and
 * portal), imports the building's landlord files into the portal, delivers the gateway's outbox to
 * that broker, prints the enrolment details to try and the links of the mails the portal writes;
 * Ctrl-C stops the gateway, then the cloud.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the gateway on the simulated building (config/simulated-building.conf):",
      "installs its meters, backfills history on the first start, serves its wired",
      "buses on local TCP ports and polls them with the real daemon until Ctrl-C.",
      "Data in var/demo (--reset: afresh). With the cloud's jars (./releve demo sets",
      "$RELEVE_CLOUD_CLASSPATH), also runs the embedded broker, the bridge and the",
      "portal (http://localhost:8080), delivers the readings to them, and prints the",
      "enrolment details to try and the links of the portal's mails."
    },
    subcommands = {DemoFramesCommand.class})
public final class DemoCommand implements Callable<Integer> {

  static final Path DEFAULT_DATA = Path.of("var", "demo");

  @Mixin BuildingOption building;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where the demo keeps its database and configuration (default: var/demo).")
  Path data;

  @Option(names = "--reset", description = "Delete the demo's data first.")
  boolean reset;

  @Option(
      names = "--history-days",
      paramLabel = "N",
      description = "Days of hourly history backfilled on the first start, 0 to 400 (default 14).")
  int historyDays = 14;

  @Option(
      names = "--history-months",
      paramLabel = "N",
      description = {
        "Months of daily history backfilled before the hourly days on the first start, 0 to 36",
        "(default 13 with the cloud, 0 without)."
      })
  Integer historyMonths;

  /** Set by {@code ./releve demo} to the cloud's jars (the bridge's and the portal's). */
  static final String CLOUD_CLASSPATH = "RELEVE_CLOUD_CLASSPATH";

  @Option(
      names = "--cloud-classpath",
      paramLabel = "PATH",
      description = {
        "The cloud's jars, to run the broker, the bridge and the portal beside the gateway",
        "(default: $" + CLOUD_CLASSPATH + ", which ./releve demo sets)."
      })
  String cloudClasspath;

  @Option(
      names = "--gateway-only",
      description = "Runs the gateway alone, without the cloud side even when its jars are known.")
  boolean gatewayOnly;

  @Option(
      names = "--portal-port",
      paramLabel = "PORT",
      description = "The portal's port on 127.0.0.1 (default 8080).")
  int portalPort = 8080;

  @Option(
      names = "--broker-port",
      paramLabel = "PORT",
      description = "The embedded MQTT broker's port on 127.0.0.1 (default 1883).")
  int brokerPort = 1883;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = DurationArgument.class,
      description = "Time between two poll cycles of a bus, 10s or more (default 1m).")
  Duration pollInterval = Duration.ofMinutes(1);

  @Option(
      names = "--cycles",
      paramLabel = "N",
      description = "Stop after N poll cycles of every bus (default: run until Ctrl-C).")
  Long cycles;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** How long Ctrl-C waits for the last cycles to be stored and the database closed. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Clock clock = Clock.systemUTC();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private final CountDownLatch firstRadioBatch = new CountDownLatch(1);

  /**
   * The file in the data folder that keeps when the demo first started: a later start builds the
   * building as started then, so that its leaks keep their start and the indexes go on from the
   * stored history instead of stepping back.
   */
  static final String STARTED_FILE = "building-started";

  /** The demo stores its radio telegrams every 2 s, so that they show soon. */
  static final Duration RADIO_BATCH_INTERVAL = Duration.ofSeconds(2);

  @Override
  public Integer call() throws Exception {
    DurationArgument.checkPollInterval(pollInterval);
    if (historyDays < 0 || historyDays > 400) {
      throw new CliException(ExitCodes.USAGE, "--history-days must lie between 0 and 400.");
    }
    if (cycles != null && cycles < 1) {
      throw new CliException(ExitCodes.USAGE, "--cycles must be at least 1, not " + cycles + ".");
    }
    checkPort("--portal-port", portalPort);
    checkPort("--broker-port", brokerPort);
    // validated before --reset deletes anything
    SimulatedBuildingFile description = building.description();
    Path folder = data != null ? data : defaultData();
    CloudSide.Setup cloudSetup = cloudSetup(folder);
    int months = historyMonths != null ? historyMonths : cloudSetup == null ? 0 : 13;
    if (months < 0 || months > 36) {
      throw new CliException(ExitCodes.USAGE, "--history-months must lie between 0 and 36.");
    }
    if (reset) {
      deleteData(folder);
    }
    Files.createDirectories(folder);
    Building loaded = Building.startedAt(description, firstStarted(folder));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.printf(
        "Relevé demo: simulated building %s, %d meters on %d wired buses%n",
        loaded.site(), loaded.meters().size(), loaded.plans().size());

    MailWatch mails = null;
    CloudSide cloud = null;
    if (cloudSetup != null) {
      mails = new MailWatch(cloudSetup.mailFolder(), line -> printLine(out, line));
      out.printf(
          "cloud      starting the embedded broker (port %d), the bridge and the portal (log in"
              + " %s)%n",
          brokerPort, cloudSetup.folder().resolve("cloud.log"));
      out.flush();
      try {
        cloud = CloudSide.start(cloudSetup, LandlordFiles.of(loaded));
      } catch (CloudSideException e) {
        mails.close();
        throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
      }
      out.printf("cloud      portal at %s%n", cloudSetup.portalUrl());
    }

    Database db = Database.open(folder.resolve("releve.db"), clock);
    SimulatedBuilding running = null;
    Daemon daemon = null;
    Delivery delivery = null;
    DemoRadio radio = null;
    List<String> endedEarly = List.of();
    // Ctrl-C: the hook asks the main thread to stop and waits for it to store and close
    Thread hook =
        new Thread(
            () -> {
              interrupted.set(true);
              stopRequested.countDown();
              try {
                cleanedUp.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "releve-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.printf("database   %s (epoch %s)%n", db.file(), db.epoch());
      int installed = BuildingOption.installMissing(new Inventory(db), loaded.installation());
      out.printf(
          "meters     %d installed now, %d from an earlier run%n",
          installed, loaded.installation().size() - installed);
      // the inventory is in the outbox before the history: once the bridge has it, the portal knows
      // the meters' serials, which the enrolment asks for
      long inventoryUpTo = new Outbox(db).state().nextSeq() - 1;
      new DemoHistory(clock, () -> stopRequested.getCount() == 0)
          .backfillOnFirstStart(loaded, db, months, historyDays, out, err);
      printLeaks(loaded, out);

      running = SimulatedBuilding.start(loaded, clock, SimulatedBuilding.Line.TCP);
      // the demo's keys belong to whoever runs it: the group of its own data folder
      String group =
          Files.readAttributes(folder, java.nio.file.attribute.PosixFileAttributes.class)
              .group()
              .getName();
      KeyStore keys =
          KeyStore.open(
              folder.resolve("keys"),
              group,
              notice -> {
                err.println("releve: warning: " + notice);
                err.flush();
              });
      radio = DemoRadio.start(loaded, clock, keys);
      int recorded = recordBusMeters(loaded, db);
      GatewayConfig config = writeConfig(loaded, running, folder, cloudSetup);
      out.printf(
          "buses      %d meters recorded for polling by primary address (a real installation"
              + " finds them with 'releve scan')%n",
          recorded);
      SimulatedBuses.printTable(out, running, "SIMULATED SLAVES AT");
      out.printf(
          "radio      %d radio water meters (in clear, security modes 5 and 7; keys in %s) on a"
              + " simulated iM871A stick at %s, read by the real driver%n",
          radio.meterCount(), folder.resolve("keys"), radio.where());
      out.printf(
          "gateway    polling every %s with %s; Ctrl-C stops%n",
          Durations.describe(pollInterval), config.file());
      out.flush();

      CycleWatch watch =
          new CycleWatch(
              out, err, config.buses().stream().map(BusConfig::name).collect(Collectors.toSet()));
      Daemon.Radio receiving =
          new Daemon.Radio(
              radio.receivers(clock),
              keys,
              new io.releve.gateway.radio.RadioReceiver.ReceiverEvents() {
                @Override
                public void lost(String receiver, String reason) {
                  watch.print(
                      () -> err.println("releve: receiver " + receiver + " lost: " + reason));
                }

                @Override
                public void recovered(String receiver) {
                  watch.print(() -> err.println("releve: receiver " + receiver + " back"));
                }
              },
              line -> {
                watch.print(
                    () -> {
                      out.println(line);
                      out.flush();
                    });
                firstRadioBatch.countDown();
              },
              RADIO_BATCH_INTERVAL);
      daemon =
          Daemon.start(
              config,
              db,
              BusConnector.REAL,
              clock,
              () -> ClockState.SYNCHRONISED,
              watch,
              receiving);
      if (cloudSetup != null) {
        delivery = Delivery.start(config, db, clock, clock, daemon);
        out.printf("uplink     delivering the outbox to %s%n", cloudSetup.brokerUri());
        out.flush();
        awaitInventory(db, inventoryUpTo, out);
        printTryIt(loaded, db, cloudSetup, out);
        mails.start();
      }
      radio.transmitAll();
      endedEarly = watchCycles(loaded, db, watch, daemon, out);
    } finally {
      try {
        // the gateway first, so that it stops sending before the broker goes
        closeInOrder(daemon, delivery, radio, running, db::checkpoint, db, cloud, mails);
      } finally {
        cleanedUp.countDown();
        if (!interrupted.get()) {
          Runtime.getRuntime().removeShutdownHook(hook);
        }
      }
    }
    if (!endedEarly.isEmpty()) {
      err.println("releve: bus " + String.join(", ", endedEarly) + " stopped early; see the log.");
      err.flush();
      return ExitCodes.FAILURE;
    }
    out.println();
    out.println("Next: ./releve readings --database " + db.file() + " --site " + loaded.site());
    out.println("      ./releve alerts --database " + db.file());
    out.println("      ./releve simulate serve --gateway-config var/sim/releve.conf");
    out.println("      ./releve scan --config var/sim/releve.conf --bus boiler-room");
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Waits for the first round of cycles and prints the cold-water table, then waits for {@link
   * #cycles} rounds, or for Ctrl-C without them.
   *
   * @return the buses that stopped before
   */
  private List<String> watchCycles(
      Building loaded, Database db, CycleWatch watch, Daemon daemon, PrintWriter out)
      throws InterruptedException {
    BooleanSupplier stop = () -> stopRequested.getCount() == 0;
    List<String> endedEarly = new ArrayList<>(watch.await(1, daemon, stop));
    if (!stop.getAsBoolean()) {
      watch.print(
          () -> {
            printColdWater(loaded, new ReadingStore(db), out);
            printAlerts(db, out);
          });
    }
    if (cycles == null) {
      stopRequested.await();
      return List.of();
    }
    // the radio meters all sent at start: with --cycles, show their first batch before stopping
    for (int i = 0; i < 100 && firstRadioBatch.getCount() > 0 && !stop.getAsBoolean(); i++) {
      firstRadioBatch.await(200, TimeUnit.MILLISECONDS);
    }
    for (String bus : watch.await(cycles, daemon, stop)) {
      if (!endedEarly.contains(bus)) {
        endedEarly.add(bus);
      }
    }
    return endedEarly;
  }

  /** Closes each in turn, even when one fails; the first failure is thrown, the others added. */
  private static void closeInOrder(AutoCloseable... closeables) throws Exception {
    Exception first = null;
    for (AutoCloseable closeable : closeables) {
      if (closeable == null) {
        continue;
      }
      try {
        closeable.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * What to try on the portal, with a move-in date on the first day of the stored history (in the
   * site's zone), so that the resident's dashboard shows all of it.
   */
  private static void printTryIt(
      Building loaded, Database db, CloudSide.Setup setup, PrintWriter out) {
    List<StoredReading> first = new ReadingStore(db).find(ReadingFilter.all().limit(1));
    LocalDate moveIn =
        first.isEmpty()
            ? LocalDate.now(loaded.meterZone())
            : LocalDate.ofInstant(first.get(0).reading().receivedAt(), loaded.meterZone());
    for (String line : TryIt.lines(loaded, setup.portalUrl(), moveIn, setup.mailFolder())) {
      out.println(line);
    }
    out.println();
    out.flush();
  }

  /** How long the start waits for the bridge to acknowledge the inventory. */
  static final Duration INVENTORY_WAIT = Duration.ofSeconds(30);

  /**
   * Waits until the bridge has acknowledged the outbox up to {@code upTo} (the inventory), so that
   * the serials printed next are known to the portal when the newcomer types them.
   */
  private void awaitInventory(Database db, long upTo, PrintWriter out) throws InterruptedException {
    Outbox outbox = new Outbox(db);
    long deadline = System.nanoTime() + INVENTORY_WAIT.toNanos();
    while (outbox.ackedSeq() < upTo && System.nanoTime() < deadline) {
      if (stopRequested.await(200, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
    out.println(
        outbox.ackedSeq() >= upTo
            ? "registry   the portal knows the building's meters; the history follows"
            : "registry   the bridge has not acknowledged the meters yet: give it a moment before"
                + " enrolling");
  }

  private static void printLine(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  /** The cloud side's setup, or null for the gateway alone. */
  private CloudSide.Setup cloudSetup(Path folder) {
    String classpath = cloudClasspath != null ? cloudClasspath : System.getenv(CLOUD_CLASSPATH);
    if (gatewayOnly || classpath == null || classpath.isBlank()) {
      return null;
    }
    return new CloudSide.Setup(
        classpath, folder.resolve("cloud"), folder.resolve("mail"), brokerPort, portalPort);
  }

  private static void checkPort(String option, int port) {
    if (port < 1 || port > 65_535) {
      throw new CliException(
          ExitCodes.USAGE, option + " must lie between 1 and 65535, not " + port + ".");
    }
  }

  /** Where the simulated leaks are and since when, to compare with what the gateway finds. */
  private static void printLeaks(Building loaded, PrintWriter out) {
    long wc = Building.LEAKING_WC_MILLILITRES_PER_HOUR / 1000;
    long tap = Building.DRIPPING_TAP_MILLILITRES_PER_HOUR / 1000;
    List<String> leaks = new ArrayList<>();
    loaded.description().leakingWc().ifPresent(d -> leaks.add(d + " (WC, " + wc + " L/h)"));
    loaded.description().drippingTap().ifPresent(d -> leaks.add(d + " (tap, " + tap + " L/h)"));
    if (!leaks.isEmpty()) {
      out.printf(
          "leaks      %s since %s %s%n",
          String.join(" and ", leaks),
          LocalDateTime.ofInstant(loaded.leaksBegan(), loaded.meterZone()),
          loaded.meterZone());
    }
  }

  /** Records every meter of the building's plans for polling, as a primary scan would. */
  private int recordBusMeters(Building loaded, Database db) {
    List<BusMeter> meters = loaded.busMeters(clock.instant());
    new BusMeters(db).save(meters);
    return meters.size();
  }

  /** Writes the gateway configuration of this run (the ports change) and loads it back. */
  private GatewayConfig writeConfig(
      Building loaded, SimulatedBuilding running, Path folder, CloudSide.Setup cloudSetup)
      throws IOException, io.releve.common.config.ConfigException {
    Path file = folder.resolve("releve.conf");
    SimulatedBuses.writeGatewayConfig(
        file,
        "Written by 'releve demo' for this run: the simulated buses' ports change.",
        "demo-gateway",
        loaded,
        running,
        pollInterval);
    Files.writeString(
        file, DemoRadio.configBlock(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    if (cloudSetup != null) {
      // the largest batches the uplink takes: the first start's history reaches the portal sooner
      Files.writeString(
          file,
          "mqtt.uri = " + cloudSetup.brokerUri() + "\nuplink.batch-size = 2000\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
    return GatewayConfig.load(file);
  }

  /** The active alerts, one line each, as the leak detector and meter health see them. */
  private static void printAlerts(Database db, PrintWriter out) {
    List<StoredAlert> active = Alerts.list(db, true);
    out.println();
    out.println("Active alerts: " + (active.isEmpty() ? "none" : active.size()));
    for (StoredAlert stored : active) {
      AlertRow alert = stored.alert();
      StringBuilder line = new StringBuilder("  ").append(alert.type());
      if (!alert.condition().isEmpty()) {
        line.append(' ').append(alert.condition());
      }
      if (alert.level() != null) {
        line.append(" level ").append(alert.level());
      }
      line.append(" since ").append(alert.startedAt());
      if (stored.site() != null) {
        line.append(" in ").append(stored.site()).append(' ').append(stored.dwelling());
      }
      line.append(", ").append(stored.medium().replace('_', ' '));
      if (alert.totalLossM3() != null) {
        line.append(": ")
            .append(alert.totalLossM3().toPlainString())
            .append(" m³ lost, ")
            .append(alert.averageFlowLph().toPlainString())
            .append(" L/h on average");
      }
      out.println(line);
    }
  }

  /**
   * Cold water of each dwelling over the last day: its index, what it used, and its lowest hourly
   * flow. A flow that never stops, even at night, is what a leak looks like.
   */
  private void printColdWater(Building loaded, ReadingStore store, PrintWriter out) {
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofHours(25));
    TextTable table =
        new TextTable("DWELLING", "SERIAL", "INDEX m3", "LAST 24 H (L)", "LOWEST HOUR (L/h)");
    for (InstalledDevice device : loaded.installation()) {
      if (device.medium() != Medium.COLD_WATER) {
        continue;
      }
      List<Reading> volumes =
          store.find(ReadingFilter.all().device(device.identity()).between(since, now)).stream()
              .map(StoredReading::reading)
              .filter(r -> r.quantity() == Quantity.VOLUME && r.storage() == 0)
              .filter(r -> r.value() instanceof Value.Number)
              .toList();
      if (volumes.isEmpty()) {
        continue;
      }
      Reading last = volumes.get(volumes.size() - 1);
      BigDecimal lastLitres = litres(last);
      BigDecimal dayAgo = null;
      BigDecimal lowest = null;
      Reading previous = null;
      for (Reading reading : volumes) {
        if (dayAgo == null && !reading.receivedAt().isBefore(now.minus(Duration.ofHours(24)))) {
          dayAgo = litres(reading);
        }
        if (previous != null) {
          // only whole hours: over a part of an hour, the index's one-litre steps would show
          // as a flow that the meter never saw
          Duration gap = Duration.between(previous.receivedAt(), reading.receivedAt());
          if (gap.compareTo(Duration.ofMinutes(59)) >= 0
              && gap.compareTo(Duration.ofMinutes(61)) <= 0) {
            BigDecimal perHour =
                litres(reading)
                    .subtract(litres(previous))
                    .multiply(BigDecimal.valueOf(3600))
                    .divide(BigDecimal.valueOf(gap.toSeconds()), 1, RoundingMode.HALF_UP);
            lowest = lowest == null || perHour.compareTo(lowest) < 0 ? perHour : lowest;
          }
        }
        previous = reading;
      }
      table.add(
          device.dwelling().label(),
          String.valueOf(device.printedSerial()),
          last.value().text(),
          dayAgo == null ? "-" : lastLitres.subtract(dayAgo).stripTrailingZeros().toPlainString(),
          lowest == null ? "-" : lowest.toPlainString());
    }
    out.println();
    out.println("Cold water over the last day (a lowest hour above zero: water never stops)");
    table.print(out);
    out.println();
    out.flush();
  }

  private static BigDecimal litres(Reading volume) {
    return ((Value.Number) volume.value()).amount().multiply(BigDecimal.valueOf(1000));
  }

  /** When the demo first started with this data folder: now if it never did. */
  private Instant firstStarted(Path folder) throws IOException {
    Path file = folder.resolve(STARTED_FILE);
    if (!Files.exists(file)) {
      Instant now = clock.instant();
      Files.writeString(file, now + "\n", StandardCharsets.UTF_8);
      return now;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CliException(
          ExitCodes.DATA_ERROR,
          file
              + " holds ["
              + text
              + "], not an instant such as 2026-03-10T14:00:00Z; --reset starts afresh.",
          e);
    }
  }

  private static void deleteData(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("releve.db")
            || name.equals("releve.conf")
            || name.equals("keys")
            || name.equals(STARTED_FILE)) {
          Files.delete(file);
        } else if (name.equals("cloud") || name.equals("mail")) {
          deleteTree(file);
        }
      }
    }
  }

  /** The cloud side's folder or the mail folder, with everything in it. */
  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static Path defaultData() {
    String home = System.getenv("RELEVE_HOME");
    return home == null || home.isBlank() ? DEFAULT_DATA : Path.of(home).resolve(DEFAULT_DATA);
  }
}
