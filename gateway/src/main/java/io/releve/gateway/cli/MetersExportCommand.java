package io.releve.gateway.cli;

import io.releve.gateway.store.Database;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code releve meters export [FILE|-]}: the inventory as a file that import reads back. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write the installed meters as CSV (UTF-8), in the format import reads.")
final class MetersExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "Where to write; standard output when omitted or -.")
  String target;

  @Override
  public Integer call() throws Exception {
    List<InstalledDevice> devices;
    try (Database db = database.open()) {
      devices = new Inventory(db).list();
    }
    String csv = InventoryCsv.write(devices);
    if (target == null || "-".equals(target)) {
      spec.commandLine().getOut().print(csv);
    } else {
      Files.writeString(Path.of(target), csv, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("exported " + devices.size() + " meters to " + target);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
