package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.daemon.BusConnector;
import io.releve.gateway.decode.DecodedFrameJson;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.link.SecondaryAddress;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve read ADDRESS}: reads one meter now and prints each telegram decoded, as {@code
 * releve decode} does. Nothing is stored: this is the installer's check of a meter and its wiring.
 */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
      "Reads one meter of a wired bus now and prints each telegram as one JSON object.",
      "Nothing is stored. A meter that does not answer exits 74."
    })
public final class ReadCommand implements Callable<Integer> {

  private static final Pattern PRIMARY = Pattern.compile("[0-9]{1,3}");
  private static final Pattern ID = Pattern.compile("[0-9A-Fa-f]{8}");
  private static final Pattern FULL =
      Pattern.compile("([0-9A-Fa-f]{8})\\.([A-Za-z@]{3})\\.([0-9A-Fa-f]{2})\\.([0-9A-Fa-f]{2})");

  @Parameters(
      paramLabel = "ADDRESS",
      description = {
        "A primary address (0-250), a secondary address as scan prints it",
        "(12345678.SEN.68.07: id, manufacturer, version and medium in hex), or just the",
        "8-digit id of a meter a scan saved on this bus."
      })
  String address;

  @Mixin BusOption bus;
  @Mixin DatabaseOption database;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final BusConnector connector;

  public ReadCommand() {
    this(BusConnector.REAL);
  }

  ReadCommand(BusConnector connector) {
    this.connector = connector;
  }

  @Override
  public Integer call() throws Exception {
    BusConfig busConfig = bus.select(database.config.load());
    Target target = target(busConfig);
    PrintWriter out = spec.commandLine().getOut();
    Readout readout;
    long start = System.nanoTime();
    try (MBusMaster master = connector.connect(busConfig)) {
      readout =
          target.secondary() == null
              ? master.readPrimary(target.primary())
              : master.readSecondary(target.secondary());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    boolean anyRejected = false;
    WiredFrameDecoder decoder = new WiredFrameDecoder();
    for (byte[] telegram : readout.telegrams()) {
      try {
        out.println(DecodedFrameJson.toJson(decoder.decode(telegram)));
      } catch (FrameRejectedException e) {
        anyRejected = true;
        out.println(DecodedFrameJson.error(e.getMessage()));
      }
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        readout.telegrams().size()
            + " telegrams from "
            + address
            + " on bus "
            + busConfig.name()
            + " in "
            + millis
            + " ms"
            + (readout.capped() ? "; stopped at the telegram cap, more records follow." : "."));
    err.flush();
    return anyRejected ? ExitCodes.DATA_ERROR : ExitCodes.OK;
  }

  private record Target(int primary, SecondaryAddress secondary) {}

  private Target target(BusConfig busConfig) throws Exception {
    if (PRIMARY.matcher(address).matches()) {
      int primary = Integer.parseInt(address);
      if (primary > BusMeter.MAX_PRIMARY_ADDRESS) {
        throw usage("a primary address lies between 0 and 250");
      }
      return new Target(primary, null);
    }
    var full = FULL.matcher(address);
    if (full.matches()) {
      return new Target(
          0,
          new SecondaryAddress(
              new DeviceIdentity(
                  full.group(2),
                  full.group(1).toUpperCase(java.util.Locale.ROOT),
                  Integer.parseInt(full.group(3), 16),
                  Integer.parseInt(full.group(4), 16))));
    }
    if (ID.matcher(address).matches()) {
      String id = address.toUpperCase(java.util.Locale.ROOT);
      List<BusMeter> matching;
      try (Database db = database.open()) {
        matching =
            new BusMeters(db)
                .onBus(busConfig.name()).stream()
                    .filter(m -> m.identity().id().equals(id))
                    .toList();
      }
      if (matching.size() != 1) {
        throw usage(
            matching.isEmpty()
                ? "no meter with this id was saved on bus "
                    + busConfig.name()
                    + " (run releve scan, or give the whole secondary address)"
                : "several meters on bus "
                    + busConfig.name()
                    + " have this id: give the whole secondary address");
      }
      return new Target(0, new SecondaryAddress(matching.get(0).identity()));
    }
    throw usage(
        "expected a primary address (0-250), a secondary address such as 12345678.SEN.68.07, or"
            + " an 8-digit id");
  }

  private CliException usage(String problem) {
    return new CliException(ExitCodes.USAGE, "Address [" + address + "]: " + problem + ".");
  }
}
