package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.text.TextTable;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code releve meters list}: the installed devices. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the installed meters by site and dwelling.")
final class MetersListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv (the import format) or json (one object per line).")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    List<InstalledDevice> devices;
    try (Database db = database.open()) {
      devices = new Inventory(db).list();
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case TABLE -> printTable(out, devices);
      case CSV -> out.print(InventoryCsv.write(devices));
      case JSON -> {
        for (InstalledDevice device : devices) {
          out.println(JsonLines.line(json(device)));
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void printTable(PrintWriter out, List<InstalledDevice> devices) {
    if (devices.isEmpty()) {
      out.println("No meters installed.");
      return;
    }
    TextTable table =
        new TextTable("SITE", "DWELLING", "LOT", "ROOM", "MEDIUM", "SERIAL", "DEVICE");
    for (InstalledDevice device : devices) {
      table.add(
          device.site(),
          device.dwelling().label(),
          device.lot(),
          device.room(),
          device.medium().label(),
          device.printedSerial(),
          device.identity().key());
    }
    table.print(out);
  }

  private static ObjectNode json(InstalledDevice device) {
    ObjectNode node = JsonLines.object();
    List<String> row = InventoryCsv.row(device);
    for (int i = 0; i < InventoryCsv.HEADER.size(); i++) {
      String column = InventoryCsv.HEADER.get(i);
      String value = row.get(i);
      switch (column) {
        case "version", "type" -> node.put(column, Integer.parseInt(value));
        default -> {
          if (value.isEmpty()) {
            node.putNull(column);
          } else {
            node.put(column, value);
          }
        }
      }
    }
    node.put("device", device.identity().key());
    return node;
  }
}
