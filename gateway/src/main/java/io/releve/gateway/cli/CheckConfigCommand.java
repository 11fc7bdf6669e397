package io.releve.gateway.cli;

import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code releve check-config}: validates the configuration and says what it will do. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the configuration file and prints a summary.",
      "Exit 0 when valid; 78 with file, key and value on stderr when not."
    })
public final class CheckConfigCommand implements Callable<Integer> {

  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    GatewayConfig loaded = config.load();
    PrintWriter out = spec.commandLine().getOut();
    out.println(loaded.file() + ": valid");
    out.println("  gateway id   " + loaded.gatewayId());
    out.println("  database     " + loaded.database());
    out.println("  meter clocks " + loaded.meterZone());
    out.printf(
        "  retention    raw frames %d d, readings %d d, quarantine %d d%n",
        loaded.retention().rawFrameDays(),
        loaded.retention().readingDays(),
        loaded.retention().quarantineDays());
    if (loaded.buses().isEmpty()) {
      out.println("  buses        none");
    }
    for (BusConfig bus : loaded.buses()) {
      String where =
          bus.transport() == BusConfig.Transport.SERIAL
              ? bus.device().toString()
              : bus.host() + ":" + bus.port();
      out.printf(
          "  bus %-8s %s %s at %d baud%n",
          bus.name(), bus.transport().name().toLowerCase(java.util.Locale.ROOT), where, bus.baud());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
