package io.releve.gateway.cli;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.SiteCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code releve meters add}: installs one device in a dwelling. */
@Command(
    name = "add",
    description = "Install a meter or allocator in a dwelling (the dwelling is created if new).")
final class MetersAddCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  // Not mixinStandardHelpOptions: its --version would clash with the meter's --version.
  @Mixin HelpOption help;

  @Option(
      names = "--site",
      required = true,
      paramLabel = "CODE",
      description = "Site code, e.g. AB123.")
  String site;

  @Option(
      names = "--dwelling",
      required = true,
      paramLabel = "LABEL",
      description = "Dwelling, e.g. A12.")
  String dwelling;

  @Option(names = "--lot", paramLabel = "LOT", description = "Lot number of the dwelling.")
  String lot;

  @Option(names = "--room", paramLabel = "ROOM", description = "Room, for heat cost allocators.")
  String room;

  @Option(
      names = "--medium",
      paramLabel = "MEDIUM",
      description = "cold_water, hot_water, heat, heat_cost_allocator… (default: from --type).")
  String medium;

  @Option(names = "--serial", paramLabel = "SERIAL", description = "Serial printed on the label.")
  String serial;

  @Option(names = "--manufacturer", required = true, paramLabel = "MAN", description = "e.g. LUG.")
  String manufacturer;

  @Option(names = "--id", required = true, paramLabel = "ID", description = "Eight-digit M-Bus id.")
  String id;

  @Option(names = "--version", required = true, paramLabel = "N", description = "Version, 0-255.")
  int version;

  @Option(names = "--type", required = true, paramLabel = "N", description = "Device type, 0-255.")
  int type;

  @Override
  public Integer call() throws Exception {
    InstalledDevice device = device();
    try (Database db = database.open()) {
      new Inventory(db).add(device);
    }
    spec.commandLine()
        .getOut()
        .println("added " + device.identity().key() + " to " + device.dwelling());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** Validates the options; a bad one is a usage error naming it. */
  private InstalledDevice device() {
    String option = "--site";
    try {
      SiteCode siteCode = SiteCode.of(site);
      option = "--manufacturer, --id, --version or --type";
      DeviceIdentity identity = new DeviceIdentity(manufacturer, id, version, type);
      option = "--medium";
      Medium chosen = medium == null ? identity.medium() : Medium.fromLabel(medium);
      option = "--serial";
      PrintedSerial printed = serial == null ? null : PrintedSerial.of(serial);
      option = "--dwelling, --lot or --room";
      return new InstalledDevice(
          identity, chosen, printed, new Dwelling(siteCode, dwelling, lot), room);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for " + option + ": " + e.getMessage(), e);
    }
  }
}
