package io.releve.cloud.cli;

import io.releve.cloud.registry.Registry;
import io.releve.common.text.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code releve cloud sites}: the site registry, sites → dwellings → devices. */
@Command(
    name = "sites",
    mixinStandardHelpOptions = true,
    description = {
      "The site registry: sites, dwellings, devices.",
      "",
      "Built from the gateways' inventories: each site, its dwellings (with their lot) and the"
          + " devices installed in them (medium, printed serial, room, gateway)."
    })
final class SitesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    List<Registry.Site> sites = StoreAccess.read(config.load(), Registry::sites);
    PrintWriter out = spec.commandLine().getOut();
    if (sites.isEmpty()) {
      out.println("No site yet: no gateway has sent its inventory.");
    }
    for (Registry.Site site : sites) {
      out.println(site.code());
      for (Registry.Dwelling dwelling : site.dwellings()) {
        out.println(
            "  "
                + dwelling.label()
                + (dwelling.lot() == null ? "" : " (lot " + dwelling.lot() + ")")
                + (dwelling.devices().isEmpty() ? ": no device installed" : ""));
        TextTable table = new TextTable("    device", "medium", "serial", "room", "gateway");
        for (Registry.Device device : dwelling.devices()) {
          table.add(
              "    " + device.key(),
              device.medium(),
              device.printedSerial(),
              device.room(),
              device.gateway());
        }
        if (!dwelling.devices().isEmpty()) {
          table.print(out);
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
