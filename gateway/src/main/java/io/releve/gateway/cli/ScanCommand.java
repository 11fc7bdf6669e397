package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.text.TextTable;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.BusConnector;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.FoundMeter;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.SecondaryAddressMask;
import io.releve.gateway.link.SecondaryScan;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve scan}: finds the meters of a bus and records how to reach them, so that {@code
 * releve run} polls them. By secondary address (the default: a depth-first wildcard search that
 * finds meters sharing a primary address, such as the factory default 0) or by primary address.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the meters of a wired bus and saves them as the bus's meters to poll.",
      "By default a secondary-address wildcard scan (finds meters that share a primary address);",
      "--primary asks each primary address from --from to --to in turn.",
      "Progress goes to stderr, the table of meters found to stdout."
    })
public final class ScanCommand implements Callable<Integer> {

  @Mixin BusOption bus;
  @Mixin DatabaseOption database;

  @Option(names = "--primary", description = "Scan primary addresses instead of secondary ones.")
  boolean primary;

  @Option(
      names = "--from",
      defaultValue = "0",
      paramLabel = "ADDRESS",
      description = "First primary address (default: ${DEFAULT-VALUE}).")
  int from;

  @Option(
      names = "--to",
      defaultValue = "250",
      paramLabel = "ADDRESS",
      description = "Last primary address (default: ${DEFAULT-VALUE}).")
  int to;

  @Option(names = "--no-save", description = "Show what is on the bus without saving it.")
  boolean noSave;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final BusConnector connector;
  private final Clock clock;

  public ScanCommand() {
    this(BusConnector.REAL, Clock.systemUTC());
  }

  ScanCommand(BusConnector connector, Clock clock) {
    this.connector = connector;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (from < 0 || to > BusMeter.MAX_PRIMARY_ADDRESS || from > to) {
      throw new CliException(
          ExitCodes.USAGE,
          "--from " + from + " --to " + to + ": primary addresses lie between 0 and 250.");
    }
    GatewayConfig config = database.config.load();
    BusConfig busConfig = bus.select(config);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar progress = new ProgressBar(err);
    List<FoundMeter> found;
    List<SecondaryAddressMask> unresolved = List.of();
    try (MBusMaster master = connector.connect(busConfig)) {
      if (primary) {
        found = master.scanPrimary(from, to, progress);
      } else {
        SecondaryScan scan = master.scanSecondary(progress);
        found = scan.meters();
        unresolved = scan.unresolved();
      }
    } finally {
      progress.finish();
    }
    BusMeter.Addressing addressing =
        primary ? BusMeter.Addressing.PRIMARY : BusMeter.Addressing.SECONDARY;
    List<BusMeter> meters = new ArrayList<>();
    List<FoundMeter> withoutHeader =
        found.stream().filter(meter -> meter.secondary() == null).toList();
    found = found.stream().filter(meter -> meter.secondary() != null).toList();
    for (FoundMeter meter : withoutHeader) {
      // CI 0x78 and 0x79 telegrams carry no identity: the meter cannot be told apart from others
      err.println(
          "Primary address "
              + meter.primaryAddress()
              + " answered without a long header (no id, manufacturer, version, medium);"
              + " not saved: read it with 'releve read "
              + meter.primaryAddress()
              + "'.");
    }
    for (FoundMeter meter : found) {
      meters.add(
          new BusMeter(
              busConfig.name(),
              meter.secondary().identity(),
              addressing,
              meter.primaryAddress(),
              clock.instant()));
    }
    printTable(out, found, known(busConfig));
    if (found.isEmpty()) {
      out.println("No meter answered on bus " + busConfig.name() + ".");
    } else if (noSave) {
      out.println(found.size() + " meters found on bus " + busConfig.name() + "; not saved.");
    } else {
      int added;
      try (Database db = database.open()) {
        added = new BusMeters(db).save(meters);
      }
      out.println(
          found.size()
              + " meters found on bus "
              + busConfig.name()
              + ", "
              + added
              + " new; saved for polling by "
              + addressing.name().toLowerCase(java.util.Locale.ROOT)
              + " address.");
    }
    for (SecondaryAddressMask mask : unresolved) {
      err.println(
          "Collision not resolved at "
              + mask
              + ": several meters answer to the same complete id; read them by primary address.");
    }
    out.flush();
    err.flush();
    return unresolved.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /**
   * The meters already saved on the bus. With {@code --no-save} a missing database is not created:
   * nothing is known then.
   */
  private Set<DeviceIdentity> known(BusConfig busConfig) throws Exception {
    Set<DeviceIdentity> known = new HashSet<>();
    if (noSave && !Files.exists(database.path())) {
      return known;
    }
    try (Database db = database.open()) {
      new BusMeters(db).onBus(busConfig.name()).forEach(m -> known.add(m.identity()));
    }
    return known;
  }

  private static void printTable(
      PrintWriter out, List<FoundMeter> found, Set<DeviceIdentity> known) {
    if (found.isEmpty()) {
      return;
    }
    TextTable table =
        new TextTable("PRIMARY", "SECONDARY ADDRESS", "MEDIUM", "TELEGRAMS", "STATUS");
    for (FoundMeter meter : found) {
      DeviceIdentity identity = meter.secondary().identity();
      table.add(
          meter.primaryAddress(),
          meter.secondary(),
          identity.medium().label(),
          meter.telegrams().size(),
          known.contains(identity) ? "known" : "new");
    }
    table.print(out);
  }
}
